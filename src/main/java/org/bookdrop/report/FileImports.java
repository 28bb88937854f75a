package org.bookdrop.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a file's import when the intake route picks the file up, and turns it into the file's
 * report when the route is done with it, successful or not.
 */
public final class FileImports {

    private static final Logger LOG = LoggerFactory.getLogger(FileImports.class);

    private final Folders folders;
    private final Clock clock;
    private final double maxRejectRatio;
    private final IngestStats stats;

    /**
     * @param maxRejectRatio the share of rejected records above which a file fails; 1 or more: never
     * @param stats          the totals that each file's import adds to
     */
    public FileImports(Folders folders, Clock clock, double maxRejectRatio, IngestStats stats) {
        this.folders = folders;
        this.clock = clock;
        this.maxRejectRatio = maxRejectRatio;
        this.stats = stats;
    }

    /** Starts a file's import, with its content's hash. */
    public FileImport start(@Header(Exchange.FILE_NAME) String fileName, @Header(Exchange.FILE_PATH) String path,
                            @Header(Exchange.FILE_LENGTH) Long sizeBytes) {
        Instant startedAt = Instant.now(clock);
        String sha256;
        try {
            sha256 = FileHash.sha256(Path.of(path));
        } catch (UncheckedIOException e) {
            // Reading it fails the same way next, and the file gets its report saying so.
            LOG.warn("{}: {}", fileName, e.getMessage());
            sha256 = null;
        }
        FileImport fileImport = new FileImport(fileName, sha256, sizeBytes == null ? -1 : sizeBytes, startedAt);
        stats.started(fileImport);
        return fileImport;
    }

    /**
     * Fails a file, after all its records were read, whose share of rejected records is over the
     * limit: it goes to the error folder as a whole. The rows it wrote stay written.
     */
    public void checkRejectRatio(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        long read = fileImport.read();
        if (read == 0 || maxRejectRatio >= 1) {
            return;
        }
        double ratio = (double) fileImport.rejected() / read;
        if (ratio > maxRejectRatio) {
            throw new TooManyRejectsException(String.format(Locale.ROOT,
                    "%d of %d records were rejected (%.1f%%), more than BOOKDROP_MAX_REJECT_RATIO allows (%.1f%%); "
                            + "the %d valid records were written and stay in the table",
                    fileImport.rejected(), read, ratio * 100, maxRejectRatio * 100, fileImport.written()));
        }
    }

    /**
     * Records why the file failed. The routes' error handling calls it for every failure, since
     * Camel's on-completion step, which reports the file, is not told of a failure in a split.
     */
    public void failed(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (fileImport != null && failure != null) {
            fileImport.fail(failure);
        }
    }

    /** The file's report, once the route is done with the file: imported, or failed. */
    public ImportReport finish(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        Path folder = fileImport.failure() == null ? folders.done() : folders.error();
        ImportReport report = fileImport.finish(Instant.now(clock), folder.toString());
        stats.finished(fileImport, report);
        return report;
    }
}
