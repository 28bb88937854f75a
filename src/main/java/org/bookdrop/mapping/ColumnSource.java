package org.bookdrop.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.read.SourceRecord;

/** A CSV column, found by its name in the header row (or by its position) once per file. */
record ColumnSource(int index, String label) implements Source {

    @Override
    public JsonNode read(SourceRecord record) {
        String value = text(record);
        return value == null ? null : TextNode.valueOf(value);
    }

    /** The cell's text, or null when it is empty: what a field reads, without wrapping it as JSON first. */
    String text(SourceRecord record) {
        String[] values = record.values();
        if (index >= values.length) {
            return null;
        }
        String value = values[index];
        return value == null || value.isEmpty() ? null : value;
    }
}
