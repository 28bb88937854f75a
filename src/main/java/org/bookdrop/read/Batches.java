package org.bookdrop.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Groups a stream of records into lists of a fixed size, reading the next list only when it is
 * asked for: the reader never runs ahead of the writers by more than one batch. When the stream
 * breaks in the middle of a batch, the records read before the break are still handed on as a
 * last, shorter batch, and the break is thrown in place of the next batch.
 */
public final class Batches<T> implements Iterator<List<T>>, Closeable {

    private final Iterator<T> source;
    private final Closeable closeSource;
    private final int size;
    private RuntimeException breakInStream;

    public <S extends Iterator<T> & Closeable> Batches(S source, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + size);
        }
        this.source = source;
        this.closeSource = source;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        if (breakInStream != null) {
            return true;
        }
        try {
            return source.hasNext();
        } catch (RuntimeException e) {
            breakInStream = e;
            return true;
        }
    }

    @Override
    public List<T> next() {
        if (breakInStream != null) {
            RuntimeException broken = breakInStream;
            breakInStream = null;
            throw broken;
        }
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<T> batch = new ArrayList<>(size);
        try {
            while (batch.size() < size && source.hasNext()) {
                batch.add(source.next());
            }
        } catch (RuntimeException e) {
            if (batch.isEmpty()) {
                throw e;
            }
            breakInStream = e;
        }
        return batch;
    }

    @Override
    public void close() throws IOException {
        closeSource.close();
    }
}
