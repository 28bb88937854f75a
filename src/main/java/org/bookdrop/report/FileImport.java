package org.bookdrop.report;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.bookdrop.check.BookMapper;
import org.bookdrop.check.Rejection;
import org.bookdrop.inbox.InboxFile;
import org.bookdrop.mapping.BookField;
import org.bookdrop.load.FileWrites;
import org.bookdrop.reject.Rejects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running account of one file's import. The stages add to it as batches pass; the counters are
 * atomic so that parallel writers can share it.
 */
public final class FileImport {

    private static final Logger LOG = LoggerFactory.getLogger(FileImport.class);

    /** The exchange property that carries a file's import through its routes. */
    public static final String PROPERTY = "bookdropFileImport";

    /** Rejections logged one by one per file; the rest are only counted and written to the rejects file. */
    private static final int REJECTIONS_LOGGED = 20;

    /** A file with fields named anew on every record must not fill the memory with their names. */
    private static final int IGNORED_FIELD_NAMES_KEPT = 100;

    private final String fileName;
    private final InboxFile inboxFile;
    private final long sizeBytes;
    private final Instant startedAt;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong deletionRequests = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final FileWrites writes = new FileWrites();
    private final Map<String, LongAdder> ignoredFields = new ConcurrentHashMap<>();
    private final long[] valuesFound = new long[BookField.values().length];
    private volatile Rejects rejects;
    private volatile String failure;
    private volatile LongSupplier bytesRead = () -> 0;
    private volatile Instant progressLoggedAt;
    private volatile Instant alreadyImportedAt;
    private volatile Instant searchableAt;
    private volatile String sha256;
    /** The file's content as the import reads it, hashed on the way, when it was not hashed before. */
    private volatile HashingInputStream hashing;
    private volatile Path storedAt;
    private volatile String leftInInbox;
    private volatile String importedAgainBecause;
    private volatile BookMapper mapper;
    private volatile boolean applyingDeletions;

    /** The import of a file of the inbox. */
    public FileImport(InboxFile inboxFile, long sizeBytes, Instant startedAt) {
        this(inboxFile.name(), inboxFile, null, sizeBytes, startedAt);
    }

    /**
     * The reading of a file outside the inbox (a dry run, a benchmark).
     *
     * @param sha256 the file's content hash, hex; null when unknown
     */
    public FileImport(String fileName, String sha256, long sizeBytes, Instant startedAt) {
        this(fileName, null, sha256, sizeBytes, startedAt);
    }

    private FileImport(String fileName, InboxFile inboxFile, String sha256, long sizeBytes, Instant startedAt) {
        this.fileName = fileName;
        this.inboxFile = inboxFile;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.startedAt = startedAt;
        this.progressLoggedAt = startedAt;
    }

    /** The file's name within the inbox, e.g. {@code books.json}. */
    public String fileName() {
        return fileName;
    }

    /** The file in the inbox; null for a file read outside it. */
    public InboxFile inboxFile() {
        return inboxFile;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Records the file's content hash, once it has been read for it. */
    public void hashed(String contentSha256) {
        this.sha256 = contentSha256;
    }

    /** The file's content, to be read for the import, hashed as it is read: @return the stream to read */
    public InputStream hashWhileReading(InputStream content) {
        HashingInputStream stream = new HashingInputStream(content);
        this.hashing = stream;
        return stream;
    }

    /** The content as the import read it, hashed on the way; null when it was hashed before, or not read. */
    HashingInputStream hashedWhileRead() {
        return hashing;
    }

    /** Records where the file was moved when its import was over. */
    public void movedTo(Path path) {
        this.storedAt = path;
    }

    /** Whether the file was moved out of the inbox when its import was over. */
    public boolean moved() {
        return storedAt != null;
    }

    /**
     * Records that the file stays in the inbox, and why. Unless bookdrop is stopping, that fails the
     * import: the file was not done with.
     */
    public void leftInInbox(String why) {
        this.leftInInbox = why;
    }

    /** Reads the file's records with this mapper from now on (bound to the file's mapping and shape). */
    public void mapWith(BookMapper fileMapper) {
        this.mapper = fileMapper;
    }

    /** The mapper of the file's records; bookdrop's own shape until the file is opened. */
    public BookMapper mapper() {
        BookMapper current = mapper;
        return current != null ? current : BookMapper.bookdropShape(false);
    }

    /** Records why a file whose content was imported before is imported again. */
    public void importedAgain(String because) {
        this.importedAgainBecause = because;
    }

    /** Records why the file failed; the first reason given is kept. */
    public synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = FailureMessage.of(cause);
        }
    }

    /** Why the file failed, or null while it has not. */
    public String failure() {
        return failure;
    }

    /** Where rejected records are written from now on. */
    public void rejectInto(Rejects file) {
        this.rejects = file;
    }

    public void read(long records) {
        read.addAndGet(records);
    }

    public void written(long records) {
        written.addAndGet(records);
    }

    public void duplicates(long records) {
        duplicates.addAndGet(records);
    }

    /**
     * Rows written again by a later record of the same id, or deleted by one: counted as
     * duplicates, not as written, so that written counts the distinct rows the file leaves.
     */
    public void rewritten(long rows) {
        written.addAndGet(-rows);
        duplicates.addAndGet(rows);
    }

    /** Counts a record that asks for its row to be deleted (ONIX NotificationType 05). */
    public void deletionRequested() {
        deletionRequests.incrementAndGet();
    }

    /** Rows deleted at the file's request (with BOOKDROP_APPLY_DELETIONS). */
    public void deleted(long rows) {
        deleted.addAndGet(rows);
    }

    /** Records whether the file's deletion requests delete rows, or are only counted. */
    public void applyingDeletions(boolean applying) {
        this.applyingDeletions = applying;
    }

    public long deleted() {
        return deleted.get();
    }

    public long deletionRequests() {
        return deletionRequests.get();
    }

    /** Rows found by primary key after they were written. */
    public void verified(long rows) {
        verified.addAndGet(rows);
    }

    /** The file's writes in flight. */
    public FileWrites writes() {
        return writes;
    }

    /** Counts a record that will not be loaded, says which and why, and writes it to the rejects file. */
    public void reject(Rejection rejection) {
        long count = rejected.incrementAndGet();
        Rejects file = rejects;
        if (count <= REJECTIONS_LOGGED) {
            LOG.warn("Rejected {}", rejection.describe());
        } else if (count == REJECTIONS_LOGGED + 1) {
            LOG.warn("{}: more than {} records rejected; the rest are not logged, only written to {}", fileName,
                    REJECTIONS_LOGGED, file == null ? "the report's count" : file.destination());
        }
        if (file != null) {
            file.write(rejection);
        }
    }

    /** Adds, for each book field (by ordinal), how many records of a batch gave it a value. */
    public synchronized void valuesFound(long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            valuesFound[i] += counts[i];
        }
    }

    /** For each book field, how many records gave it a value (rejected ones too): a field no record gives shows at once. */
    public synchronized Map<String, Long> valuesFound() {
        Map<String, Long> found = new LinkedHashMap<>();
        for (BookField field : BookField.values()) {
            found.put(field.key(), valuesFound[field.ordinal()]);
        }
        return found;
    }

    /** Adds the fields that records had besides a book's, with how many records had each. */
    public void ignoredFields(Map<String, Long> counts) {
        counts.forEach((name, count) -> {
            LongAdder adder = ignoredFields.get(name);
            if (adder == null && ignoredFields.size() < IGNORED_FIELD_NAMES_KEPT) {
                adder = ignoredFields.computeIfAbsent(name, n -> new LongAdder());
            }
            if (adder != null) {
                adder.add(count);
            }
        });
    }

    public long read() {
        return read.get();
    }

    public long written() {
        return written.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public String sha256() {
        return sha256;
    }

    /** Marks the file as one whose content was imported in full before, at that time: it is not imported again. */
    public void alreadyImported(Instant at) {
        this.alreadyImportedAt = at;
    }

    /** Marks the moment the file's rows became searchable: after the refresh, or the last write where none is needed. */
    public void searchable(Instant at) {
        this.searchableAt = at;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Where the count of the file's bytes read so far comes from. */
    public void countBytesWith(LongSupplier counter) {
        this.bytesRead = counter;
    }

    public long bytesRead() {
        return bytesRead.getAsLong();
    }

    public double recordsPerSecond(Instant now) {
        return IngestStats.perSecond(read.get(), Duration.between(startedAt, now));
    }

    /** Whether a progress line is due, a period after the last; if so, the period starts again. */
    boolean progressDue(Instant now, Duration period) {
        if (Duration.between(progressLoggedAt, now).compareTo(period) < 0) {
            return false;
        }
        progressLoggedAt = now;
        return true;
    }

    /**
     * Closes the rejects file and gives the file's report.
     *
     * @param table the table its rows went into
     * @param inbox the inbox, where a file that could not be moved stays
     */
    public ImportReport finish(Instant finishedAt, String table, Path inbox) {
        List<String> sample = writes.sampleIds();
        writes.close();
        Rejects file = rejects;
        String rejectsPath = null;
        if (file != null) {
            file.close();
            rejectsPath = file.writtenTo().orElse(null);
        }
        Map<String, Long> ignored = new TreeMap<>();
        ignoredFields.forEach((name, count) -> ignored.put(name, count.sum()));
        String error = failure;
        String notMoved = leftInInbox;
        if (notMoved != null) {
            error = error == null ? notMoved : error + "; " + notMoved;
        }
        ImportReport.Status status = error != null ? ImportReport.Status.FAILED
                : alreadyImportedAt != null ? ImportReport.Status.ALREADY_IMPORTED : ImportReport.Status.DONE;
        Path path = storedAt != null ? storedAt : inboxFile != null ? inboxFile.path() : inbox.resolve(fileName);
        BookMapper fileMapper = mapper;
        return new ImportReport(fileName, sha256, sizeBytes, status, path.getParent().toString(), path.toString(),
                storedAt != null, table, fileMapper == null ? null : fileMapper.mappingName(), startedAt, searchableAt, finishedAt, Duration.between(startedAt, finishedAt).toMillis(),
                read.get(), written.get(), rejected.get(), duplicates.get(), verified.get(), deletionRequests.get(), applyingDeletions ? deleted.get() : null,
                valuesFound(), ignored, rejectsPath, error,
                alreadyImportedAt, importedAgainBecause, inboxFile == null ? null : inboxFile.permissions(), sample);
    }
}
