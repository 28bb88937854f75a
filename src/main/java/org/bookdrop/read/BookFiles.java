package org.bookdrop.read;

import java.io.InputStream;

/**
 * Opens a dropped file as a stream of record batches for the intake route to split on.
 */
public final class BookFiles {

    private final int batchSize;

    public BookFiles(int batchSize) {
        this.batchSize = batchSize;
    }

    public Batches<SourceRecord> batches(InputStream content) {
        return new Batches<>(new JsonArrayReader(content), batchSize);
    }
}
