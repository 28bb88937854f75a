package org.bookdrop.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.bookdrop.load.BookSearch;
import org.bookdrop.load.BoundStatements;
import org.bookdrop.load.TableName;

/**
 * The import history as the console reads it: the reports {@link ImportHistory} appended, newest
 * first, filtered by status and by a part of the file's name, and one report found again by its
 * file and start time. Filters are bound parameters.
 */
public final class PastImports {

    /** One row of the history: a file's report as it was appended. */
    public record Row(String file, String status, Instant startedAt, Instant finishedAt, long durationMillis,
                      long sizeBytes, String sha256, String mapping, String folder, String path, long read,
                      long written, long rejected, long duplicates, long verified, long deletionRequests,
                      Long deleted, String rejects, String error, String importedAgain, String table) {
    }

    /** A page of rows, with how many match in all. */
    public record Page(List<Row> rows, long total) {
    }

    private static final String COLUMNS = "file, status, started_at, finished_at, duration_ms, size_bytes, sha256, mapping, "
            + "folder, path, records_read, records_written, records_rejected, records_duplicate, rows_verified, "
            + "deletion_requests, rows_deleted, rejects, error, imported_again, books_table";

    private final DataSource dataSource;
    private final TableName table;

    public PastImports(DataSource dataSource, TableName table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * @param status   DONE, FAILED or ALREADY_IMPORTED; blank for all
     * @param fileName a part of the file's name, in any case; blank for all
     */
    public Page newestFirst(String status, String fileName, int offset, int limit) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            conditions.add("status = ?");
            values.add(status.strip());
        }
        if (fileName != null && !fileName.isBlank()) {
            conditions.add("file ILIKE ?");
            values.add("%" + BookSearch.likeLiteral(fileName.strip()) + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>();
            List<Object> pageValues = new ArrayList<>(values);
            pageValues.add(limit);
            pageValues.add(offset);
            try (PreparedStatement select = BoundStatements.prepare(connection, "SELECT " + COLUMNS + " FROM " + table.quoted() + where
                    + " ORDER BY started_at DESC LIMIT ? OFFSET ?", pageValues);
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            try (PreparedStatement count = BoundStatements.prepare(connection, "SELECT count(*) FROM " + table.quoted() + where, values);
                 ResultSet result = count.executeQuery()) {
                result.next();
                return new Page(rows, result.getLong(1));
            }
        }
    }

    /**
     * The report of the import of that file that started in that millisecond (CrateDB keeps
     * milliseconds, PostgreSQL microseconds).
     */
    public Optional<Row> find(String file, long startedAtMillis) throws SQLException {
        Instant from = Instant.ofEpochMilli(startedAtMillis);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = BoundStatements.prepare(connection, "SELECT " + COLUMNS + " FROM " + table.quoted()
                     + " WHERE file = ? AND started_at >= ? AND started_at < ? ORDER BY started_at LIMIT 1",
                     List.of(file, from.atOffset(ZoneOffset.UTC), from.plusMillis(1).atOffset(ZoneOffset.UTC)));
             ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(row(result)) : Optional.empty();
        }
    }


    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString(1), r.getString(2), instant(r, 3), instant(r, 4), r.getLong(5), r.getLong(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getLong(11), r.getLong(12),
                r.getLong(13), r.getLong(14), r.getLong(15), r.getLong(16), (Long) r.getObject(17, Long.class),
                r.getString(18), r.getString(19), r.getString(20), r.getString(21));
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        OffsetDateTime at = result.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

}
