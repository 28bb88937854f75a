package org.bookdrop.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One {@code <Product>} of an ONIX message: read as it was cut out when it is plain XML
 * ({@link PlainOnixProduct}), as nearly all are; else kept as its bytes (UTF-8) and parsed by Aalto
 * when first asked, in the check stage, on all cores. It becomes a JSON tree by reference names, which a mapping reads with
 * paths ({@code /DescriptiveDetail/TitleDetail[TitleType=01]/...}): a leaf element is its text, a
 * repeated element a list. Of the attributes, only a {@code Date}'s {@code dateformat} is read: the
 * date is given in a form the mapping's patterns read ({@link OnixDate}). Only the elements the mapping reads
 * are kept ({@link OnixNames}), so a Product's prices, texts and supply details cost little. A
 * Product that is not well-formed XML is unreadable, with Aalto's reason and its line in the file.
 * Read on one thread at a time, as a JSON line is.
 */
final class OnixProduct {

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::inputFactory);
    private static final byte[] WRAPPER_END = "</bookdrop-onix-message>".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final long line;
    private final OnixNames names;
    private final byte[] wrapper;
    private boolean parsed;
    private ObjectNode fields;
    private boolean deletion;
    private String unreadable;

    /**
     * @param bytes     the Product from its start tag to its end tag, in UTF-8
     * @param line      the line of the file where it starts
     * @param names     the elements kept, by their tags
     * @param wrapper   a start tag declaring the message's namespace prefixes, for a Product whose
     *                  names have them ({@code <onix:Product>}); null when the message declares none
     */
    OnixProduct(byte[] bytes, long line, OnixNames names, byte[] wrapper) {
        this.bytes = bytes;
        this.line = line;
        this.names = names;
        this.wrapper = wrapper;
    }

    private OnixProduct(ObjectNode fields) {
        this(null, 0, null, null);
        this.parsed = true;
        this.fields = fields;
        this.deletion = isDeletion(fields);
    }

    /** A Product read as it was cut out of the feed ({@link PlainOnixProduct#readAt}). */
    static OnixProduct read(ObjectNode fields) {
        return new OnixProduct(fields);
    }

    /** A start tag that declares the prefixes the message's root declares, or null when it declares none. */
    static byte[] wrapper(XMLStreamReader root) {
        StringBuilder tag = new StringBuilder("<bookdrop-onix-message");
        boolean any = false;
        for (int i = 0; i < root.getNamespaceCount(); i++) {
            String prefix = root.getNamespacePrefix(i);
            if (prefix != null && !prefix.isEmpty()) {
                any = true;
                tag.append(" xmlns:").append(prefix).append("=\"")
                        .append(root.getNamespaceURI(i).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
                        .append('"');
            }
        }
        return any ? tag.append('>').toString().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The Product's wanted elements, or null when it cannot be read. */
    JsonNode fields() {
        parse();
        return fields;
    }

    /** Whether it asks for its product to be deleted: NotificationType 05. */
    boolean deletion() {
        parse();
        return deletion;
    }

    String unreadable() {
        parse();
        return unreadable;
    }

    /** Lets go of the parsed elements; why it could not be read stays. */
    void forget() {
        parse();
        fields = null;
    }

    private void parse() {
        if (parsed) {
            return;
        }
        parsed = true;
        fields = parsedByAalto();
        deletion = fields != null && isDeletion(fields);
    }

    /** NotificationType 05: the sender asks for the product to be deleted. */
    private static boolean isDeletion(ObjectNode fields) {
        JsonNode notification = fields.get("NotificationType");
        String type = notification != null && notification.isTextual() ? notification.textValue() : "";
        return type.equals("05") || type.equals("5");
    }

    /** The Product read by Aalto, which words what is wrong with it: null then, and why in {@link #unreadable}. */
    private ObjectNode parsedByAalto() {
        try {
            InputStream in = wrapper == null ? new ByteArrayInputStream(bytes) : new SequenceInputStream(
                    Collections.enumeration(List.of(new ByteArrayInputStream(wrapper), new ByteArrayInputStream(bytes),
                            new ByteArrayInputStream(WRAPPER_END))));
            XMLStreamReader xml = FACTORY.get().createXMLStreamReader(in, "UTF-8");
            try {
                xml.nextTag();
                if (wrapper != null) {
                    xml.nextTag();
                }
                return (ObjectNode) element(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            unreadable = notXml(e);
            return null;
        }
    }

    /** The element the reader stands on, to its end: its text, or its wanted children as an object. */
    private JsonNode element(XMLStreamReader xml) throws XMLStreamException {
        ObjectNode children = null;
        boolean formatted = false;
        // Most elements have one piece of text, or blanks only (the line breaks between children): no builder for those.
        String text = null;
        StringBuilder texts = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (children == null && !xml.isWhiteSpace()) {
                    if (text == null) {
                        text = xml.getText();
                    } else {
                        texts = texts == null ? new StringBuilder(text) : texts;
                        texts.append(xml.getText());
                    }
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = names.kept(xml.getLocalName());
                if (name == null) {
                    skip(xml);
                    continue;
                }
                // A Date is read in the format its dateformat attribute names (its DateFormat sibling's, below).
                String dateFormat = name.equals("Date") ? xml.getAttributeValue(null, "dateformat") : null;
                children = children == null ? ChildElements.element() : children;
                JsonNode child = element(xml);
                if (dateFormat != null && child.isTextual()) {
                    child = TextNode.valueOf(OnixDate.read(child.textValue(), dateFormat));
                    formatted = true;
                }
                add(children, name, child);
            }
        }
        if (children != null) {
            if (!formatted) {
                formatBySibling(children);
            }
            return children;
        }
        if (texts != null) {
            return TextNode.valueOf(texts.toString().strip());
        }
        return text == null ? ChildElements.element() : TextNode.valueOf(text.strip());
    }

    /** Adds an element to its parent's: a second of the same name makes them a list. */
    private static void add(ObjectNode children, String name, JsonNode child) {
        JsonNode before = children.get(name);
        children.set(name, before == null ? child : ChildElements.together(before, child));
    }

    /** ONIX 3.0's {@code <DateFormat>} element, beside the {@code <Date>} it gives the format of. */
    static void formatBySibling(ObjectNode children) {
        JsonNode format = children.get("DateFormat");
        JsonNode date = children.get("Date");
        if (format != null && format.isTextual() && date != null && date.isTextual()) {
            children.set("Date", TextNode.valueOf(OnixDate.read(date.textValue(), format.textValue())));
        }
    }

    /** Passes over the element the reader stands on, and all inside it. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** What is wrong with the Product's XML, at its line in the file. */
    private String notXml(Exception e) {
        if (e instanceof XMLStreamException xml && xml.getLocation() != null) {
            long at = line + xml.getLocation().getLineNumber() - 1;
            return "not valid XML at line " + at + ", column " + xml.getLocation().getColumnNumber() + ": "
                    + SafeXml.message(xml);
        }
        return "not valid XML: " + e.getMessage();
    }
}
