package org.bookdrop.report;

import java.time.Instant;
import java.util.Map;

/**
 * What became of one file, as the reporting route publishes it. The counts reconcile:
 * {@code read = written + rejected + duplicates} for a file that was read to its end.
 *
 * @param sha256        the SHA-256 of the file's content, hex
 * @param folder        the folder the file was moved to
 * @param searchableAt  when the rows written could be searched: after the refresh on CrateDB, after the
 *                      last write on PostgreSQL; null when none was written or the refresh failed
 * @param written       rows written, one per distinct id
 * @param duplicates    records superseded by a later record of the file with the same id (the last wins)
 * @param verified      rows found by primary key after they were written
 * @param ignoredFields fields that records had besides a book's, with how many records had each
 * @param rejects       the file holding the rejected records with their reasons, or null if none
 * @param error         why the file failed, or null
 * @param alreadyImportedAt when a file of the same content was imported before, for a file not
 *                      imported again (status ALREADY_IMPORTED); else null
 */
public record ImportReport(
        String file,
        String sha256,
        long sizeBytes,
        Status status,
        String folder,
        Instant startedAt,
        Instant searchableAt,
        Instant finishedAt,
        long durationMillis,
        long read,
        long written,
        long rejected,
        long duplicates,
        long verified,
        Map<String, Long> ignoredFields,
        String rejects,
        String error,
        Instant alreadyImportedAt) {

    public enum Status { DONE, FAILED, ALREADY_IMPORTED }

    public String summary() {
        String counts = String.format("%d read, %d written, %d rejected, %d duplicates, %d verified in %d ms",
                read, written, rejected, duplicates, verified, durationMillis);
        String rejectsNote = rejects == null ? "" : "; rejected records with their reasons in " + rejects;
        String ignoredNote = ignoredFields.isEmpty() ? "" : "; ignored fields " + ignoredFields;
        return switch (status) {
            case DONE -> file + ": " + counts + rejectsNote + ignoredNote + "; moved to " + folder;
            case ALREADY_IMPORTED -> file + ": already imported at " + alreadyImportedAt + " (same SHA-256 " + sha256
                    + "); not imported again; moved to " + folder;
            case FAILED -> file + " FAILED: " + error + "; " + counts + " before the failure" + rejectsNote + "; moved to " + folder;
        };
    }

    /** The text file left beside a failed file: what went wrong, where, and what was kept. */
    public String errorNote() {
        return file + " could not be imported.\n\n"
                + error + "\n\n"
                + "Before the failure bookdrop read " + read + " records: " + written + " were written and stay "
                + "in the table, " + rejected + " were rejected" + (rejects == null ? "" : " (see " + rejects + ")")
                + ".\nFix the file and drop it into the inbox again: records already written are updated, "
                + "not duplicated.\n";
    }
}
