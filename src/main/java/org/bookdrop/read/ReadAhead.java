package org.bookdrop.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file's batches on a thread of its own, one batch ahead: while the route checks and
 * writes one batch, the next is being read. Reading (CSV parsing, decoding) is sequential work
 * that would otherwise wait for the check, which runs on all cores. One batch is held ahead and no
 * more, so memory stays bounded. A break in the file is handed on where it happened: the batches
 * before it, then the break.
 */
public final class ReadAhead<T> implements Iterator<List<T>>, Closeable {

    private static final Object END = new Object();

    private final Batches<T> batches;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
    private final Thread reader;
    private volatile boolean closed;
    private Object next;

    /** @param name the file's name, for the reading thread's name */
    public ReadAhead(Batches<T> batches, String name) {
        this.batches = batches;
        this.reader = new Thread(this::readAll, "bookdrop-read " + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void readAll() {
        try {
            while (!closed && batches.hasNext()) {
                Object batch;
                try {
                    batch = batches.next();
                } catch (RuntimeException e) {
                    batch = e;
                }
                ready.put(batch);
            }
            ready.put(END);
        } catch (InterruptedException e) {
            // Closed while waiting to hand on a batch: nobody wants it.
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            ready.offer(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableFileException("stopped while reading the file", e);
            }
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object batch = next;
        next = null;
        if (batch instanceof RuntimeException broken) {
            throw broken;
        }
        if (batch instanceof Error error) {
            throw error;
        }
        return (List<T>) batch;
    }

    /** Stops reading (waiting for the batch being read, at most ten seconds), then closes the file. */
    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        ready.clear();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batches.close();
    }
}
