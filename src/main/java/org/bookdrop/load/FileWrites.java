package org.bookdrop.load;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The writes of one file that are in flight on the writer threads: how many, the first that
 * failed, and the ids written so far: as fingerprints in memory (to count a record superseded by
 * a later one with the same id, and to keep such records in file order), and in full on disk (to
 * look them up again after the refresh).
 */
public final class FileWrites implements AutoCloseable {

    private final SeenIds seen = new SeenIds();
    private WrittenIds written;
    private int pending;
    private Exception failure;

    /** Called by the reading thread only. */
    boolean seenBefore(String id) {
        return seen.add(id);
    }

    /** Records ids written for the first time in this file. */
    synchronized void written(Collection<String> ids) {
        if (written == null) {
            written = new WrittenIds();
        }
        written.add(ids);
    }

    /** The ids written so far, in chunks; none when nothing was written. */
    public void forEachWrittenChunk(int size, Consumer<List<String>> chunkConsumer) {
        WrittenIds ids;
        synchronized (this) {
            ids = written;
        }
        if (ids != null) {
            ids.forEachChunk(size, chunkConsumer);
        }
    }

    @Override
    public synchronized void close() {
        if (written != null) {
            written.close();
            written = null;
        }
    }

    synchronized void started() {
        pending++;
    }

    synchronized void finished(Exception failed) {
        pending--;
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
