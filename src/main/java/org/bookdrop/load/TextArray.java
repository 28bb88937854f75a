package org.bookdrop.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A {@code text[]} parameter written straight from the rows' values in PostgreSQL's binary array
 * format, which CrateDB reads too. pgjdbc's own {@code createArrayOf} encodes each value to a new
 * byte array and gathers them in a buffer that grows from small, then copies it: a sixth of
 * bookdrop's CPU on a big file. Here each value is encoded once and copied once, into the array
 * pgjdbc sends, whose length is known beforehand.
 *
 * <p>An element is a text, or a list of texts sent as one text joined by a separator (a book's
 * categories, split again by the statement), so that the joined text is never built. A null
 * element is SQL NULL. When the connection sends no binary parameters ({@code binaryTransfer=false}),
 * pgjdbc sends {@link #getValue()}, the same array as a text literal.
 */
public final class TextArray extends PGobject implements PGBinaryObject {

    /** The type {@code text}: the elements' type in the array's header. */
    private static final int TEXT_OID = 25;
    /** Dimensions, flags, element type, then the one dimension's length and lower bound. */
    private static final int HEADER_BYTES = 20;

    private final Object[] elements;
    private final String separator;
    private final byte[] separatorBytes;
    /** Each element's texts in UTF-8, in order, once the length has been asked for. */
    private byte[][] pieces;
    /** How many of the pieces each element has; -1 for a null element. */
    private int[] piecesPerElement;
    private int length = -1;

    private TextArray(Object[] elements, String separator) {
        this.elements = elements;
        this.separator = separator;
        this.separatorBytes = separator.getBytes(StandardCharsets.UTF_8);
        setType("_text");
    }

    /** @param values texts, any of them null */
    public static TextArray of(String[] values) {
        return new TextArray(values, "");
    }

    /** @param values texts, any of them null */
    public static TextArray of(Collection<String> values) {
        return new TextArray(values.toArray(), "");
    }

    /** @param values lists of texts, each sent as one text with the separator between its texts */
    public static TextArray joined(List<String>[] values, String separator) {
        return new TextArray(values, separator);
    }

    /**
     * Encodes each text with {@link String#getBytes}, which the JVM does far faster than any loop
     * over a text's characters (a lone surrogate becomes {@code ?}), and adds up the lengths.
     */
    @Override
    public int lengthInBytes() {
        if (length >= 0) {
            return length;
        }
        List<byte[]> encoded = new ArrayList<>(elements.length);
        piecesPerElement = new int[elements.length];
        int bytes = elements.length == 0 ? 12 : HEADER_BYTES;
        for (int i = 0; i < elements.length; i++) {
            Object element = elements[i];
            bytes += 4;
            if (element == null) {
                piecesPerElement[i] = -1;
            } else if (element instanceof String text) {
                byte[] piece = text.getBytes(StandardCharsets.UTF_8);
                encoded.add(piece);
                piecesPerElement[i] = 1;
                bytes += piece.length;
            } else {
                List<String> texts = texts(element);
                for (String text : texts) {
                    byte[] piece = text.getBytes(StandardCharsets.UTF_8);
                    encoded.add(piece);
                    bytes += piece.length;
                }
                piecesPerElement[i] = texts.size();
                bytes += Math.max(0, texts.size() - 1) * separatorBytes.length;
            }
        }
        pieces = encoded.toArray(byte[][]::new);
        length = bytes;
        return length;
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a parameter only, never read back");
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        lengthInBytes();
        boolean hasNull = false;
        for (Object element : elements) {
            hasNull |= element == null;
        }
        int at = offset;
        at = putInt(bytes, at, elements.length == 0 ? 0 : 1);
        at = putInt(bytes, at, hasNull ? 1 : 0);
        at = putInt(bytes, at, TEXT_OID);
        if (elements.length == 0) {
            return;
        }
        at = putInt(bytes, at, elements.length);
        at = putInt(bytes, at, 1);
        int piece = 0;
        for (int count : piecesPerElement) {
            if (count < 0) {
                at = putInt(bytes, at, -1);
                continue;
            }
            int start = at + 4;
            at = start;
            for (int p = 0; p < count; p++, piece++) {
                if (p > 0) {
                    System.arraycopy(separatorBytes, 0, bytes, at, separatorBytes.length);
                    at += separatorBytes.length;
                }
                System.arraycopy(pieces[piece], 0, bytes, at, pieces[piece].length);
                at += pieces[piece].length;
            }
            putInt(bytes, start - 4, at - start);
        }
    }

    /** The array as PostgreSQL's text literal: each element quoted, quotes and backslashes escaped. */
    @Override
    public String getValue() {
        StringBuilder literal = new StringBuilder(32 * elements.length + 2).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (elements[i] == null) {
                literal.append("NULL");
            } else {
                literal.append('"');
                for (char c : text(elements[i]).toCharArray()) {
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
        }
        return literal.append('}').toString();
    }

    private String text(Object element) {
        return element instanceof String text ? text : String.join(separator, texts(element));
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object element) {
        return (List<String>) element;
    }

    private static int putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
        return offset + 4;
    }
}
