package org.bookdrop.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Totals over every file since bookdrop started, and the files in progress, for JMX and the
 * metrics endpoint. A finished file's counts are taken from its report, and a file in progress
 * adds its running counts, so the totals always equal the sum of the reports once files are done.
 */
public final class IngestStats implements IngestStatsMBean {

    private final Clock clock;
    private final Set<FileImport> inProgress = new LinkedHashSet<>();
    private long filesDone;
    private long filesFailed;
    private long read;
    private long written;
    private long rejected;
    private long duplicates;
    private String lastError = "";
    private String lastErrorTime = "";

    public IngestStats(Clock clock) {
        this.clock = clock;
    }

    synchronized void started(FileImport fileImport) {
        inProgress.add(fileImport);
    }

    synchronized void finished(FileImport fileImport, ImportReport report) {
        inProgress.remove(fileImport);
        read += report.read();
        written += report.written();
        rejected += report.rejected();
        duplicates += report.duplicates();
        if (report.status() != ImportReport.Status.FAILED) {
            filesDone++;
        } else {
            filesFailed++;
            lastError = report.file() + ": " + report.error();
            lastErrorTime = report.finishedAt().toString();
        }
    }

    @Override
    public synchronized long getFilesDone() {
        return filesDone;
    }

    @Override
    public synchronized long getFilesFailed() {
        return filesFailed;
    }

    @Override
    public synchronized int getFilesInProgress() {
        return inProgress.size();
    }

    @Override
    public synchronized long getRecordsRead() {
        return read + inProgress.stream().mapToLong(FileImport::read).sum();
    }

    @Override
    public synchronized long getRecordsWritten() {
        return written + inProgress.stream().mapToLong(FileImport::written).sum();
    }

    @Override
    public synchronized long getRecordsRejected() {
        return rejected + inProgress.stream().mapToLong(FileImport::rejected).sum();
    }

    @Override
    public synchronized long getRecordsDuplicate() {
        return duplicates + inProgress.stream().mapToLong(FileImport::duplicates).sum();
    }

    @Override
    public synchronized String getCurrentFile() {
        return inProgress.isEmpty() ? "" : inProgress.iterator().next().fileName();
    }

    @Override
    public synchronized long getCurrentFileRecords() {
        return inProgress.isEmpty() ? 0 : inProgress.iterator().next().read();
    }

    @Override
    public synchronized double getCurrentFileRecordsPerSecond() {
        if (inProgress.isEmpty()) {
            return 0;
        }
        FileImport current = inProgress.iterator().next();
        return current.recordsPerSecond(Instant.now(clock));
    }

    /** How far one file in progress has got, as the console shows it. */
    public record Progress(String file, long read, long written, long rejected, double recordsPerSecond, long bytesRead,
                           long sizeBytes, Instant startedAt) {
    }

    /** The files being imported, in the order they started. */
    public synchronized List<Progress> inProgress() {
        Instant now = Instant.now(clock);
        List<Progress> files = new ArrayList<>();
        for (FileImport file : inProgress) {
            files.add(new Progress(file.fileName(), file.read(), file.written(), file.rejected(), file.recordsPerSecond(now),
                    file.bytesRead(), file.sizeBytes(), file.startedAt()));
        }
        return files;
    }

    @Override
    public synchronized String getLastError() {
        return lastError;
    }

    @Override
    public synchronized String getLastErrorTime() {
        return lastErrorTime;
    }

    static double perSecond(long count, Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }
}
