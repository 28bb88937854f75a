package org.bookdrop.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The elements of a Product that bookdrop keeps, by the tags the feed writes them with: those the
 * mapping reads, and those bookdrop reads itself (the NotificationType, for a deletion; the
 * RecordReference, a Product's identity in the rejects; beside a Date, ONIX 3.0's DateFormat).
 * A tag is looked up as a string ({@link OnixProduct}, through Aalto) or as bytes
 * ({@link PlainOnixProduct}), in the same table, and gives the reference name it is read as, or
 * null for an element passed over.
 */
final class OnixNames {

    /** Eight bytes of a byte array as one number, the first lowest: for the ONIX readers' eight-at-a-time steps. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Map<String, String> byTag;
    /** The tags as UTF-8 bytes, by their hash in an open-addressed table, and the names they are read as. */
    private final byte[][] tags;
    private final String[] names;
    private final int mask;

    /** @param namesRead the reference names of the elements the mapping reads (any depth) */
    OnixNames(Set<String> namesRead, boolean shortTags) {
        Set<String> kept = new HashSet<>(namesRead);
        kept.add("NotificationType");
        kept.add("RecordReference");
        if (kept.contains("Date")) {
            kept.add("DateFormat");
        }
        this.byTag = Map.copyOf(OnixTags.tagsReadAs(kept, shortTags));
        int size = Integer.highestOneBit(Math.max(byTag.size(), 1) * 4) * 2;
        this.tags = new byte[size][];
        this.names = new String[size];
        this.mask = size - 1;
        byTag.forEach((tag, name) -> {
            byte[] bytes = tag.getBytes(StandardCharsets.UTF_8);
            int slot = hash(bytes, 0, bytes.length) & mask;
            while (tags[slot] != null) {
                slot = (slot + 1) & mask;
            }
            tags[slot] = bytes;
            names[slot] = name;
        });
    }

    /** The reference name an element of this tag (its local name) is kept as, or null when it is passed over. */
    String kept(String tag) {
        return byTag.get(tag);
    }

    /** The same, for a tag given as the bytes {@code from} to {@code to}. */
    String kept(byte[] bytes, int from, int to) {
        int slot = hash(bytes, from, to) & mask;
        byte[] tag;
        while ((tag = tags[slot]) != null) {
            if (tag.length == to - from && same(tag, 0, bytes, from, tag.length)) {
                return names[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /**
     * Whether the two ranges hold the same bytes: eight at a time (the last eight overlapping the
     * ones before), which on a tag's few bytes is quicker than
     * {@link Arrays#equals(byte[], int, int, byte[], int, int)} and than a loop over each byte.
     */
    static boolean same(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (a[aFrom + i] != b[bFrom + i]) {
                    return false;
                }
            }
            return true;
        }
        int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES) {
            if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(b, bFrom + i)) {
                return false;
            }
        }
        return (long) LONGS.get(a, aFrom + last) == (long) LONGS.get(b, bFrom + last);
    }

    /**
     * A tag's hash from its length and its first, middle and last bytes: a few steps whatever its
     * length (ONIX's reference tags run to 30 bytes), and enough to spread the few tags kept; tags
     * that share it are told apart by their bytes.
     */
    private static int hash(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return 0;
        }
        int hash = length * 0x9E3779B1 + bytes[from] * 29791 + bytes[from + length / 2] * 961 + bytes[to - 1] * 31;
        return hash ^ (hash >>> 16);
    }
}
