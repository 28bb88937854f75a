package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.read.SourceRecord;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * A MARC field of a record ({@link FieldPath.MarcSpec}): a control field's data or positions
 * ({@code 001}, {@code 008/07-10}), or a data field's subfields, those named in the order the
 * record has them, joined ({@code 245$a$b}, {@code 650$a$x$v} with {@code " -- "}), from each
 * occurrence of the field that has the indicator asked for ({@code 264[ind2=1]$c}). Several
 * occurrences make a list.
 */
final class MarcSource implements Source {

    private final FieldPath.MarcSpec spec;
    private final String separator;
    private final String label;

    MarcSource(FieldPath.MarcSpec spec, String separator, String label) {
        this.spec = spec;
        this.separator = separator;
        this.label = label;
    }

    @Override
    public JsonNode read(SourceRecord source) {
        Record record = source.marc();
        if (record == null) {
            return null;
        }
        List<String> values = new ArrayList<>(1);
        // The record's own lists, not getVariableFields(tag): marc4j formats the leader anew for each such call.
        List<? extends VariableField> fields = spec.tag().startsWith("00") ? record.getControlFields() : record.getDataFields();
        for (VariableField field : fields) {
            if (!field.getTag().equals(spec.tag())) {
                continue;
            }
            String value = field instanceof ControlField control ? control(control) : data((DataField) field);
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

    private String control(ControlField field) {
        String data = field.getData();
        if (spec.from() < 0) {
            return data;
        }
        if (data == null || data.length() <= spec.to()) {
            return null;
        }
        return data.substring(spec.from(), spec.to() + 1);
    }

    private String data(DataField field) {
        if (spec.indicator() == 1 && field.getIndicator1() != spec.indicatorValue()
                || spec.indicator() == 2 && field.getIndicator2() != spec.indicatorValue()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Subfield subfield : field.getSubfields()) {
            if (spec.subfields().isEmpty() || spec.subfields().indexOf(subfield.getCode()) >= 0) {
                String data = subfield.getData();
                if (data == null || data.isBlank()) {
                    continue;
                }
                if (!text.isEmpty()) {
                    text.append(separator);
                }
                text.append(data.strip());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    @Override
    public String label() {
        return label;
    }
}
