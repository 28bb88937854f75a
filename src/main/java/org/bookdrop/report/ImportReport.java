package org.bookdrop.report;

import java.time.Instant;

/**
 * What became of one file, as the reporting route publishes it. The counts reconcile:
 * {@code read = written + rejected + duplicates} for a file that was read to its end.
 *
 * @param folder     the folder the file was moved to
 * @param duplicates records whose id came again later in the same batch (the last one was kept)
 * @param error      why the file failed, or null
 */
public record ImportReport(
        String file,
        long sizeBytes,
        Status status,
        String folder,
        Instant startedAt,
        Instant finishedAt,
        long durationMillis,
        long read,
        long written,
        long rejected,
        long duplicates,
        String error) {

    public enum Status { DONE, FAILED }

    public String summary() {
        String counts = String.format("%d read, %d written, %d rejected, %d duplicates in %d ms",
                read, written, rejected, duplicates, durationMillis);
        return status == Status.DONE
                ? file + ": " + counts + "; moved to " + folder
                : file + " FAILED: " + error + "; " + counts + " before the failure; moved to " + folder;
    }
}
