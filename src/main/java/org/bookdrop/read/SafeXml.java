package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * The XML reader for files from the inbox, which anyone who can write there can shape: no DTD,
 * no external entity. Otherwise a file could name a local file as an entity, and bookdrop would
 * read it into the table (the reason bookdrop does not use marc4j's MARCXML reader, whose SAX
 * parser resolves them). The parser is Aalto, FasterXML's StAX parser, about twice as fast as the
 * JDK's on a big feed, and named here rather than found on the class path, so that it is always
 * the one whose settings these are.
 */
final class SafeXml {

    private SafeXml() {
    }

    static XMLInputFactory inputFactory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Closes the XML reader, then the stream below it, which the reader leaves open. */
    static void close(XMLStreamReader xml, InputStream in) throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // The stream below is closed next either way.
        }
        in.close();
    }

    /**
     * What is wrong with the XML, and where: {@code not valid XML at line 12, column 5 (after
     * Product 3): ...}.
     *
     * @param after the last record read before it, e.g. {@code Product 3}
     */
    static UnreadableFileException notXml(XMLStreamException e, String after) {
        String place = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
        return new UnreadableFileException("not valid XML" + place + " (after " + after + "): " + message(e), e);
    }

    /** The parser's message without the place it appends (which is said in the reader's own words). */
    static String message(XMLStreamException e) {
        return String.valueOf(e.getMessage())
                .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "")
                .replaceFirst("(?s)\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$", "");
    }
}
