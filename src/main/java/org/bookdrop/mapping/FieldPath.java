package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value comes from in a record, as a mapping file writes it, parsed once:
 * <ul>
 * <li>{@code Title}: a CSV column by its header name, or a field of a JSON record;</li>
 * <li>{@code #3}: a CSV column by its position, counting from 1 (for files without a header row);</li>
 * <li>{@code /identifiers/isbn_13/0}: a JSON Pointer into the record; beyond the standard, a step
 *     over a list takes that name in each of its elements, {@code *} takes every element, and
 *     {@code Name[Key=Value]} takes only the elements whose {@code Key} is {@code Value};</li>
 * <li>{@code 245$a$b}, {@code 264[ind2=1]$c}, {@code 008/07-10}: a MARC field's subfields (joined
 *     in the record's order), a field with an indicator, a control field's positions.</li>
 * </ul>
 */
public record FieldPath(String text, Kind kind, List<Step> steps, int position, MarcSpec marc) {

    public enum Kind { NAME, POSITION, POINTER, MARC }

    /** One step of a pointer: a name (with an optional filter), an index, or every element. */
    public record Step(String name, int index, boolean all, String filterKey, String filterValue) {
    }

    /**
     * A MARC field: its tag, the subfield codes wanted (empty: the whole field's data, for a control
     * field), an indicator it must have, and a range of a control field's positions.
     */
    public record MarcSpec(String tag, String subfields, int indicator, char indicatorValue, int from, int to) {
    }

    private static final Pattern POSITION = Pattern.compile("#([1-9][0-9]*)");
    private static final Pattern FILTERED = Pattern.compile("([^\\[\\]]+)\\[([^=\\]]+)=([^\\]]*)\\]");
    private static final Pattern MARC = Pattern.compile(
            "([0-9A-Za-z]{3})(?:\\[ind([12])=([0-9a-z _#])\\])?(?:\\$([0-9a-z$]+)|/([0-9]{2})(?:-([0-9]{2}))?)?");

    /** @throws IllegalArgumentException saying what is wrong with the text */
    public static FieldPath parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty source");
        }
        Matcher position = POSITION.matcher(value);
        if (position.matches()) {
            return new FieldPath(value, Kind.POSITION, List.of(), Integer.parseInt(position.group(1)), null);
        }
        if (value.startsWith("/")) {
            return new FieldPath(value, Kind.POINTER, pointer(value), 0, null);
        }
        return new FieldPath(value, Kind.NAME, List.of(new Step(value, -1, false, null, null)), 0, null);
    }

    /** The path as a MARC field, for a MARC mapping. */
    public FieldPath asMarc() {
        Matcher marc = MARC.matcher(text);
        if (!marc.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a MARC source: a tag with subfields such as 245$a$b, "
                    + "an indicator such as 264[ind2=1]$c, or control field positions such as 008/07-10");
        }
        String subfields = marc.group(4) == null ? "" : marc.group(4).replace("$", "");
        int indicator = marc.group(2) == null ? 0 : Integer.parseInt(marc.group(2));
        char indicatorValue = marc.group(3) == null ? ' ' : marc.group(3).charAt(0) == '_' || marc.group(3).charAt(0) == '#'
                ? ' ' : marc.group(3).charAt(0);
        int from = marc.group(5) == null ? -1 : Integer.parseInt(marc.group(5));
        int to = marc.group(6) == null ? from : Integer.parseInt(marc.group(6));
        if (to < from) {
            throw new IllegalArgumentException("'" + text + "' has a position range that ends before it starts");
        }
        // The tag interned, as a record's are (MarcFields#tag): compared by reference.
        return new FieldPath(text, Kind.MARC, List.of(), 0, new MarcSpec(marc.group(1).intern(), subfields, indicator, indicatorValue,
                from, to));
    }

    /** The name of the record's field or column that the path starts from; null for a position. */
    public String firstName() {
        return kind == Kind.POSITION || kind == Kind.MARC || steps.isEmpty() ? null : steps.get(0).name();
    }

    private static List<Step> pointer(String text) {
        List<Step> steps = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty step");
            }
            if (segment.equals("*")) {
                steps.add(new Step(null, -1, true, null, null));
                continue;
            }
            Matcher filtered = FILTERED.matcher(segment);
            if (filtered.matches()) {
                String wanted = filtered.group(3).strip();
                if (wanted.length() >= 2 && (wanted.startsWith("'") && wanted.endsWith("'")
                        || wanted.startsWith("\"") && wanted.endsWith("\""))) {
                    wanted = wanted.substring(1, wanted.length() - 1);
                }
                steps.add(new Step(filtered.group(1), -1, false, filtered.group(2).strip(), wanted));
                continue;
            }
            if (segment.contains("[") || segment.contains("]")) {
                throw new IllegalArgumentException("'" + text + "': a filter is written Name[Key=Value], found '" + segment + "'");
            }
            int index = segment.chars().allMatch(Character::isDigit) && segment.length() < 10 ? Integer.parseInt(segment) : -1;
            steps.add(new Step(segment, index, false, null, null));
        }
        return List.copyOf(steps);
    }
}
