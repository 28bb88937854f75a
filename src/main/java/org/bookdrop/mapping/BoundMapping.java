package org.bookdrop.mapping;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.check.Problem;
import org.bookdrop.read.SourceRecord;

/**
 * A mapping bound to one file: reads a book's fields from each of its records, and finds the
 * record's other fields (counted, or refused, as the mapping says).
 */
public final class BoundMapping {

    /** What bookdrop writes into a rejects file beside each record; never an "other field". */
    public static final String REJECTED_FIELD = "_rejected";

    private final Mapping mapping;
    private final RecordShape shape;
    private final List<BoundField> fields;
    private final Set<String> readNames = new HashSet<>();
    private final int[] unreadColumns;
    /** For CSV rows: how many records had a value in each unread column, counted without a list per record. */
    private final LongAdder[] unreadCounts;

    BoundMapping(Mapping mapping, RecordShape shape, List<BoundField> fields) {
        this.mapping = mapping;
        this.shape = shape;
        this.fields = fields;
        Set<Integer> readColumns = new HashSet<>();
        for (BoundField field : fields) {
            for (FieldRule.SourceSpec spec : field.rule().sources()) {
                readNames.addAll(firstNames(spec));
            }
            for (Source source : field.sources()) {
                if (source instanceof ColumnSource column) {
                    readColumns.add(column.index());
                } else if (source instanceof ListColumnSource column) {
                    readColumns.add(column.index());
                }
            }
        }
        readNames.add(REJECTED_FIELD);
        this.unreadColumns = shape.unreadColumns(readColumns).stream().mapToInt(Integer::intValue).toArray();
        this.unreadCounts = new LongAdder[unreadColumns.length];
        for (int i = 0; i < unreadCounts.length; i++) {
            unreadCounts[i] = new LongAdder();
        }
    }

    /**
     * The CSV columns no book field reads, with how many records had a value in each since the
     * last call: records' other fields, counted for the report.
     */
    public Map<String, Long> drainOtherColumns() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < unreadColumns.length; i++) {
            long count = unreadCounts[i].sumThenReset();
            if (count > 0) {
                counts.merge(shape.header().get(unreadColumns[i]).strip(), count, Long::sum);
            }
        }
        return counts;
    }

    /** The names of the record's fields a source starts from: its path's, its template's paths', its list's. */
    private static List<String> firstNames(FieldRule.SourceSpec spec) {
        List<String> names = new java.util.ArrayList<>();
        if (spec.path() != null && spec.path().firstName() != null) {
            names.add(spec.path().firstName());
        }
        if (spec.each() != null && spec.each().path().firstName() != null) {
            names.add(spec.each().path().firstName());
        }
        if (spec.template() != null) {
            java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(spec.template());
            while (placeholder.find()) {
                try {
                    String first = FieldPath.parse(placeholder.group(1)).firstName();
                    if (first != null) {
                        names.add(first);
                    }
                } catch (IllegalArgumentException e) {
                    // Checked when the mapping was read.
                }
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^}@]+)");

    public Mapping mapping() {
        return mapping;
    }

    public RecordShape shape() {
        return shape;
    }

    public List<BoundField> fields() {
        return fields;
    }

    /**
     * Reads the record's book fields.
     *
     * @param otherFields receives the names of the record's fields that no book field reads, when the mapping counts them
     */
    public MappedRecord read(SourceRecord record, List<String> otherFields) {
        MappedRecord mapped = new MappedRecord();
        if (shape.kind() == RecordShape.Kind.TREES && record.fields() != null && !record.fields().isObject()) {
            mapped.problems.add(new Problem("record", "must be a JSON object, found " + BoundField.typeOf(record.fields())));
            return mapped;
        }
        if (mapping.otherFields() != Mapping.OtherFields.IGNORE) {
            others(record, mapped, otherFields);
        }
        for (BoundField field : fields) {
            field.read(record, mapped);
        }
        return mapped;
    }

    private void others(SourceRecord record, MappedRecord mapped, List<String> otherFields) {
        boolean reject = mapping.otherFields() == Mapping.OtherFields.REJECT;
        if (shape.kind() == RecordShape.Kind.TREES && record.fields() != null) {
            for (Iterator<String> names = record.fields().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!readNames.contains(name)) {
                    other(name, reject, mapped, otherFields);
                }
            }
        } else if (shape.kind() == RecordShape.Kind.ROWS) {
            String[] values = record.values();
            for (int i = 0; i < unreadColumns.length; i++) {
                int column = unreadColumns[i];
                if (column < values.length && values[column] != null && !values[column].isEmpty()) {
                    if (reject) {
                        other(shape.header().get(column).strip(), true, mapped, otherFields);
                    } else {
                        unreadCounts[i].increment();
                    }
                }
            }
        }
    }

    private static void other(String name, boolean reject, MappedRecord mapped, List<String> otherFields) {
        if (reject) {
            mapped.problems.add(new Problem(name, "is not a field of a book (strict mode)"));
        } else {
            otherFields.add(name);
        }
    }
}
