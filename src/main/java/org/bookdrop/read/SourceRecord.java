package org.bookdrop.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.bookdrop.book.Book;

/**
 * One record as it was read from a file, before any check: its fields as JSON; or, for an NDJSON
 * line, the line itself ({@link JsonLine}), read as JSON when first asked, in the check stage; or
 * the values of a CSV row.
 */
public final class SourceRecord {

    private static final String[] NO_VALUES = new String[0];

    private final long number;
    private final long line;
    private final JsonNode fields;
    private final String[] values;
    private JsonNode original;
    private final String unreadable;
    private final JsonLine jsonLine;

    private SourceRecord(long number, long line, JsonNode fields, String[] values, JsonNode original, String unreadable,
                         JsonLine jsonLine) {
        this.number = number;
        this.line = line;
        this.fields = fields;
        this.values = values;
        this.original = original;
        this.unreadable = unreadable;
        this.jsonLine = jsonLine;
    }

    /**
     * @param fields   the record's fields, as JSON
     * @param original the record as the file holds it, for the rejects file: the JSON value, or
     *                 the CSV row's values as an array
     */
    public static SourceRecord read(long number, long line, JsonNode fields, JsonNode original) {
        return new SourceRecord(number, line, fields, null, original, null, null);
    }

    /** A CSV row: its values, in the order of the header row's columns. */
    public static SourceRecord row(long line, String[] values) {
        return new SourceRecord(0, line, null, values, null, null, null);
    }

    /**
     * @param original the record as the file holds it, for the rejects file, such as the text of a
     *                 line that is not JSON
     * @param reason   why the record could not be read
     */
    public static SourceRecord unreadable(long number, long line, JsonNode original, String reason) {
        return new SourceRecord(number, line, null, null, original, reason, null);
    }

    /** A line of an NDJSON file, read as JSON when first asked. */
    static SourceRecord jsonLine(long line, byte[] json) {
        return new SourceRecord(0, line, null, null, null, null, new JsonLine(json, null));
    }

    /** The JSON column of a line of tab-separated columns, with the columns before it. */
    static SourceRecord jsonLine(long line, byte[] json, String columnsBefore) {
        return new SourceRecord(0, line, null, null, null, null, new JsonLine(json, columnsBefore));
    }

    /** For a JSON record that is the last column of a tab-separated line: the columns before it, as the line has them; else null. */
    public String columnsBefore() {
        return jsonLine != null ? jsonLine.columnsBefore() : null;
    }

    /** The record's number in a JSON file, counting from 1; 0 where lines count (NDJSON, CSV). */
    public long number() {
        return number;
    }

    /** The line of the file where the record starts. */
    public long line() {
        return line;
    }

    /** Why the record could not be read, or null when it could. */
    public String unreadable() {
        return jsonLine != null ? jsonLine.unreadable() : unreadable;
    }

    /**
     * The book, when the record is a line of a book's plain shape read straight into one
     * ({@link PlainBookJson}); else null, and its {@link #fields()} are for the mapper.
     */
    public Book plainBook() {
        return jsonLine != null ? jsonLine.plainBook() : null;
    }

    /** The record's fields, as JSON; null for a CSV row, or when the record could not be read. */
    public JsonNode fields() {
        return jsonLine != null ? jsonLine.fields() : fields;
    }

    /** A CSV row's values; none for other records. */
    public String[] values() {
        return values != null ? values : NO_VALUES;
    }

    /**
     * The record as the file holds it, for the rejects file: the JSON value, the CSV row's values
     * as an array, or the text of a line that is not JSON.
     */
    public JsonNode original() {
        if (jsonLine != null) {
            return jsonLine.original();
        }
        if (original == null && values != null) {
            ArrayNode row = JsonNodeFactory.instance.arrayNode(values.length);
            for (String value : values) {
                row.add(value);
            }
            original = row;
        }
        return original;
    }

    /**
     * Where the record stands, in the words a user searches the file with: "record 3 (line 12)"
     * in a JSON file, "line 12" in NDJSON or CSV.
     */
    public String position() {
        return number > 0 ? "record " + number + " (line " + line + ")" : "line " + line;
    }
}
