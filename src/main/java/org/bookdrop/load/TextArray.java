package org.bookdrop.load;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** A {@code text[]} parameter of texts (any of them null), each encoded to UTF-8 once and copied once. */
public final class TextArray extends BinaryArray {

    private static final int TEXT_OID = 25;

    private final String[] texts;
    private byte[][] encoded;

    private TextArray(String[] texts) {
        super("_text", TEXT_OID, true);
        this.texts = texts;
    }

    public static TextArray of(String[] texts) {
        return new TextArray(texts);
    }

    public static TextArray of(Collection<String> texts) {
        return new TextArray(texts.toArray(String[]::new));
    }

    @Override
    int size() {
        return texts.length;
    }

    /** UTF-8 as the JVM writes it, far faster than a loop over the text could (a lone surrogate becomes {@code ?}). */
    @Override
    int valueLength(int index) {
        if (encoded == null) {
            encoded = new byte[texts.length][];
        }
        if (texts[index] == null) {
            return -1;
        }
        if (encoded[index] == null) {
            encoded[index] = texts[index].getBytes(StandardCharsets.UTF_8);
        }
        return encoded[index].length;
    }

    @Override
    int copyValue(int index, byte[] bytes, int offset) {
        byte[] value = encoded[index];
        System.arraycopy(value, 0, bytes, offset, value.length);
        return offset + value.length;
    }

    @Override
    String text(int index) {
        return texts[index];
    }
}
