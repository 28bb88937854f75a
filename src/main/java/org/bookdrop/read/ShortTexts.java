package org.bookdrop.read;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One node for each short text a feed repeats: most of a Product's kept elements hold a code
 * (ProductIDType 15, ContributorRole A01, TitleType 01, a subject scheme), the same in every
 * Product. A node is never changed once made, so Products can share it; they then wait for the
 * check stage without one of their own for each code. Texts of up to seven ASCII bytes, with no
 * blank at either end, are kept in a table of their last 512 seen; any other gets null.
 */
final class ShortTexts {

    /** The longest text kept: it fits in a long with its length. */
    static final int LONGEST = Long.BYTES - 1;
    private static final int SLOTS = 512;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final long[] keys = new long[SLOTS];
    private final TextNode[] nodes = new TextNode[SLOTS];

    /** The node of the text in {@code length} bytes from {@code from}; null when it is not one kept. */
    TextNode node(byte[] bytes, int from, int length) {
        if (length == 0 || length > LONGEST || bytes[from] <= ' ' || bytes[from + length - 1] <= ' ') {
            return null;
        }
        long key = key(bytes, from, length);
        if ((key & HIGH_BITS) != 0) {
            return null;
        }
        key |= (long) length << 56;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 55);
        if (keys[slot] == key) {
            return nodes[slot];
        }
        TextNode node = TextNode.valueOf(new String(bytes, from, length, StandardCharsets.US_ASCII));
        keys[slot] = key;
        nodes[slot] = node;
        return node;
    }

    /** The text's bytes, the first lowest, the rest of the long zero. */
    private static long key(byte[] bytes, int from, int length) {
        if (from + Long.BYTES <= bytes.length) {
            return (long) OnixNames.LONGS.get(bytes, from) & (-1L >>> (64 - 8 * length));
        }
        long key = 0;
        for (int i = length - 1; i >= 0; i--) {
            key = key << 8 | (bytes[from + i] & 0xFF);
        }
        return key;
    }
}
