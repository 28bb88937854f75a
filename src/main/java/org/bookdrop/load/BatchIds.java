package org.bookdrop.load;

import java.util.List;

/**
 * The distinct ids of one batch, in the order each first comes, with where the last record of
 * each is: the load stage sends only that record (within one statement an id may appear only
 * once, and the last one wins, as in the file), and a later batch that holds one of these ids
 * waits while this one is written ({@link FileWrites}).
 *
 * <p>An open-addressed table of positions in the batch, looked up by each id's hash: no entry
 * object for each id, and nothing to add or remove id by id when the batch starts or ends. The
 * hash is made on the thread that checked the book ({@link org.bookdrop.check.CheckedBook#of}),
 * where the id's bytes are at hand; a {@code String} keeps it.
 */
final class BatchIds {

    private final String[] ids;
    private final int[] last;
    private final int size;
    /** Each slot: 0 when empty, else the place in {@link #ids} plus one; beside it the id's hash. */
    private final int[] slots;
    private final int[] hashes;
    private final int mask;

    private BatchIds(List<String> batch) {
        int count = batch.size();
        int capacity = Integer.highestOneBit(Math.max(count, 1)) * 4;
        this.slots = new int[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
        this.ids = new String[count];
        this.last = new int[count];
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            String id = batch.get(i);
            int hash = id.hashCode();
            int slot = slotOf(id, hash);
            if (slots[slot] == 0) {
                ids[distinct] = id;
                slots[slot] = distinct + 1;
                hashes[slot] = hash;
                distinct++;
            }
            last[slots[slot] - 1] = i;
        }
        this.size = distinct;
    }

    /** The ids of a batch's records, in its order (an id may come more than once). */
    static BatchIds of(List<String> batch) {
        return new BatchIds(batch);
    }

    /** How many distinct ids. */
    int size() {
        return size;
    }

    /** The {@code k}th distinct id, in the order each first comes. */
    String id(int k) {
        return ids[k];
    }

    /** Where in the batch the last record of the {@code k}th distinct id is. */
    int last(int k) {
        return last[k];
    }

    boolean contains(String id) {
        return slots[slotOf(id, id.hashCode())] != 0;
    }

    /** Whether any of these ids is one of the other batch's. */
    boolean anyIn(BatchIds other) {
        for (int k = 0; k < size; k++) {
            if (other.contains(ids[k])) {
                return true;
            }
        }
        return false;
    }

    /** The slot that holds the id, or the empty one where it would go. */
    private int slotOf(String id, int hash) {
        // The hash's high bits folded in, as HashMap does: ids alike but for their ends differ there.
        int slot = (hash ^ (hash >>> 16)) & mask;
        int at;
        while ((at = slots[slot]) != 0) {
            if (hashes[slot] == hash && ids[at - 1].equals(id)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
