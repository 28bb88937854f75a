package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Reads MARCXML ({@code <collection>} of {@code <record>}s, or one {@code <record>}) one record
 * at a time with StAX, into marc4j's model, each with its number and line. A record without a
 * leader is refused with its place. XML that breaks off cannot be read past: the records before
 * the break are handed on, then the break, with its line and column.
 */
public final class MarcXmlReader extends RecordReader {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private final XMLStreamReader xml;
    private final InputStream in;
    private long number;

    public MarcXmlReader(InputStream in) {
        this.in = in;
        try {
            this.xml = SafeXml.inputFactory().createXMLStreamReader(in);
            if (xml.nextTag() != XMLStreamConstants.START_ELEMENT
                    || !xml.getLocalName().equals("collection") && !xml.getLocalName().equals("record")) {
                throw new UnreadableFileException("not MARCXML: its root element is <" + xml.getLocalName()
                        + ">, not <collection> or <record>");
            }
        } catch (XMLStreamException e) {
            throw notXml(e);
        }
    }

    @Override
    protected SourceRecord readRecord() {
        try {
            while (xml.getEventType() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("record")) {
                if (!xml.hasNext()) {
                    return null;
                }
                xml.next();
            }
            long line = xml.getLocation().getLineNumber();
            number++;
            Record record = FACTORY.newRecord();
            boolean leader = false;
            while (xml.next() != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals("record")) {
                if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "leader" -> {
                        record.setLeader(FACTORY.newLeader(pad(xml.getElementText())));
                        leader = true;
                    }
                    case "controlfield" -> record.addVariableField(FACTORY.newControlField(
                            xml.getAttributeValue(null, "tag"), xml.getElementText()));
                    case "datafield" -> record.addVariableField(dataField());
                    default -> {
                        // Not MARCXML: passed over.
                    }
                }
            }
            xml.next();
            if (!leader) {
                return SourceRecord.unreadable(number, line, null, "has no <leader>");
            }
            return SourceRecord.marc(number, line, new Marc4jRecord(record));
        } catch (XMLStreamException e) {
            throw notXml(e);
        } catch (RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("cannot read record " + number + ": " + e.getMessage(), e);
        }
    }

    private DataField dataField() throws XMLStreamException {
        DataField field = FACTORY.newDataField(xml.getAttributeValue(null, "tag"), indicator("ind1"), indicator("ind2"));
        while (xml.next() != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals("datafield")) {
            if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("subfield")) {
                String code = xml.getAttributeValue(null, "code");
                field.addSubfield(FACTORY.newSubfield(code == null || code.isEmpty() ? ' ' : code.charAt(0), xml.getElementText()));
            }
        }
        return field;
    }

    private char indicator(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    /** A leader is 24 characters; some writers drop trailing blanks. */
    private static String pad(String leader) {
        StringBuilder text = new StringBuilder(leader);
        while (text.length() < 24) {
            text.append(' ');
        }
        return text.substring(0, 24);
    }

    private UnreadableFileException notXml(XMLStreamException e) {
        return SafeXml.notXml(e, "record " + number);
    }

    @Override
    public void close() throws IOException {
        SafeXml.close(xml, in);
    }
}
