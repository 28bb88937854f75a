package org.bookdrop.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * MARC 21 records made for the tests, as a library system writes them: built field by field, then
 * written by marc4j in ISO 2709 (UTF-8 or MARC-8) or as MARCXML.
 */
public final class MarcRecords {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private final Record record = FACTORY.newRecord("00000nam a2200000 i 4500");

    public static MarcRecords record() {
        return new MarcRecords();
    }

    public MarcRecords control(String tag, String data) {
        record.addVariableField(FACTORY.newControlField(tag, data));
        return this;
    }

    /**
     * A data field: {@code field("245", "10", 'a', "Dune /", 'c', "Frank Herbert.")}.
     *
     * @param indicators the two indicators, e.g. {@code " 1"}
     * @param subfields  each subfield's code, then its data
     */
    public MarcRecords field(String tag, String indicators, Object... subfields) {
        DataField field = FACTORY.newDataField(tag, indicators.charAt(0), indicators.charAt(1));
        for (int i = 0; i < subfields.length; i += 2) {
            field.addSubfield(FACTORY.newSubfield((Character) subfields[i], (String) subfields[i + 1]));
        }
        record.addVariableField(field);
        return this;
    }

    public Record build() {
        return record;
    }

    /** Records in ISO 2709, UTF-8 (leader position 9 {@code a}). */
    public static byte[] utf8(MarcRecords... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        for (MarcRecords each : records) {
            each.record.getLeader().setCharCodingScheme('a');
            writer.write(each.record);
        }
        writer.close();
        return out.toByteArray();
    }

    /** Records in ISO 2709, MARC-8 (leader position 9 blank), as older catalogues hold them. */
    public static byte[] marc8(MarcRecords... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "ISO8859_1");
        writer.setConverter(new UnicodeToAnsel());
        for (MarcRecords each : records) {
            writer.write(each.record);
        }
        writer.close();
        return out.toByteArray();
    }

    /** Records as a MARCXML collection. */
    public static byte[] marcXml(MarcRecords... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
        for (MarcRecords each : records) {
            each.record.getLeader().setCharCodingScheme('a');
            writer.write(each.record);
        }
        writer.close();
        return out.toByteArray();
    }

    /** Bytes one after the other, as in a file. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
