package org.bookdrop.read;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A stream of the records of one file. A reader that meets a break it cannot read past throws an
 * {@link UnreadableFileException} once, naming the place, and then ends.
 */
public abstract class RecordReader implements Iterator<SourceRecord>, Closeable {

    private SourceRecord next;
    private boolean finished;

    /** @return the next record, or null at the end of the file */
    protected abstract SourceRecord readRecord();

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = readRecord();
            } catch (RuntimeException e) {
                finished = true;
                throw e;
            }
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public final SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord record = next;
        next = null;
        return record;
    }
}
