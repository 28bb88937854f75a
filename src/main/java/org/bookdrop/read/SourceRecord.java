package org.bookdrop.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.book.Book;

/**
 * One record as it was read from a file, before any check: its fields as JSON, or, for an NDJSON
 * line, the line itself ({@link JsonLine}), read as JSON when first asked, in the check stage.
 */
public final class SourceRecord {

    private final long number;
    private final long line;
    private final JsonNode fields;
    private final JsonNode original;
    private final String unreadable;
    private final JsonLine jsonLine;

    private SourceRecord(long number, long line, JsonNode fields, JsonNode original, String unreadable, JsonLine jsonLine) {
        this.number = number;
        this.line = line;
        this.fields = fields;
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
        return new SourceRecord(number, line, fields, original, null, null);
    }

    /**
     * @param original the record as the file holds it, for the rejects file, such as the text of a
     *                 line that is not JSON
     * @param reason   why the record could not be read
     */
    public static SourceRecord unreadable(long number, long line, JsonNode original, String reason) {
        return new SourceRecord(number, line, null, original, reason, null);
    }

    /** A line of an NDJSON file, read as JSON when first asked. */
    static SourceRecord jsonLine(long line, byte[] json) {
        return new SourceRecord(0, line, null, null, null, new JsonLine(json));
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

    /** The record's fields, as JSON; null when the record could not be read. */
    public JsonNode fields() {
        return jsonLine != null ? jsonLine.fields() : fields;
    }

    /**
     * The record as the file holds it, for the rejects file: the JSON value, the CSV row's values
     * as an array, or the text of a line that is not JSON.
     */
    public JsonNode original() {
        return jsonLine != null ? jsonLine.original() : original;
    }

    /**
     * Where the record stands, in the words a user searches the file with: "record 3 (line 12)"
     * in a JSON file, "line 12" in NDJSON or CSV.
     */
    public String position() {
        return number > 0 ? "record " + number + " (line " + line + ")" : "line " + line;
    }
}
