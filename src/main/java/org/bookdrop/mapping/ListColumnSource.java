package org.bookdrop.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.read.SourceRecord;

/**
 * A CSV column that holds a list in one cell: its values split on a separator
 * ({@code novel|comedy}), or a JSON array written as text ({@code ["a|b","c"]}).
 */
record ListColumnSource(int index, String separator, String label) implements Source {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public JsonNode read(SourceRecord record) {
        String[] values = record.values();
        if (index >= values.length || values[index] == null || values[index].isEmpty()) {
            return null;
        }
        String text = values[index].strip();
        if (text.startsWith("[")) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                // Not a JSON array after all: the field says it is not a list.
                return TextNode.valueOf(values[index]);
            }
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        int from = 0;
        while (true) {
            int at = text.indexOf(separator, from);
            list.add((at < 0 ? text.substring(from) : text.substring(from, at)).strip());
            if (at < 0) {
                return list;
            }
            from = at + separator.length();
        }
    }
}
