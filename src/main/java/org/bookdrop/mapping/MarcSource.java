package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.read.MarcFields;
import org.bookdrop.read.SourceRecord;

/**
 * A MARC field of a record ({@link FieldPath.MarcSpec}): a control field's data or positions
 * ({@code 001}, {@code 008/07-10}), or a data field's subfields, those named in the order the
 * record has them, joined ({@code 245$a$b}, {@code 650$a$x$v} with {@code " -- "}), from each
 * occurrence of the field that has the indicator asked for ({@code 264[ind2=1]$c}). Several
 * occurrences make a list.
 */
final class MarcSource implements Source {

    private final FieldPath.MarcSpec spec;
    /** Whether the tag is a control field's (001-009): its data is read, not subfields. */
    private final boolean control;
    private final String separator;
    private final String label;

    MarcSource(FieldPath.MarcSpec spec, String separator, String label) {
        this.spec = spec;
        this.control = spec.tag().startsWith("00");
        this.separator = separator;
        this.label = label;
    }

    @Override
    public JsonNode read(SourceRecord source) {
        MarcFields record = source.marc();
        if (record == null) {
            return null;
        }
        List<String> values = new ArrayList<>(1);
        for (int field = 0; field < record.size(); field++) {
            // Both interned (MarcFields#tag, FieldPath#asMarc).
            if (record.tag(field) != spec.tag()) {
                continue;
            }
            String data = record.data(field);
            if (control != (data != null)) {
                continue;
            }
            String value = control ? controlData(data) : data(record, field);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() == 1) {
            return TextNode.valueOf(values.get(0));
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode(values.size());
        values.forEach(list::add);
        return list;
    }

    private String controlData(String data) {
        if (spec.from() < 0) {
            return data;
        }
        if (data.length() <= spec.to()) {
            return null;
        }
        return data.substring(spec.from(), spec.to() + 1);
    }

    private String data(MarcFields record, int field) {
        if (spec.indicator() == 1 && record.indicator1(field) != spec.indicatorValue()
                || spec.indicator() == 2 && record.indicator2(field) != spec.indicatorValue()) {
            return null;
        }
        StringBuilder text = null;
        for (int subfield = 0; subfield < record.subfields(field); subfield++) {
            if (spec.subfields().isEmpty() || spec.subfields().indexOf(record.code(field, subfield)) >= 0) {
                String data = record.subfield(field, subfield);
                if (data == null || data.isBlank()) {
                    continue;
                }
                if (text == null) {
                    text = new StringBuilder();
                } else {
                    text.append(separator);
                }
                text.append(data.strip());
            }
        }
        return text == null ? null : text.toString();
    }

    @Override
    public String label() {
        return label;
    }
}
