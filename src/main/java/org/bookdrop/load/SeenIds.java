package org.bookdrop.load;

/**
 * The ids one file has written so far, kept as 64-bit fingerprints in an open-addressing table:
 * about 11 bytes per distinct id (a file of 7 million books needs some 75 MB), where the ids
 * themselves would take several times that. Two different ids share a fingerprint with a chance
 * of about one in a million for a file of 7 million books; such a pair would be counted as a
 * duplicate and its batch written in order, nothing worse.
 */
final class SeenIds {

    private static final double MAX_LOAD = 0.75;
    /** 0 marks an empty slot, so a fingerprint of 0 is stored as this instead. */
    private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;

    private long[] slots = new long[1 << 12];
    private int size;

    /** @return whether the id was seen before; either way it is seen from now on */
    boolean add(String id) {
        if (size + 1 > slots.length * MAX_LOAD) {
            grow();
        }
        boolean added = place(slots, fingerprint(id));
        if (added) {
            size++;
        }
        return !added;
    }

    int size() {
        return size;
    }

    /** @return whether the fingerprint was new to the table */
    private static boolean place(long[] table, long fingerprint) {
        int slot = slot(fingerprint, table.length);
        while (table[slot] != 0) {
            if (table[slot] == fingerprint) {
                return false;
            }
            slot = slot + 1 == table.length ? 0 : slot + 1;
        }
        table[slot] = fingerprint;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[(int) Math.min(Integer.MAX_VALUE - 8, old.length * 3L / 2)];
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                place(slots, fingerprint);
            }
        }
    }

    /** Maps the fingerprint onto the table's range without needing a power-of-two size. */
    private static int slot(long fingerprint, int length) {
        return (int) Math.multiplyHigh(fingerprint & Long.MAX_VALUE, (long) length << 1);
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
