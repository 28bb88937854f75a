package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Reads a JSON array of book objects one element at a time, so that only the record in hand is in
 * memory however large the file is; or a file holding a single book object. Jackson detects the
 * encoding and skips a byte order mark.
 */
public final class JsonReader extends RecordReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private final boolean array;
    private final CheckedDecoder decoded;
    private long number;

    public JsonReader(InputStream in) {
        this(in, null);
    }

    /** A file in another character set than UTF-8, decoded, which says which lines had bytes not valid in it. */
    public JsonReader(CheckedDecoder decoded) {
        this(null, decoded);
    }

    private JsonReader(InputStream in, CheckedDecoder decoded) {
        this.decoded = decoded;
        try {
            this.parser = decoded != null ? MAPPER.createParser(decoded) : MAPPER.createParser(in);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw new UnreadableFileException("expected a JSON array of books or one book object "
                        + (first == null ? "but the file is empty" : "but found " + describe(first) + " at " + where()));
            }
            this.array = first == JsonToken.START_ARRAY;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file: " + e.getMessage(), e);
        }
    }

    @Override
    protected SourceRecord readRecord() {
        try {
            if (!array && number == 1) {
                expectEnd();
                return null;
            }
            JsonToken token = array ? parser.nextToken() : parser.currentToken();
            if (token == null) {
                throw new UnreadableFileException("the JSON array is not closed: the file ends after record " + number);
            }
            if (token == JsonToken.END_ARRAY) {
                expectEnd();
                return null;
            }
            long line = parser.currentTokenLocation().getLineNr();
            // Any element is handed on, objects or not: the check rejects what is not a book.
            JsonNode element = MAPPER.readTree(parser);
            number++;
            JsonNode value = element == null ? NullNode.getInstance() : element;
            String bad = decoded == null ? null : decoded.badBytes(line, parser.currentLocation().getLineNr());
            if (bad != null) {
                return SourceRecord.unreadable(number, line, value, bad);
            }
            return SourceRecord.read(number, line, value, value);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file after record " + number + ": " + e.getMessage(), e);
        }
    }

    private void expectEnd() throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new UnreadableFileException("found " + describe(trailing) + " after the end of the "
                    + (array ? "array" : "book object") + " at " + where());
        }
    }

    private UnreadableFileException notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String place = at == null ? where() : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new UnreadableFileException("not valid JSON at " + place + " (after record " + number + "): "
                + e.getOriginalMessage(), e);
    }

    private String where() {
        JsonLocation at = parser.currentTokenLocation();
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
