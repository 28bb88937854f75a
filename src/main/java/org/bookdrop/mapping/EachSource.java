package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.read.SourceRecord;

/**
 * For each element a path finds (each contributor, each subject), the first value its sources
 * read from that element: {@code PersonName}, else {@code NamesBeforeKey KeyNames}, else
 * {@code CorporateName}. The elements can be put in the order of a numbered child, and those
 * with a given child first. Gives a list, one value per element that has one.
 */
final class EachSource implements Source {

    private final PointerSource elements;
    private final List<ElementSource> firstOf;
    private final String sortBy;
    private final String firstWith;
    private final String label;

    /** A source read from one element rather than from the record. */
    interface ElementSource {
        JsonNode read(JsonNode element);
    }

    EachSource(PointerSource elements, List<ElementSource> firstOf, String sortBy, String firstWith, String label) {
        this.elements = elements;
        this.firstOf = firstOf;
        this.sortBy = sortBy;
        this.firstWith = firstWith;
        this.label = label;
    }

    @Override
    public JsonNode read(SourceRecord record) {
        JsonNode root = record.fields();
        JsonNode found = root == null ? null : elements.at(root);
        if (found == null) {
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(list::add);
        } else {
            list.add(found);
        }
        if (sortBy != null || firstWith != null) {
            list.sort(order());
        }
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : list) {
            for (ElementSource source : firstOf) {
                JsonNode value = source.read(element);
                if (value != null && !value.isNull() && !(value.isTextual() && value.textValue().isBlank())) {
                    values.add(value.isArray() && value.size() > 0 ? value.get(0) : value);
                    break;
                }
            }
        }
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
    }

    /** Those with the child first, then by the numbered child (missing ones last); a stable sort keeps the file's order otherwise. */
    private Comparator<JsonNode> order() {
        Comparator<JsonNode> order = Comparator.comparingInt(element -> 0);
        if (firstWith != null) {
            order = order.thenComparingInt(element -> element.has(firstWith) ? 0 : 1);
        }
        if (sortBy != null) {
            order = order.thenComparingLong(element -> number(element.get(sortBy)));
        }
        return order;
    }

    private static long number(JsonNode value) {
        if (value == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(value.asText().strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A path read from the element. */
    static ElementSource path(PointerSource path) {
        return path::at;
    }

    /** A template whose paths are read from the element. */
    static ElementSource template(TemplateSource template) {
        return element -> {
            String text = template.fill(element);
            return text == null ? null : TextNode.valueOf(text);
        };
    }

    @Override
    public String label() {
        return label;
    }
}
