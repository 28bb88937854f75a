package org.bookdrop.read;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads a Product into the elements {@link OnixProduct} reads with Aalto, byte by byte, when the
 * Product is plain XML: element and attribute names in ASCII and without a prefix; text in UTF-8
 * with no entity but XML's five and character references; no comment, CDATA section or processing
 * instruction; no text beside the child elements of an element kept; no Product or message inside
 * it; at most 64 deep. Nearly every Product of a publisher's feed is so. {@link OnixReader} reads
 * it where it stands in the feed ({@link #readAt}): cutting it out and reading it is one pass over
 * its bytes, with no copy of them, no parser made, and no string for an element passed over.
 *
 * <p>It reads only what it is sure of, and checks what Aalto checks (tags that match, attributes
 * once each and quoted, characters XML allows, UTF-8 that is valid). Anything else gets null, and
 * the Product is cut out as bytes and read by Aalto, which words what is wrong. For every Product
 * the two give the same elements (PlainOnixProductTest).
 */
final class PlainOnixProduct {

    private static final int DEEPEST = 64;
    private static final int MOST_ATTRIBUTES = 16;
    /**
     * What a byte is in text: ORDINARY (ASCII that stands for itself), SPACE (a blank but CR),
     * NEW_LINE (a blank that ends a line: SPACE with a bit of its own), or OTHER (looked at closely).
     */
    private static final byte ORDINARY = 0;
    private static final byte SPACE = 1;
    private static final byte NEW_LINE = 3;
    private static final byte OTHER = 4;
    private static final byte[] TEXT = new byte[256];
    /** Which bytes may start a name, and which may follow: ASCII letters and '_'; and digits, '-' and '.'. */
    private static final boolean[] NAME_START = new boolean[256];
    private static final boolean[] NAME_PART = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            TEXT[c] = c >= 0x20 && c < 0x80 && c != '<' && c != '&' && c != '>' ? (c == ' ' ? SPACE : ORDINARY) : OTHER;
            NAME_START[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            NAME_PART[c] = NAME_START[c] || (c >= '0' && c <= '9') || c == '-' || c == '.';
        }
        TEXT['\n'] = NEW_LINE;
        TEXT['\t'] = SPACE;
    }

    private static final byte[] DATE_FORMAT = bytes("dateformat");

    /** Thrown, without a stack trace, as soon as the Product is not plain XML. */
    private static final class NotPlain extends RuntimeException {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not a plain Product", null, false, false);
        }
    }

    /** Thrown, without a stack trace, when the bytes at hand end before the Product does. */
    private static final class RanOut extends RuntimeException {
        private static final RanOut INSTANCE = new RanOut();

        private RanOut() {
            super("the Product goes on past the bytes at hand", null, false, false);
        }
    }

    /**
     * A Product read in a chunk of the feed: its kept elements, the index after its end tag, and
     * the line ends in it.
     */
    record Read(ObjectNode fields, int end, int lines) {
    }

    /** What {@link #readAt} gives when the Product goes on past the bytes at hand: more are needed to tell. */
    static final Read RAN_OUT = new Read(null, -1, 0);

    private final OnixNames names;
    private final byte[] productName;
    private byte[] xml;
    private int limit;
    private int at;
    private int depth;
    private int lines;
    /** The attribute names of the tag being read, to find one written twice. */
    private final int[] attributeFrom = new int[MOST_ATTRIBUTES];
    private final int[] attributeTo = new int[MOST_ATTRIBUTES];
    /** The kept children of the elements being read, from the outermost in. */
    private final ChildElements.Stack kept = new ChildElements.Stack();
    /** The codes a feed repeats in each Product (01, 15, A01), one node each. */
    private final ShortTexts shortTexts = new ShortTexts();
    /** The dateformat attribute of the tag just read, when asked for. */
    private String dateFormat;

    /**
     * A reader of a feed's plain Products, one after the other.
     *
     * @param productName the name of the Product's element ({@code Product}, or {@code product} in short tags)
     */
    PlainOnixProduct(OnixNames names, byte[] productName) {
        this.names = names;
        this.productName = productName;
    }

    /**
     * Reads the Product whose start tag is at {@code from} in a chunk of the feed, ending at or
     * before {@code limit}: the Product is cut out and read in one pass over its bytes.
     *
     * @return the Product read; {@link #RAN_OUT} when it goes on past {@code limit}; null when it
     *         is not plain XML (or not a Product), to be cut out and read otherwise
     */
    Read readAt(byte[] chunk, int from, int limit) {
        int nameTo = from + 1 + productName.length;
        if (nameTo >= limit) {
            return RAN_OUT;
        }
        if (!OnixNames.same(chunk, from + 1, productName, 0, productName.length) || NAME_PART[chunk[nameTo] & 0xFF]) {
            return null;
        }
        this.xml = chunk;
        this.at = from;
        this.limit = limit;
        this.depth = 0;
        this.lines = 0;
        kept.clear();
        try {
            ObjectNode fields = product();
            return new Read(fields, at, lines);
        } catch (NotPlain e) {
            return null;
        } catch (RanOut e) {
            return RAN_OUT;
        }
    }

    private ObjectNode product() {
        expect('<');
        int nameFrom = at;
        int nameTo = name();
        JsonNode product = attributes(false) ? ChildElements.element() : content(nameFrom, nameTo, true);
        if (!(product instanceof ObjectNode fields)) {
            throw NotPlain.INSTANCE;
        }
        return fields;
    }

    /**
     * The content of the element whose start tag was just read, to its end tag.
     *
     * @param keep whether it is kept: then its text, or its kept children as an object; else it is
     *             only checked and passed over, and null returned
     */
    private JsonNode content(int nameFrom, int nameTo, boolean keep) {
        if (++depth > DEEPEST) {
            throw NotPlain.INSTANCE;
        }
        int firstChild = kept.size();
        boolean anyChild = false;
        boolean formatted = false;
        while (true) {
            int textFrom = at;
            int text = text();
            int textTo = at;
            at++;
            if (byteAt(at) == '/') {
                at++;
                endTag(nameFrom, nameTo);
                depth--;
                if (!keep) {
                    return null;
                }
                if (anyChild) {
                    if (text != BLANK) {
                        throw NotPlain.INSTANCE;
                    }
                    ObjectNode children = kept.element(firstChild);
                    if (!formatted) {
                        OnixProduct.formatBySibling(children);
                    }
                    return children;
                }
                return leaf(textFrom, textTo, text);
            }
            // A child element: beside it, an element kept has no text.
            if (keep && text != BLANK) {
                throw NotPlain.INSTANCE;
            }
            anyChild = true;
            int childFrom = at;
            int childTo = name();
            if (isMessageOrProduct(childFrom, childTo)) {
                // A Product or a message inside a Product: the cutter ends or rejects the Product there, and says why.
                throw NotPlain.INSTANCE;
            }
            String name = keep ? names.kept(xml, childFrom, childTo) : null;
            boolean date = "Date".equals(name);
            boolean empty = attributes(date);
            String format = date ? dateFormat : null;
            JsonNode child = empty ? (name == null ? null : ChildElements.element()) : content(childFrom, childTo, name != null);
            if (name != null) {
                if (format != null && child.isTextual()) {
                    child = TextNode.valueOf(OnixDate.read(child.textValue(), format));
                    formatted = true;
                }
                kept.add(firstChild, name, child);
            }
        }
    }

    private static final int BLANK = 0;
    private static final int PLAIN = 1;
    private static final int TO_RESOLVE = 2;

    /**
     * Checks the text up to the next {@code <}, where it stops.
     *
     * @return BLANK (XML's blanks only, or none), PLAIN (bytes that are the text as they are), or
     *         TO_RESOLVE (with references or carriage returns)
     */
    private int text() {
        byte[] xml = this.xml;
        int from = at;
        int i = from;
        // 1 once a byte is not a blank: set without a branch between words and blanks (they alternate); line ends counted so too.
        int ordinary = 0;
        int newLines = 0;
        boolean referenced = false;
        boolean carriageReturn = false;
        // Eight bytes at a time while they are plain (a description, a title): tried at the text's
        // start and after each character looked at closely, not after each byte of a short text.
        boolean words = true;
        while (true) {
            if (words) {
                long word;
                while (i <= limit - Long.BYTES && plain(word = (long) OnixNames.LONGS.get(xml, i))) {
                    ordinary |= word != SPACES ? 1 : 0;
                    i += Long.BYTES;
                }
                words = false;
            }
            if (i >= limit) {
                throw RanOut.INSTANCE;
            }
            int c = xml[i];
            int kind = TEXT[c & 0xFF];
            if (kind < OTHER) {
                ordinary |= (kind & SPACE) ^ SPACE;
                newLines += kind >> 1;
                i++;
            } else if (c == '<') {
                break;
            } else if (c < 0) {
                i = afterUtf8(i);
                ordinary = 1;
                words = true;
            } else if (c == '&') {
                i = afterReference(i);
                referenced = true;
                words = true;
            } else if (c == '\r') {
                carriageReturn = true;
                i++;
            } else if (c == '>') {
                // "]]>" may not stand in text.
                if (i - from >= 2 && xml[i - 1] == ']' && xml[i - 2] == ']') {
                    throw NotPlain.INSTANCE;
                }
                ordinary = 1;
                i++;
            } else {
                // A control character XML does not allow.
                throw NotPlain.INSTANCE;
            }
        }
        at = i;
        lines += newLines;
        if (referenced) {
            // A reference may stand for a blank, or not: it is told once resolved.
            return TO_RESOLVE;
        }
        return ordinary == 0 ? BLANK : carriageReturn ? TO_RESOLVE : PLAIN;
    }

    /** A kept element that holds only text: its text, stripped; nothing but blanks, an empty object (as Aalto reads it). */
    private JsonNode leaf(int from, int to, int text) {
        if (text == BLANK) {
            return ChildElements.element();
        }
        if (text == PLAIN) {
            TextNode code = shortTexts.node(xml, from, to - from);
            if (code != null) {
                return code;
            }
        }
        String value = text == PLAIN ? new String(xml, from, to - from, StandardCharsets.UTF_8) : resolved(from, to);
        if (text != PLAIN && isBlank(value)) {
            return ChildElements.element();
        }
        return TextNode.valueOf(value.strip());
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    /**
     * Whether eight bytes of text are all ORDINARY or spaces: ASCII from {@code ' '} on, none of
     * {@code '<'}, {@code '&'} or {@code '>'}. It may answer no for such bytes (then they are
     * looked at one by one), never yes for others.
     */
    private static boolean plain(long word) {
        long belowSpace = (word - SPACES) & ~word;
        return ((word | belowSpace | zeroByte(word ^ ('<' * ONES)) | zeroByte(word ^ ('&' * ONES))
                | zeroByte(word ^ ('>' * ONES))) & HIGH_BITS) == 0;
    }

    /** The high bit of each byte that is zero set, and maybe of bytes above such (never of others when none is). */
    private static long zeroByte(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    /** Text with its line ends made {@code \n} and its references resolved, as XML reads it. */
    private String resolved(int from, int to) {
        // '\r', '&' and ';' are never part of a character of several bytes in UTF-8: the text splits around them.
        StringBuilder text = new StringBuilder(to - from);
        int plainFrom = from;
        for (int i = from; i < to; i++) {
            byte c = xml[i];
            if (c != '\r' && c != '&') {
                continue;
            }
            text.append(new String(xml, plainFrom, i - plainFrom, StandardCharsets.UTF_8));
            if (c == '\r') {
                text.append('\n');
                if (i + 1 < to && xml[i + 1] == '\n') {
                    i++;
                }
            } else {
                int semicolon = i + 1;
                while (xml[semicolon] != ';') {
                    semicolon++;
                }
                text.appendCodePoint(referenced(i, semicolon));
                i = semicolon;
            }
            plainFrom = i + 1;
        }
        return text.append(new String(xml, plainFrom, to - plainFrom, StandardCharsets.UTF_8)).toString();
    }

    /** Checks the reference at {@code &}; @return the index after its {@code ;} */
    private int afterReference(int from) {
        int end = from + 1;
        while (end < limit && end - from <= 10 && xml[end] != ';') {
            end++;
        }
        if (end >= limit) {
            throw RanOut.INSTANCE;
        }
        if (xml[end] != ';') {
            throw NotPlain.INSTANCE;
        }
        referenced(from, end);
        return end + 1;
    }

    private static final byte[][] ENTITIES = {bytes("amp"), bytes("lt"), bytes("gt"), bytes("quot"), bytes("apos")};
    private static final char[] ENTITY_CHARACTERS = {'&', '<', '>', '"', '\''};

    /**
     * The character the reference from {@code &} at {@code from} to {@code ;} at {@code semicolon}
     * stands for: one of XML's five entities, or a character reference XML allows.
     */
    private int referenced(int from, int semicolon) {
        int nameFrom = from + 1;
        int length = semicolon - nameFrom;
        for (int e = 0; e < ENTITIES.length; e++) {
            if (ENTITIES[e].length == length && OnixNames.same(xml, nameFrom, ENTITIES[e], 0, length)) {
                return ENTITY_CHARACTERS[e];
            }
        }
        boolean hex = length > 1 && xml[nameFrom] == '#' && xml[nameFrom + 1] == 'x';
        int digitsFrom = hex ? nameFrom + 2 : nameFrom + 1;
        if (length < 1 || xml[nameFrom] != '#' || semicolon == digitsFrom || semicolon - digitsFrom > 6) {
            throw NotPlain.INSTANCE;
        }
        int code = 0;
        for (int i = digitsFrom; i < semicolon; i++) {
            int digit = Character.digit(xml[i], hex ? 16 : 10);
            if (digit < 0) {
                throw NotPlain.INSTANCE;
            }
            code = code * (hex ? 16 : 10) + digit;
        }
        boolean allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
                || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
        if (!allowed) {
            throw NotPlain.INSTANCE;
        }
        return code;
    }

    /**
     * Checks a character of two to four bytes in UTF-8 at {@code from}: valid, and one XML allows
     * (no surrogate, no U+FFFE or U+FFFF, and none of the C1 controls, left to Aalto).
     *
     * @return the index after it
     */
    private int afterUtf8(int from) {
        int first = xml[from] & 0xFF;
        if (first >= 0xC2 && first <= 0xDF) {
            int second = continuation(from + 1);
            if (first == 0xC2 && second < 0xA0) {
                throw NotPlain.INSTANCE;
            }
            return from + 2;
        }
        if (first >= 0xE0 && first <= 0xEF) {
            int second = continuation(from + 1);
            int third = continuation(from + 2);
            if ((first == 0xE0 && second < 0xA0) || (first == 0xED && second >= 0xA0)
                    || (first == 0xEF && second == 0xBF && third >= 0xBE)) {
                throw NotPlain.INSTANCE;
            }
            return from + 3;
        }
        if (first >= 0xF0 && first <= 0xF4) {
            int second = continuation(from + 1);
            continuation(from + 2);
            continuation(from + 3);
            if ((first == 0xF0 && second < 0x90) || (first == 0xF4 && second >= 0x90)) {
                throw NotPlain.INSTANCE;
            }
            return from + 4;
        }
        throw NotPlain.INSTANCE;
    }

    private int continuation(int index) {
        int b = byteAt(index) & 0xFF;
        if (b < 0x80 || b > 0xBF) {
            throw NotPlain.INSTANCE;
        }
        return b;
    }

    /** An element's or attribute's name at {@code at}: ASCII letters, digits, '_', '-' and '.'; @return its end */
    private int name() {
        if (!NAME_START[byteAt(at) & 0xFF]) {
            throw NotPlain.INSTANCE;
        }
        int end = at + 1;
        while (end < limit && NAME_PART[xml[end] & 0xFF]) {
            end++;
        }
        at = end;
        return end;
    }

    /**
     * The rest of a start tag after its name: its attributes, each once, each value quoted and
     * plain (no reference, no {@code <}, no control character).
     *
     * @param date whether to keep its dateformat attribute in {@link #dateFormat}
     * @return whether it ended with {@code />}, an empty element
     */
    private boolean attributes(boolean date) {
        dateFormat = null;
        int count = 0;
        while (true) {
            int c = byteAt(at);
            if (c == '>') {
                at++;
                return false;
            }
            if (c == '/') {
                at++;
                expect('>');
                return true;
            }
            if (!isBlank(c)) {
                throw NotPlain.INSTANCE;
            }
            skipBlanks();
            c = byteAt(at);
            if (c == '>' || c == '/') {
                continue;
            }
            int nameFrom = at;
            int nameTo = name();
            for (int i = 0; i < count; i++) {
                if (attributeTo[i] - attributeFrom[i] == nameTo - nameFrom && OnixNames.same(xml, attributeFrom[i], xml, nameFrom, nameTo - nameFrom)) {
                    throw NotPlain.INSTANCE;
                }
            }
            if (count == MOST_ATTRIBUTES) {
                throw NotPlain.INSTANCE;
            }
            attributeFrom[count] = nameFrom;
            attributeTo[count++] = nameTo;
            skipBlanks();
            expect('=');
            skipBlanks();
            int quote = byteAt(at);
            if (quote != '"' && quote != '\'') {
                throw NotPlain.INSTANCE;
            }
            int valueFrom = ++at;
            while ((c = byteAt(at)) != quote) {
                if (c == '<' || c == '&' || (c >= 0 && c < 0x20)) {
                    throw NotPlain.INSTANCE;
                }
                at = c < 0 ? afterUtf8(at) : at + 1;
            }
            if (date && nameTo - nameFrom == DATE_FORMAT.length && OnixNames.same(xml, nameFrom, DATE_FORMAT, 0, DATE_FORMAT.length)) {
                dateFormat = new String(xml, valueFrom, at - valueFrom, StandardCharsets.UTF_8);
            }
            at++;
        }
    }

    /** After {@code </}: the name of the element it ends, blanks, {@code >}. */
    private void endTag(int nameFrom, int nameTo) {
        int length = nameTo - nameFrom;
        if (at + length > limit) {
            throw RanOut.INSTANCE;
        }
        if (!OnixNames.same(xml, at, xml, nameFrom, length)) {
            throw NotPlain.INSTANCE;
        }
        at += length;
        skipBlanks();
        expect('>');
    }

    private static final byte[][] MESSAGE_AND_PRODUCT = {bytes("Product"), bytes("product"), bytes("ONIXMessage"), bytes("ONIXmessage")};

    private boolean isMessageOrProduct(int from, int to) {
        for (byte[] name : MESSAGE_AND_PRODUCT) {
            if (name.length == to - from && OnixNames.same(xml, from, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private void skipBlanks() {
        int c;
        while (isBlank(c = byteAt(at))) {
            lines += c == '\n' ? 1 : 0;
            at++;
        }
    }

    private void expect(char c) {
        if (byteAt(at) != c) {
            throw NotPlain.INSTANCE;
        }
        at++;
    }

    /** The byte at the index; past the bytes at hand, more are needed. */
    private int byteAt(int index) {
        if (index >= limit) {
            throw RanOut.INSTANCE;
        }
        return xml[index];
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
