package org.bookdrop.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as it was read from a file, before any check.
 *
 * @param number the record's position in the file, counting from 1
 * @param line   the line of the file where the record starts
 * @param fields the record's fields as the file gave them
 */
public record SourceRecord(long number, long line, JsonNode fields) {

    /** Where the record stands in its file, in the words a user searches the file with. */
    public String position() {
        return "record " + number + " (line " + line + ")";
    }
}
