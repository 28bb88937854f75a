package org.bookdrop.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Reads a JSON array of book objects one element at a time, so that only the record in hand is in
 * memory however large the file is. Jackson detects the encoding and skips a byte order mark.
 */
public final class JsonArrayReader implements Iterator<SourceRecord>, Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private long number;
    private SourceRecord next;
    private boolean finished;

    public JsonArrayReader(InputStream in) {
        try {
            this.parser = MAPPER.createParser(in);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new UnreadableFileException("expected a JSON array of books "
                        + (first == null ? "but the file is empty" : "but found " + describe(first) + " at " + where()));
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord record = next;
        next = null;
        return record;
    }

    private SourceRecord readNext() {
        try {
            return readElement();
        } catch (RuntimeException e) {
            // A broken file stays broken: say so once, then end the stream.
            finished = true;
            throw e;
        }
    }

    private SourceRecord readElement() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new UnreadableFileException("the JSON array is not closed: the file ends after record " + number);
            }
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw new UnreadableFileException("found " + describe(trailing) + " after the end of the array at " + where());
                }
                return null;
            }
            long line = parser.currentTokenLocation().getLineNr();
            // Any element is handed on, objects or not: the check rejects what is not a book.
            JsonNode element = MAPPER.readTree(parser);
            number++;
            return new SourceRecord(number, line, element == null ? NullNode.getInstance() : element);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
