package org.bookdrop.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as it was read from a file, before any check.
 *
 * @param number     the record's number in a JSON file, counting from 1; 0 where lines count
 *                   (NDJSON, CSV)
 * @param line       the line of the file where the record starts
 * @param fields     the record's fields, as JSON; null when the record could not be read
 * @param original   the record as the file holds it, for the rejects file: the JSON value, the
 *                   CSV row's values as an array, or the text of a line that is not JSON
 * @param unreadable why the record could not be read, or null when it could
 */
public record SourceRecord(long number, long line, JsonNode fields, JsonNode original, String unreadable) {

    public static SourceRecord read(long number, long line, JsonNode fields, JsonNode original) {
        return new SourceRecord(number, line, fields, original, null);
    }

    public static SourceRecord unreadable(long number, long line, JsonNode original, String reason) {
        return new SourceRecord(number, line, null, original, reason);
    }

    /**
     * Where the record stands, in the words a user searches the file with: "record 3 (line 12)"
     * in a JSON file, "line 12" in NDJSON or CSV.
     */
    public String position() {
        return number > 0 ? "record " + number + " (line " + line + ")" : "line " + line;
    }
}
