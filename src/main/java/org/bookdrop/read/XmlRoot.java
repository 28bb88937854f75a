package org.bookdrop.read;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The local name of a document's root element, from its first bytes. */
final class XmlRoot {

    private XmlRoot() {
    }

    /** @return the root's name, or null when the bytes have none (or are not XML) */
    static String of(byte[] head) {
        try {
            XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(head));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    return xml.getLocalName();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            return null;
        }
    }
}
