package org.bookdrop.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The writes of one file: those in flight on the writer threads with their ids (so that a later
 * record of the same id waits for them), the first that failed, and the ids written so far, on
 * disk (to count the distinct ones and look them up again after the refresh).
 */
public final class FileWrites implements AutoCloseable {

    /** Ids kept to check later that the file's rows are still in the table (import-once). */
    static final int SAMPLE_SIZE = 20;

    /**
     * The separator the import history reads a sample back with (a text array's text form from
     * CrateDB cannot be read back exactly); an id holding it is never sampled.
     */
    public static final String SAMPLE_SEPARATOR = "\u001F";

    /** The ids of the batches being written, a set for each (nothing added or removed id by id). */
    private final List<BatchIds> inFlight = new ArrayList<>();
    private final List<String> sample = new ArrayList<>(SAMPLE_SIZE);
    /** Ids whose last record so far asked for their row to be deleted, and whose row was deleted. */
    private final Set<String> deletedLast = new HashSet<>();
    private long seen;
    private WrittenIds written;
    private int pending;
    private Exception failure;

    /** Whether any of these ids is in a batch still being written. */
    synchronized boolean anyInFlight(BatchIds ids) {
        for (BatchIds writing : inFlight) {
            if (ids.anyIn(writing)) {
                return true;
            }
        }
        return false;
    }

    /** Records the ids of rows written; an id written by two batches is recorded twice. */
    synchronized void written(Collection<String> ids) {
        if (written == null) {
            written = new WrittenIds();
        }
        written.add(ids);
        if (!deletedLast.isEmpty()) {
            removeEach(deletedLast, ids);
        }
        // A uniform sample of the ids written (reservoir sampling).
        for (String id : ids) {
            seen++;
            if (sample.size() < SAMPLE_SIZE) {
                if (!id.contains(SAMPLE_SEPARATOR)) {
                    sample.add(id);
                }
            } else {
                long slot = Math.floorMod(mix(seen), seen);
                if (slot < SAMPLE_SIZE && !id.contains(SAMPLE_SEPARATOR)) {
                    sample.set((int) slot, id);
                }
            }
        }
    }

    /** Records the ids of rows deleted at the file's request: no longer the file's rows, unless written again. */
    synchronized void deleted(Collection<String> ids) {
        deletedLast.addAll(ids);
        sample.removeIf(deletedLast::contains); // which now holds these ids
    }

    /** Up to {@value #SAMPLE_SIZE} of the ids written, spread over the whole file. */
    public synchronized List<String> sampleIds() {
        return List.copyOf(new LinkedHashSet<>(sample));
    }

    /** A fixed scramble of the count (SplitMix64's finaliser), so that the sample does not depend on a random source. */
    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Hands the distinct ids written (an id written twice comes once), but for those deleted since
     * by a later record, in chunks of the given size.
     *
     * @return how many rows were written in all, and how many distinct ids are still the file's rows
     */
    public WrittenIds.Counts forEachWrittenChunk(int size, Consumer<List<String>> chunkConsumer) {
        WrittenIds ids;
        Set<String> deleted;
        synchronized (this) {
            ids = written;
            deleted = Set.copyOf(deletedLast);
        }
        return ids == null ? new WrittenIds.Counts(0, 0) : ids.forEachDistinctChunk(size, deleted, chunkConsumer);
    }

    @Override
    public synchronized void close() {
        if (written != null) {
            written.close();
            written = null;
        }
    }

    synchronized void started(BatchIds ids) {
        pending++;
        inFlight.add(ids);
    }

    synchronized void finished(BatchIds ids, Exception failed) {
        pending--;
        inFlight.remove(ids);
        if (failed != null && failure == null) {
            failure = failed;
        }
        notifyAll();
    }

    /**
     * Removes the ids one by one. Not {@code set.removeAll(ids)}: when the set is no bigger than
     * the list, it asks the list whether it contains each of the set's elements, a scan of the
     * whole list each time (25 million comparisons for a batch of 5,000, under this object's lock).
     */
    private static void removeEach(Set<String> set, Collection<String> ids) {
        for (String id : ids) {
            set.remove(id);
        }
    }

    /** Waits until every write started so far has finished, failed or not. */
    public synchronized void awaitAll() throws InterruptedException {
        while (pending > 0) {
            wait();
        }
    }

    /** Throws the first failure of a write, so that the file stops at the next batch. */
    public synchronized void throwIfFailed() throws Exception {
        if (failure != null) {
            throw failure;
        }
    }
}
