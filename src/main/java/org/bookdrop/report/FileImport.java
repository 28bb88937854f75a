package org.bookdrop.report;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.bookdrop.check.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running counts of one file's import. The stages add to it as batches pass; the counters are
 * atomic so that parallel writers can share it.
 */
public final class FileImport {

    private static final Logger LOG = LoggerFactory.getLogger(FileImport.class);

    /** The exchange property that carries a file's import through its routes. */
    public static final String PROPERTY = "bookdropFileImport";

    private final String fileName;
    private final long sizeBytes;
    private final Instant startedAt;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    public FileImport(String fileName, long sizeBytes, Instant startedAt) {
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.startedAt = startedAt;
    }

    public String fileName() {
        return fileName;
    }

    public void read(long records) {
        read.addAndGet(records);
    }

    public void written(long records) {
        written.addAndGet(records);
    }

    /** Counts a record that will not be loaded, and says which and why. */
    public void reject(Rejection rejection) {
        rejected.incrementAndGet();
        LOG.warn("Rejected {}", rejection.describe());
    }

    public void duplicates(long records) {
        duplicates.addAndGet(records);
    }

    public long written() {
        return written.get();
    }

    /**
     * @param folder where the file was moved
     * @param error  why the import failed, or null when it did not
     */
    public ImportReport finish(Instant finishedAt, String folder, String error) {
        return new ImportReport(fileName, sizeBytes, error == null ? ImportReport.Status.DONE : ImportReport.Status.FAILED,
                folder, startedAt, finishedAt, Duration.between(startedAt, finishedAt).toMillis(),
                read.get(), written.get(), rejected.get(), duplicates.get(), error);
    }
}
