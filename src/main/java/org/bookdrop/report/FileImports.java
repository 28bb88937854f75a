package org.bookdrop.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.bookdrop.inbox.Folders;
import org.bookdrop.inbox.InboxFile;
import org.bookdrop.read.UnreadableFileException;
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
    private final boolean followLinks;
    private final String table;

    /**
     * @param maxRejectRatio the share of rejected records above which a file fails; 1 or more: never
     * @param stats          the totals that each file's import adds to
     * @param followLinks    whether a symbolic link dropped into the inbox is read (BOOKDROP_FOLLOW_LINKS)
     * @param table          the table the rows go into, for the reports
     */
    public FileImports(Folders folders, Clock clock, double maxRejectRatio, IngestStats stats, boolean followLinks,
                       String table) {
        this.folders = folders;
        this.clock = clock;
        this.maxRejectRatio = maxRejectRatio;
        this.stats = stats;
        this.followLinks = followLinks;
        this.table = table;
    }

    /** Starts a file's import, without reading the file yet. */
    public FileImport start(@Header(Exchange.FILE_NAME) String fileName, @Header(Exchange.FILE_PATH) String path,
                            @Header(Exchange.FILE_LENGTH) Long sizeBytes) {
        InboxFile file = InboxFile.of(Path.of(path), fileName, followLinks);
        FileImport fileImport = new FileImport(file, sizeBytes == null ? -1 : sizeBytes, Instant.now(clock));
        stats.started(fileImport);
        return fileImport;
    }

    /** Refuses a symbolic link unless links may be followed: it goes to the error folder unread. */
    public void refuseLink(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        if (fileImport.inboxFile().refusedLink()) {
            throw new UnreadableFileException("'" + fileImport.fileName() + "' is a symbolic link; bookdrop does not "
                    + "follow links in the inbox, so that no one who can write the inbox can make it read a file they "
                    + "may not read (BOOKDROP_FOLLOW_LINKS=true allows links). The link was moved here unread");
        }
    }

    /**
     * Records the hash of the file's content, which names the content in its report and history,
     * reading the file for it before the import reads it: for a file that may have been imported
     * before ({@code ImportHistory#mayHaveImported}). Any other is hashed as the import reads it.
     */
    public void hash(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        try (InputStream in = fileImport.inboxFile().open()) {
            fileImport.hashed(FileHash.sha256(in));
        } catch (IOException | UncheckedIOException e) {
            // Reading it fails the same way next, and the file gets its report saying so.
            LOG.warn("{}: cannot read it to hash it: {}", fileImport.fileName(), e.getMessage());
        }
    }

    /**
     * When the import is over, before the file moves: the hash of a file not hashed before it was
     * read, from the bytes the import read, and the rest of the file read for it (a file that broke
     * part way), or the whole file (one that was not read). Not for a link that was not followed,
     * nor for a file bookdrop stopped in the middle of, which stays in the inbox to be read again.
     */
    public void completeHash(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport, CamelContext camel) {
        if (fileImport == null || fileImport.sha256() != null || fileImport.inboxFile().refusedLink()
                || (fileImport.failure() != null && (camel.isStopping() || camel.isStopped()))) {
            return;
        }
        HashingInputStream read = fileImport.hashedWhileRead();
        if (read != null) {
            try {
                String sha256 = read.complete(fileImport.inboxFile()::open);
                if (sha256 != null) {
                    fileImport.hashed(sha256);
                    return;
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.debug("{}: cannot read the rest of it to hash it, reading it whole: {}", fileImport.fileName(), e.getMessage());
            }
        }
        hash(fileImport);
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

    /** The file's report, once the route is done with the file and has moved it away. */
    public ImportReport finish(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        ImportReport report = fileImport.finish(Instant.now(clock), table, folders.inbox());
        stats.finished(fileImport, report);
        return report;
    }
}
