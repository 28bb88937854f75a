package org.bookdrop.report;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What became of one file, as the reporting route publishes it. The counts reconcile:
 * {@code read = written + rejected + duplicates} for a file that was read to its end.
 *
 * @param file          the file's name within the inbox
 * @param sha256        the SHA-256 of the file's content, hex
 * @param folder        the folder the file is in now: done, error, or the inbox when it could not be moved
 * @param path          the file's path now; its name differs from {@code file} when an earlier file of
 *                      the same name was kept in that folder
 * @param moved         whether the file was moved out of the inbox
 * @param table         the table its rows went into
 * @param mapping       the mapping its records were read with ({@code bookdrop}: bookdrop's own
 *                      shape); null for a file that was not opened
 * @param searchableAt  when the rows written could be searched: after the refresh on CrateDB, after the
 *                      last write on PostgreSQL; null when none was written or the refresh failed
 * @param written       rows written, one per distinct id
 * @param duplicates    records superseded by a later record of the file with the same id (the last wins)
 * @param verified      rows found by primary key after they were written
 * @param deletionRequests records that ask for their product's row to be deleted (ONIX NotificationType 05)
 * @param deleted       rows deleted at their request; null where deletion requests are only counted (they
 *                      delete with BOOKDROP_APPLY_DELETIONS=true)
 * @param valuesFound   for each book field, how many records gave it a value (rejected ones too)
 * @param ignoredFields fields that records had besides a book's, with how many records had each
 * @param rejects       the file holding the rejected records with their reasons, or null if none
 * @param error         why the file failed, or null
 * @param alreadyImportedAt when a file of the same content was imported before, for a file not
 *                      imported again (status ALREADY_IMPORTED); else null
 * @param importedAgainBecause why a file whose content was imported before was imported again
 *                      (its rows were no longer in the table); else null
 * @param permissions   the file's permissions, which the report's own files take (not published)
 * @param sampleIds     some of the ids the file wrote, for the history to check later that its rows
 *                      are still there (not published)
 */
public record ImportReport(
        String file,
        String sha256,
        long sizeBytes,
        Status status,
        String folder,
        String path,
        boolean moved,
        String table,
        String mapping,
        Instant startedAt,
        Instant searchableAt,
        Instant finishedAt,
        long durationMillis,
        long read,
        long written,
        long rejected,
        long duplicates,
        long verified,
        long deletionRequests,
        Long deleted,
        Map<String, Long> valuesFound,
        Map<String, Long> ignoredFields,
        String rejects,
        String error,
        Instant alreadyImportedAt,
        String importedAgainBecause,
        @JsonIgnore Set<PosixFilePermission> permissions,
        @JsonIgnore List<String> sampleIds) {

    public enum Status { DONE, FAILED, ALREADY_IMPORTED }

    /** The report's line: what happened, then where the file went. */
    public String summary() {
        return outcome() + where();
    }

    /** What happened to the file's records, without where the file went. */
    public String outcome() {
        String counts = String.format("%d read, %d written, %d rejected, %d duplicates, %d verified in %d ms",
                read, written, rejected, duplicates, verified, durationMillis);
        String rejectsNote = rejects == null ? "" : "; rejected records with their reasons in " + rejects;
        String ignoredNote = ignoredFields.isEmpty() ? "" : "; ignored fields " + ignoredFields;
        String againNote = importedAgainBecause == null ? "" : "; imported again: " + importedAgainBecause;
        String deletionNote = deletionRequests == 0 ? ""
                : deleted == null ? "; " + deletionRequests + " deletion requests, not applied (BOOKDROP_APPLY_DELETIONS=true applies them)"
                : "; " + deletionRequests + " deletion requests, " + deleted + " rows deleted";
        String mappingNote = mapping == null || mapping.equals("bookdrop") ? "" : " (mapping " + mapping + ")";
        return switch (status) {
            case DONE -> file + mappingNote + ": " + counts + deletionNote + rejectsNote + ignoredNote + againNote;
            case ALREADY_IMPORTED -> file + ": already imported at " + alreadyImportedAt + " (same SHA-256 " + sha256
                    + ", its rows still in table " + table + "); not imported again";
            case FAILED -> file + mappingNote + " FAILED: " + error + "; " + counts + " before the failure" + rejectsNote;
        };
    }

    /** Where the file went: never "moved" when it did not move. */
    public String where() {
        if (!moved) {
            return "; left in the inbox";
        }
        String storedName = Path.of(path).getFileName().toString();
        String name = Path.of(file).getFileName().toString();
        return "; moved to " + folder + (storedName.equals(name) ? "" : " as " + storedName);
    }

    /** The name the report's own files take, beside the file: its name where it is now. */
    public String storedName() {
        return Path.of(path).getFileName().toString();
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
