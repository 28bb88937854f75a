package org.bookdrop.load;

/**
 * The ids one file has written so far, kept as 64-bit fingerprints in open-addressing tables:
 * about 14 bytes per distinct id (a file of 7 million books needs some 100 MB), where the ids
 * themselves would take several times that. The fingerprints are spread over many small tables
 * that grow one at a time, so growing never needs twice the memory. Two different ids share a
 * fingerprint with a chance of about one in a million for a file of 7 million books; such a pair
 * would be counted as a duplicate and its batch written in order, nothing worse.
 */
final class SeenIds {

    private static final int SEGMENT_BITS = 10;
    private static final double MAX_LOAD = 0.75;
    /** 0 marks an empty slot, so a fingerprint of 0 is stored as this instead. */
    private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;

    private final long[][] segments = new long[1 << SEGMENT_BITS][];
    private final int[] sizes = new int[1 << SEGMENT_BITS];
    private long size;

    SeenIds() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new long[16];
        }
    }

    /** @return whether the id was seen before; either way it is seen from now on */
    boolean add(String id) {
        long fingerprint = fingerprint(id);
        int segment = (int) (fingerprint >>> (64 - SEGMENT_BITS));
        if (sizes[segment] + 1 > segments[segment].length * MAX_LOAD) {
            segments[segment] = grown(segments[segment]);
        }
        boolean added = place(segments[segment], fingerprint);
        if (added) {
            sizes[segment]++;
            size++;
        }
        return !added;
    }

    long size() {
        return size;
    }

    /** @return whether the fingerprint was new to the table */
    private static boolean place(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int slot = (int) fingerprint & mask;
        while (table[slot] != 0) {
            if (table[slot] == fingerprint) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = fingerprint;
        return true;
    }

    private static long[] grown(long[] table) {
        long[] bigger = new long[table.length * 2];
        for (long fingerprint : table) {
            if (fingerprint != 0) {
                place(bigger, fingerprint);
            }
        }
        return bigger;
    }

    /** FNV-1a over the UTF-16 chars, then SplitMix64's finaliser to spread the bits. */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash == 0 ? ZERO_STANDIN : hash;
    }
}
