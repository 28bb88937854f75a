package org.bookdrop.load;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The writes of one file: those in flight on the writer threads with their ids (so that a later
 * record of the same id waits for them), the first that failed, and the ids written so far, on
 * disk (to count the distinct ones and look them up again after the refresh).
 */
public final class FileWrites implements AutoCloseable {

    private final Set<String> inFlight = new HashSet<>();
    private WrittenIds written;
    private int pending;
    private Exception failure;

    /** Whether any of these ids is in a batch still being written. */
    synchronized boolean anyInFlight(Collection<String> ids) {
        if (inFlight.isEmpty()) {
            return false;
        }
        for (String id : ids) {
            if (inFlight.contains(id)) {
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
    }

    /**
     * Hands the distinct ids written (an id written twice comes once) in chunks of the given size.
     *
     * @return how many rows were written in all, and how many distinct ids
     */
    public WrittenIds.Counts forEachWrittenChunk(int size, Consumer<List<String>> chunkConsumer) {
        WrittenIds ids;
        synchronized (this) {
            ids = written;
        }
        return ids == null ? new WrittenIds.Counts(0, 0) : ids.forEachDistinctChunk(size, chunkConsumer);
    }

    @Override
    public synchronized void close() {
        if (written != null) {
            written.close();
            written = null;
        }
    }

    synchronized void started(Collection<String> ids) {
        pending++;
        inFlight.addAll(ids);
    }

    synchronized void finished(Collection<String> ids, Exception failed) {
        pending--;
        inFlight.removeAll(ids);
        if (failed != null && failure == null) {
            failure = failed;
        }
        notifyAll();
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
