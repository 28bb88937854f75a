package org.bookdrop.read;

import java.util.List;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** A record in marc4j's model (as {@link MarcXmlReader} reads MARCXML) seen as its fields: the control fields, then the data fields. */
final class Marc4jRecord implements MarcFields {

    private final List<ControlField> controlFields;
    private final List<DataField> dataFields;
    private final String[] tags;

    Marc4jRecord(Record record) {
        this.controlFields = record.getControlFields();
        this.dataFields = record.getDataFields();
        this.tags = new String[size()];
        for (int field = 0; field < tags.length; field++) {
            tags[field] = Iso2709.canonical(field < controlFields.size() ? controlFields.get(field).getTag() : dataField(field).getTag());
        }
    }

    @Override
    public int size() {
        return controlFields.size() + dataFields.size();
    }

    @Override
    public String tag(int field) {
        return tags[field];
    }

    @Override
    public String data(int field) {
        return field < controlFields.size() ? controlFields.get(field).getData() : null;
    }

    @Override
    public char indicator1(int field) {
        return dataField(field).getIndicator1();
    }

    @Override
    public char indicator2(int field) {
        return dataField(field).getIndicator2();
    }

    @Override
    public int subfields(int field) {
        return field < controlFields.size() ? 0 : dataField(field).getSubfields().size();
    }

    @Override
    public char code(int field, int subfield) {
        return subfieldsOf(field).get(subfield).getCode();
    }

    @Override
    public String subfield(int field, int subfield) {
        return subfieldsOf(field).get(subfield).getData();
    }

    private List<Subfield> subfieldsOf(int field) {
        return dataField(field).getSubfields();
    }

    private DataField dataField(int field) {
        return dataFields.get(field - controlFields.size());
    }
}
