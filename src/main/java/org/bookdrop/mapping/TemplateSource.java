package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.read.SourceRecord;

/**
 * Text made of fixed text and values of the record: {@code goodreads-{Book Id}}. A part in square
 * brackets is kept only when every value in it is there ({@code {Title}[: {Subtitle}]}); a value
 * outside brackets that is not there leaves the whole template without a value. A value that is a
 * list takes its first element. {@code {Code@schemes}} writes a value through the mapping's lookup
 * table {@code schemes} (a value the table lacks is written as it is).
 */
final class TemplateSource implements Source {

    private sealed interface Part permits Literal, Placeholder, Optional {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(Source source, Map<String, String> lookup) implements Part {
    }

    private record Optional(List<Part> parts) implements Part {
    }

    private final List<Part> parts;
    private final String label;

    private TemplateSource(List<Part> parts, String label) {
        this.parts = parts;
        this.label = label;
    }

    /**
     * @param bind    turns a path between braces into a source of the file being read
     * @param lookups the mapping's lookup tables, by name
     * @throws IllegalArgumentException for unbalanced braces or brackets, or an unknown lookup table
     */
    static TemplateSource parse(String template, Function<String, Source> bind, Map<String, Map<String, String>> lookups) {
        int[] at = {0};
        List<Part> parts = parts(template, at, bind, lookups, false);
        if (parts.stream().noneMatch(part -> part instanceof Placeholder || part instanceof Optional)) {
            throw new IllegalArgumentException("template '" + template + "' reads nothing from the record: name a field "
                    + "between braces, as in goodreads-{Book Id}");
        }
        return new TemplateSource(parts, template);
    }

    private static List<Part> parts(String template, int[] at, Function<String, Source> bind,
                                    Map<String, Map<String, String>> lookups, boolean inOptional) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (at[0] < template.length()) {
            char c = template.charAt(at[0]);
            if (c == '{') {
                int end = template.indexOf('}', at[0]);
                if (end < 0) {
                    throw new IllegalArgumentException("template '" + template + "' opens a brace it does not close");
                }
                flush(literal, parts);
                String inside = template.substring(at[0] + 1, end);
                int lookupAt = inside.lastIndexOf('@');
                Map<String, String> lookup = null;
                if (lookupAt > 0) {
                    String name = inside.substring(lookupAt + 1).strip();
                    lookup = lookups.get(name);
                    if (lookup == null) {
                        throw new IllegalArgumentException("template '" + template + "' names the lookup table '" + name
                                + "', which the mapping's lookups do not have");
                    }
                    inside = inside.substring(0, lookupAt);
                }
                parts.add(new Placeholder(bind.apply(inside), lookup));
                at[0] = end + 1;
            } else if (c == '[') {
                flush(literal, parts);
                at[0]++;
                parts.add(new Optional(parts(template, at, bind, lookups, true)));
            } else if (c == ']') {
                if (!inOptional) {
                    throw new IllegalArgumentException("template '" + template + "' closes a bracket it did not open");
                }
                flush(literal, parts);
                at[0]++;
                return parts;
            } else if (c == '}') {
                throw new IllegalArgumentException("template '" + template + "' closes a brace it did not open");
            } else {
                literal.append(c);
                at[0]++;
            }
        }
        if (inOptional) {
            throw new IllegalArgumentException("template '" + template + "' opens a bracket it does not close");
        }
        flush(literal, parts);
        return parts;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    @Override
    public JsonNode read(SourceRecord record) {
        StringBuilder text = new StringBuilder();
        return fill(parts, placeholder -> placeholder.read(record), text) ? TextNode.valueOf(text.toString()) : null;
    }

    /** The text with the paths read from an element of the record (its sources must be paths). */
    String fill(JsonNode element) {
        StringBuilder text = new StringBuilder();
        return fill(parts, placeholder -> ((PointerSource) placeholder).at(element), text) ? text.toString() : null;
    }

    private static boolean fill(List<Part> parts, Function<Source, JsonNode> read, StringBuilder text) {
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else if (part instanceof Placeholder placeholder) {
                String value = scalar(read.apply(placeholder.source()));
                if (value == null) {
                    return false;
                }
                text.append(placeholder.lookup() == null ? value : placeholder.lookup().getOrDefault(value, value));
            } else if (part instanceof Optional optional) {
                StringBuilder inner = new StringBuilder();
                if (fill(optional.parts(), read, inner)) {
                    text.append(inner);
                }
            }
        }
        return true;
    }

    private static String scalar(JsonNode value) {
        JsonNode node = value != null && value.isArray() ? value.get(0) : value;
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String label() {
        return label;
    }
}
