package org.bookdrop.load;

import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * An array parameter that pgjdbc sends in PostgreSQL's binary array format (which CrateDB reads
 * too), written straight into the bytes pgjdbc sends, their length counted beforehand. pgjdbc's own
 * {@code createArrayOf} encodes each value to a new byte array, gathers them in a buffer that grows
 * from small, then copies it. When the connection sends no binary parameters
 * ({@code binaryTransfer=false}), pgjdbc sends {@link #getValue()}: the same array as a text literal.
 */
abstract class BinaryArray extends PGobject implements PGBinaryObject {

    /** Dimensions, flags, element type, then the one dimension's length and lower bound. */
    private static final int HEADER_BYTES = 20;

    private final int elementOid;
    private final boolean quoted;
    private int length = -1;
    private boolean hasNull;

    /**
     * @param type       pgjdbc's name of the array type ({@code _text}, {@code _int8})
     * @param elementOid the elements' type
     * @param quoted     whether the elements are quoted in the text literal
     */
    BinaryArray(String type, int elementOid, boolean quoted) {
        this.elementOid = elementOid;
        this.quoted = quoted;
        setType(type);
    }

    abstract int size();

    /** The element's length in bytes, or -1 for null. */
    abstract int valueLength(int index);

    /** Writes the element's value (not its length); @return the offset after it */
    abstract int copyValue(int index, byte[] bytes, int offset);

    /** The element's value as text, or null. */
    abstract String text(int index);

    @Override
    public int lengthInBytes() {
        if (length < 0) {
            int bytes = size() == 0 ? 12 : HEADER_BYTES;
            for (int i = 0; i < size(); i++) {
                int value = valueLength(i);
                hasNull |= value < 0;
                bytes += 4 + Math.max(0, value);
            }
            length = bytes;
        }
        return length;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        lengthInBytes();
        int at = putInt(bytes, offset, size() == 0 ? 0 : 1);
        at = putInt(bytes, at, hasNull ? 1 : 0);
        at = putInt(bytes, at, elementOid);
        if (size() == 0) {
            return;
        }
        at = putInt(bytes, at, size());
        at = putInt(bytes, at, 1);
        for (int i = 0; i < size(); i++) {
            int value = valueLength(i);
            at = putInt(bytes, at, value);
            if (value > 0) {
                at = copyValue(i, bytes, at);
            }
        }
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a parameter only, never read back");
    }

    /** The array as PostgreSQL's text literal: texts quoted, their quotes and backslashes escaped. */
    @Override
    public String getValue() {
        StringBuilder literal = new StringBuilder(32 * size() + 2).append('{');
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String text = text(i);
            if (text == null) {
                literal.append("NULL");
            } else if (!quoted) {
                literal.append(text);
            } else {
                literal.append('"');
                for (int c = 0; c < text.length(); c++) {
                    char character = text.charAt(c);
                    if (character == '"' || character == '\\') {
                        literal.append('\\');
                    }
                    literal.append(character);
                }
                literal.append('"');
            }
        }
        return literal.append('}').toString();
    }

    static int putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
        return offset + 4;
    }
}
