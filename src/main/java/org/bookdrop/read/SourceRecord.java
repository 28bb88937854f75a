package org.bookdrop.read;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookdrop.book.Book;

/**
 * One record as it was read from a file, before any check: its fields as JSON, or, for a line that
 * holds a plain book ({@link PlainBookJson}), the book itself with the line's bytes, from which the
 * JSON is read only if it is ever needed (for the rejects file).
 */
public final class SourceRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long number;
    private final long line;
    private final String unreadable;
    private final Book plainBook;
    private final byte[] json;
    private JsonNode fields;
    private JsonNode original;

    private SourceRecord(long number, long line, JsonNode fields, JsonNode original, String unreadable,
                         Book plainBook, byte[] json) {
        this.number = number;
        this.line = line;
        this.fields = fields;
        this.original = original;
        this.unreadable = unreadable;
        this.plainBook = plainBook;
        this.json = json;
    }

    /**
     * @param fields   the record's fields, as JSON
     * @param original the record as the file holds it, for the rejects file: the JSON value, or
     *                 the CSV row's values as an array
     */
    public static SourceRecord read(long number, long line, JsonNode fields, JsonNode original) {
        return new SourceRecord(number, line, fields, original, null, null, null);
    }

    /**
     * @param original the record as the file holds it, for the rejects file, such as the text of a
     *                 line that is not JSON
     * @param reason   why the record could not be read
     */
    public static SourceRecord unreadable(long number, long line, JsonNode original, String reason) {
        return new SourceRecord(number, line, null, original, reason, null, null);
    }

    /** A line of valid JSON read straight into a book; {@code json} is kept, its tree made on demand. */
    static SourceRecord plain(long line, byte[] json, Book book) {
        return new SourceRecord(0, line, null, null, null, book, json);
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
        return unreadable;
    }

    /** The book the record holds when it was read straight into one, else null: map its {@link #fields()}. */
    public Book plainBook() {
        return plainBook;
    }

    /** The record's fields, as JSON; null when the record could not be read. */
    public JsonNode fields() {
        if (fields == null && json != null) {
            fields = tree();
        }
        return fields;
    }

    /** The record as the file holds it, for the rejects file. */
    public JsonNode original() {
        if (original == null && json != null) {
            original = fields();
        }
        return original;
    }

    private JsonNode tree() {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // The line was read as valid JSON once already.
            throw new UncheckedIOException("line " + line + " cannot be read again: " + e.getMessage(), e);
        }
    }

    /**
     * Where the record stands, in the words a user searches the file with: "record 3 (line 12)"
     * in a JSON file, "line 12" in NDJSON or CSV.
     */
    public String position() {
        return number > 0 ? "record " + number + " (line " + line + ")" : "line " + line;
    }
}
