package org.bookdrop.mapping;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.read.SourceRecord;

/**
 * A {@link FieldRule} bound to the file being read: it reads its book field from each record,
 * trying its sources in order, cleaning and reading the value as the rule says, and records the
 * value, or what is wrong with it, in the {@link MappedRecord}.
 */
public final class BoundField {

    /** A value refused: the problem is recorded already. */
    private static final String REFUSED = new String("refused");

    private final FieldRule rule;
    private final List<Source> sources;
    /** The same sources, as an array: read for every record. */
    private final Source[] sourceArray;
    /** For each source, whether its values must be ISBNs. */
    private final boolean[] isbn;
    /** Whether any is: then spreadsheet guards ({@code ="..."}, {@code [...]}) are taken off values first. */
    private final boolean anyIsbn;
    /** Where a value was looked for, for a record that has none: {@code 100$a, 110$a or 700$a}. */
    private final String lookedIn;

    BoundField(FieldRule rule, List<Source> sources) {
        this.rule = rule;
        this.sources = sources;
        this.lookedIn = lookedIn(sources);
        this.sourceArray = sources.toArray(Source[]::new);
        this.isbn = new boolean[sources.size()];
        for (int i = 0; i < isbn.length; i++) {
            isbn[i] = rule.sources().get(i).isbn(rule.isbn());
        }
        boolean any = false;
        for (boolean each : isbn) {
            any |= each;
        }
        this.anyIsbn = any;
    }

    public FieldRule rule() {
        return rule;
    }

    public List<Source> sources() {
        return sources;
    }

    void read(SourceRecord record, MappedRecord into) {
        if (rule.field() == BookField.CATEGORIES) {
            readList(record, into);
        } else {
            readText(record, into);
        }
    }

    private void readText(SourceRecord record, MappedRecord into) {
        String firstRefusal = null;
        String refusedLabel = null;
        List<String> all = rule.takeAll() ? new ArrayList<>() : null;
        String allLabel = null;
        for (int index = 0; index < sourceArray.length; index++) {
            Source source = sourceArray[index];
            // A CSV cell is text already: read without a JSON value in between (the common case).
            ColumnSource cell = source instanceof ColumnSource column ? column : null;
            JsonNode node = cell != null ? null : source.read(record);
            String cellText = cell != null ? cell.text(record) : null;
            if (cell != null ? cellText == null : node == null || node.isNull()) {
                continue;
            }
            if (all != null) {
                List<String> texts = cell != null ? scalarTexts(cellText) : texts(node, source, into);
                if (texts == null) {
                    return;
                }
                all.addAll(texts);
                allLabel = allLabel == null ? source.label() : allLabel;
                continue;
            }
            List<String> candidates;
            if (cell == null && node.isArray() && FieldRule.FIRST.equals(rule.join())) {
                // The first element that is valid (the first ISBN of several that reads), in order.
                candidates = texts(node, source, into);
                if (candidates == null) {
                    return;
                }
            } else {
                String text = cell != null ? scalarText(cellText) : asText(node, source, into);
                if (text == REFUSED) {
                    return;
                }
                candidates = text == null ? List.of() : List.of(text);
            }
            String refused = null;
            for (String text : candidates) {
                Object value = finish(text, isbn[index]);
                if (value instanceof Refusal refusal) {
                    refused = refused == null ? refusal.reason() : refused;
                    continue;
                }
                if (value != null) {
                    set(into, value, source.label());
                    return;
                }
            }
            if (refused != null) {
                if (rule.nextWhenInvalid()) {
                    if (firstRefusal == null) {
                        firstRefusal = refused;
                        refusedLabel = source.label();
                    }
                    continue;
                }
                into.problem(rule.field(), source.label(), refused);
                return;
            }
        }
        if (all != null && !all.isEmpty()) {
            String joined = String.join(rule.join() == null || FieldRule.FIRST.equals(rule.join()) ? ", " : rule.join(), all);
            Object value = finish(FieldRule.FIRST.equals(rule.join()) ? all.get(0) : joined, false);
            if (value instanceof Refusal refusal) {
                into.problem(rule.field(), allLabel, refusal.reason());
            } else if (value != null) {
                set(into, value, allLabel);
            }
            return;
        }
        if (firstRefusal != null) {
            into.problem(rule.field(), refusedLabel, firstRefusal);
            return;
        }
        // No value: a problem of the field (a title that must not be blank) names where it was looked for.
        if (!sources.isEmpty() && into.labels[rule.field().ordinal()] == null) {
            into.labels[rule.field().ordinal()] = lookedIn;
        }
    }

    /** The sources' labels, {@code A, B or C}; the first alone, and how many more, where they would make a long line. */
    private static String lookedIn(List<Source> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        List<String> labels = sources.stream().map(Source::label).distinct().toList();
        String all = labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
        return all.length() <= 80 ? all : labels.get(0) + " (or " + (labels.size() - 1) + " more)";
    }

    private record Refusal(String reason) {
    }

    /** The cleaned text read as the field's value: the text, an ISBN-13 (when it must be one), a date; null for none. */
    private Object finish(String text, boolean mustBeIsbn) {
        return switch (rule.field()) {
            case ID -> {
                if (!mustBeIsbn) {
                    yield text;
                }
                try {
                    yield Isbn.toIsbn13(text);
                } catch (IllegalArgumentException e) {
                    yield new Refusal(e.getMessage());
                }
            }
            case PUBLICATION_DATE -> {
                LocalDateTime date = rule.dates().parse(text);
                if (date != null) {
                    yield date;
                }
                yield rule.absentWhenNoDate() ? null : new Refusal(rule.dates().refusal(text));
            }
            default -> text;
        };
    }

    private void set(MappedRecord into, Object value, String label) {
        into.labels[rule.field().ordinal()] = label;
        switch (rule.field()) {
            case ID -> into.id = (String) value;
            case TITLE -> into.title = (String) value;
            case AUTHOR -> into.author = (String) value;
            case PUBLICATION_DATE -> into.publicationDate = (LocalDateTime) value;
            default -> throw new IllegalStateException("not a text field: " + rule.field());
        }
    }

    /** A value as the field's text: a scalar cleaned, a list joined (or its first); REFUSED for a wrong type. */
    private String asText(JsonNode node, Source source, MappedRecord into) {
        if (node.isArray()) {
            if (rule.join() == null) {
                into.problem(rule.field(), source.label(), "must be text, found an array");
                return REFUSED;
            }
            List<String> texts = texts(node, source, into);
            if (texts == null) {
                return REFUSED;
            }
            if (texts.isEmpty()) {
                return null;
            }
            return FieldRule.FIRST.equals(rule.join()) ? texts.get(0) : String.join(rule.join(), texts);
        }
        String scalar = scalar(node, source, into);
        if (scalar == REFUSED || scalar == null) {
            return scalar;
        }
        return scalarText(scalar);
    }

    /** One text value as the field's text: cleaned; several values in it (authors "A; B") split, cleaned, joined as the rule says. */
    private String scalarText(String scalar) {
        if (rule.split() != null) {
            List<String> parts = splitClean(scalar);
            if (parts.isEmpty()) {
                return null;
            }
            return FieldRule.FIRST.equals(rule.join()) || rule.join() == null ? parts.get(0) : String.join(rule.join(), parts);
        }
        return clean(scalar);
    }

    /** One text value as a list: split when the rule splits, each part cleaned. */
    private List<String> scalarTexts(String scalar) {
        if (rule.split() != null) {
            return splitClean(scalar);
        }
        String cleaned = clean(scalar);
        return cleaned == null ? List.of() : List.of(cleaned);
    }

    /** The texts of a value that may be a list (each element cleaned); null when refused. */
    private List<String> texts(JsonNode node, Source source, MappedRecord into) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isNull()) {
                    continue;
                }
                String scalar = scalar(element, source, into);
                if (scalar == REFUSED) {
                    return null;
                }
                String cleaned = scalar == null ? null : clean(scalar);
                if (cleaned != null) {
                    texts.add(cleaned);
                }
            }
            return texts;
        }
        String scalar = scalar(node, source, into);
        if (scalar == REFUSED) {
            return null;
        }
        if (scalar != null) {
            if (rule.split() != null) {
                texts.addAll(splitClean(scalar));
            } else {
                String cleaned = clean(scalar);
                if (cleaned != null) {
                    texts.add(cleaned);
                }
            }
        }
        return texts;
    }

    /** A scalar JSON value as text, as far as the rule takes its type; REFUSED (with the problem recorded) otherwise. */
    private String scalar(JsonNode node, Source source, MappedRecord into) {
        if (node.isTextual()) {
            return node.textValue();
        }
        boolean number = node.isNumber() || node.isBoolean();
        if (number && (rule.accepts() == FieldRule.Accepts.ANY_SCALAR
                || rule.accepts() == FieldRule.Accepts.TEXT_OR_WHOLE_NUMBER && node.isIntegralNumber())) {
            return node.asText();
        }
        String wanted = rule.accepts() == FieldRule.Accepts.TEXT_OR_WHOLE_NUMBER ? "must be text or a whole number, found "
                : "must be text, found ";
        into.problem(rule.field(), source.label(), wanted + typeOf(node));
        return REFUSED;
    }

    private void readList(SourceRecord record, MappedRecord into) {
        List<String> values = new ArrayList<>();
        String label = null;
        for (Source source : sourceArray) {
            JsonNode node = source.read(record);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isArray()) {
                int position = 0;
                for (JsonNode element : node) {
                    position++;
                    if (element.isTextual() || rule.accepts() == FieldRule.Accepts.ANY_SCALAR && element.isNumber()) {
                        String cleaned = rule.split() != null ? null : cleanElement(element.asText());
                        if (rule.split() != null) {
                            values.addAll(splitClean(element.asText()));
                        } else if (cleaned != null) {
                            values.add(cleaned);
                        }
                    } else if (!element.isNull()) {
                        into.problem(BookField.CATEGORIES, source.label(), "must hold only text, found " + typeOf(element)
                                + " at position " + position);
                        return;
                    }
                }
            } else if (node.isTextual() && rule.split() != null) {
                values.addAll(splitClean(node.textValue()));
            } else if ((node.isTextual() || node.isNumber()) && rule.accepts() == FieldRule.Accepts.ANY_SCALAR) {
                // One value where a list may stand: one category.
                String cleaned = clean(node.asText());
                if (cleaned != null) {
                    values.add(cleaned);
                }
            } else {
                into.problem(BookField.CATEGORIES, source.label(), "must be an array of text, found " + typeOf(node));
                return;
            }
            label = label == null ? source.label() : label;
            if (!rule.takeAll() && !values.isEmpty()) {
                break;
            }
        }
        if (label != null) {
            into.labels[BookField.CATEGORIES.ordinal()] = label;
        }
        into.categories = rule.dedupe() ? distinct(values) : values;
    }

    /** Each value once, in order; a short list (as most are) without hashing. */
    private static List<String> distinct(List<String> values) {
        if (values.size() > 8) {
            return List.copyOf(new LinkedHashSet<>(values));
        }
        List<String> distinct = new ArrayList<>(values.size());
        for (String value : values) {
            if (!distinct.contains(value)) {
                distinct.add(value);
            }
        }
        return distinct;
    }

    /** A list element: cleaned as the rule says, but kept even when blank unless the rule trims (the validator refuses blanks). */
    private String cleanElement(String text) {
        if (!rule.trim() && !rule.collapse()) {
            return text;
        }
        return clean(text);
    }

    private List<String> splitClean(String text) {
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        String separator = rule.split();
        while (from <= text.length()) {
            int at = text.indexOf(separator, from);
            int end = at < 0 ? text.length() : at;
            // Trimmed before it is cut out: one string per part, not two.
            int start = from;
            if (rule.trim()) {
                while (start < end && isBlank(text.charAt(start))) {
                    start++;
                }
                while (end > start && isBlank(text.charAt(end - 1))) {
                    end--;
                }
            }
            String cleaned = clean(text.substring(start, end));
            if (cleaned != null) {
                parts.add(cleaned);
            }
            if (at < 0) {
                break;
            }
            from = at + separator.length();
        }
        return parts;
    }

    /**
     * Composed (Unicode NFC: MARC records, MARC-8 ones above all, spell {@code é} as {@code e} and a
     * combining accent, which a search for {@code é} would not find), trimmed, blanks collapsed,
     * "absent" words dropped, punctuation stripped, names turned around; null for none.
     */
    String clean(String text) {
        if (text == null) {
            return null;
        }
        String value = composed(text);
        if (rule.trim()) {
            value = value.strip();
        }
        if (rule.collapse()) {
            value = collapse(value);
        }
        if (anyIsbn) {
            value = unguarded(value);
        }
        if (!rule.remove().isEmpty()) {
            for (Pattern remove : rule.remove()) {
                value = remove.matcher(value).replaceAll("");
            }
        }
        // "" is always absent; other words only when the mapping names some (compared without case).
        if (value.isEmpty() || rule.absent().size() > 1 && rule.absent().contains(value.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (rule.stripPunctuation()) {
            value = Punctuation.stripEnd(value);
        }
        if (rule.invertName()) {
            value = NameOrder.firstLast(value);
        }
        return value.isEmpty() ? null : value;
    }

    /** The text in Unicode's composed form; text without combining characters (below U+0300) is so already. */
    private static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /** {@code ="0439023483"}: how a spreadsheet export keeps a number as text; {@code =""} is no value. */
    private static String unguarded(String text) {
        String value = text.strip();
        if (value.startsWith("=\"") && value.endsWith("\"") && value.length() >= 3) {
            return value.substring(2, value.length() - 1).strip();
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static String collapse(String text) {
        int length = text.length();
        boolean needed = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i + 1 < length && isBlank(text.charAt(i + 1))) {
                    needed = true;
                    break;
                }
            } else if (c < ' ' || c > '~' && isBlank(c)) {
                needed = true;
                break;
            }
        }
        if (!needed) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        boolean inBlank = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                if (!inBlank) {
                    out.append(' ');
                }
                inBlank = true;
            } else {
                out.append(c);
                inBlank = false;
            }
        }
        return out.toString();
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
