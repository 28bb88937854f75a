package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV whose header row names the columns, in any order. Quoted fields may hold
 * the delimiter, quotes and line breaks. An empty field means the value is absent; categories are
 * {@code a|b|c}, or a JSON array as text. A row with a wrong number of fields is a record the
 * check rejects; the rows after it are read as usual.
 */
public final class CsvReader extends RecordReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> REQUIRED_COLUMNS = List.of("title", "author");

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> columns;

    /** @param in the file's content, without a byte order mark */
    public CsvReader(InputStream in, char delimiter) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UnreadableFileException("cannot read the CSV header row: " + message(e), e);
        }
        this.columns = parser.getHeaderNames().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        if (columns.isEmpty()) {
            throw new UnreadableFileException("the CSV file is empty: it needs a header row naming its columns");
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(name -> !columns.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("the CSV header row has no " + String.join(" or ", missing)
                    + " column (it has: " + String.join(", ", columns) + "; delimiter '" + delimiter + "')");
        }
        this.rows = parser.iterator();
    }

    /** The header row as the file spells it. */
    public List<String> header() {
        return parser.getHeaderNames();
    }

    @Override
    protected SourceRecord readRecord() {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("cannot read the CSV from line " + line + " on: " + message(e), e);
        }
        ArrayNode original = NODES.arrayNode(row.size());
        row.forEach(original::add);
        if (row.size() != columns.size()) {
            return SourceRecord.unreadable(0, line, original,
                    "has " + row.size() + " fields where the header row has " + columns.size());
        }
        ObjectNode fields = NODES.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            String value = row.get(i);
            if (!value.isEmpty()) {
                fields.set(columns.get(i), columns.get(i).equals("categories") ? categories(value) : NODES.textNode(value));
            }
        }
        return SourceRecord.read(0, line, fields, original);
    }

    /** {@code a|b|c}, or a JSON array as text: {@code ["a","b"]}. */
    private static JsonNode categories(String value) {
        String text = value.strip();
        if (text.startsWith("[")) {
            try {
                return MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                // Not a JSON array after all: the check will say the field is not an array.
                return NODES.textNode(value);
            }
        }
        ArrayNode categories = NODES.arrayNode();
        for (String category : text.split("\\|", -1)) {
            categories.add(category.strip());
        }
        return categories;
    }

    private static String message(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
