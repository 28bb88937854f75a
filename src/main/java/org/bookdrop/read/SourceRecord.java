package org.bookdrop.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as it was read from a file, before any check.
 *
 * @param position   where the record stands, in the words a user searches the file with:
 *                   "record 3 (line 12)" in a JSON array, "line 12" in NDJSON or CSV
 * @param line       the line of the file where the record starts
 * @param fields     the record's fields, as JSON; null when the record could not be read
 * @param original   the record as the file holds it, for the rejects file: the JSON value, the
 *                   CSV row's values as an array, or the text of a line that is not JSON
 * @param unreadable why the record could not be read, or null when it could
 */
public record SourceRecord(String position, long line, JsonNode fields, JsonNode original, String unreadable) {

    public static SourceRecord read(String position, long line, JsonNode fields, JsonNode original) {
        return new SourceRecord(position, line, fields, original, null);
    }

    public static SourceRecord unreadable(String position, long line, JsonNode original, String reason) {
        return new SourceRecord(position, line, null, original, reason);
    }
}
