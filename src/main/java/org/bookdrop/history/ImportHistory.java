package org.bookdrop.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.load.Dialect;
import org.bookdrop.load.FileWrites;
import org.bookdrop.load.Retry;
import org.bookdrop.load.TableName;
import org.bookdrop.load.TextArray;
import org.bookdrop.report.FileImport;
import org.bookdrop.report.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code import_history} table: one row per file imported, with its report's counts, in the
 * same database as the books, so the history survives restarts and can be queried with SQL.
 * The same definition serves CrateDB and PostgreSQL; a table made by an earlier bookdrop gets the
 * columns it lacks when bookdrop starts.
 *
 * <p>It also remembers which contents were imported in full into which table, so that a file is
 * not imported twice: by its SHA-256, its table, and a sample of the ids it wrote, which are
 * looked up again before a file is skipped. A table emptied, or dropped and made again, since then
 * no longer holds them, and the file is imported again.
 */
public final class ImportHistory {

    private static final Logger LOG = LoggerFactory.getLogger(ImportHistory.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;
    private final TableName books;
    private final Retry retry;
    private final boolean importOnce;

    /**
     * @param books      the books table, whose rows a file skipped as imported must still be in
     * @param importOnce whether a file whose content was imported in full before is skipped
     */
    public ImportHistory(DataSource dataSource, Dialect dialect, TableName table, TableName books, Retry retry,
                         boolean importOnce) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.books = books;
        this.retry = retry;
        this.importOnce = importOnce;
    }

    public TableName name() {
        return table;
    }

    /** The columns, in order; those after the first fifteen came with later versions of bookdrop (added at start). */
    private Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("file", "TEXT");
        columns.put("sha256", "TEXT");
        columns.put("size_bytes", "BIGINT");
        columns.put("status", "TEXT");
        columns.put("folder", "TEXT");
        columns.put("started_at", "TIMESTAMP WITH TIME ZONE");
        columns.put("finished_at", "TIMESTAMP WITH TIME ZONE");
        columns.put("duration_ms", "BIGINT");
        columns.put("records_read", "BIGINT");
        columns.put("records_written", "BIGINT");
        columns.put("records_rejected", "BIGINT");
        columns.put("records_duplicate", "BIGINT");
        columns.put("rows_verified", "BIGINT");
        columns.put("rejects", "TEXT");
        columns.put("error", "TEXT");
        columns.put("path", "TEXT");
        columns.put("books_table", "TEXT");
        columns.put("imported_again", "TEXT");
        columns.put("sample_ids", dialect.textArray());
        columns.put("mapping", "TEXT");
        columns.put("deletion_requests", "BIGINT");
        columns.put("rows_deleted", "BIGINT");
        return columns;
    }

    /** Creates the table when it is missing, and adds the columns that a table made by an earlier bookdrop lacks. */
    public void createIfMissing() throws SQLException {
        Map<String, String> columns = columns();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> definitions = new ArrayList<>();
            columns.forEach((name, type) -> definitions.add(name + " " + type));
            statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " (" + String.join(", ", definitions) + ")");
            Set<String> present = presentColumns(connection);
            for (Map.Entry<String, String> column : columns.entrySet()) {
                if (!present.contains(column.getKey())) {
                    statement.execute("ALTER TABLE " + table.quoted() + " ADD COLUMN " + column.getKey() + " " + column.getValue());
                    LOG.info("Added the column {} to {}", column.getKey(), table);
                }
            }
        }
    }

    private Set<String> presentColumns(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = coalesce(?, current_schema()) AND table_name = ?")) {
            query.setString(1, table.schema());
            query.setString(2, table.table());
            Set<String> names = new HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            return names;
        }
    }

    /**
     * Whether the file's content (by SHA-256) was imported in full into the books table before,
     * with its rows still there; if so, the import records when, and is not done again. An import
     * that failed, or was cut short by a crash, left no DONE row, so its file is imported again;
     * so is one whose sampled rows are gone from the table, and the import says why.
     */
    public boolean alreadyImported(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport)
            throws SQLException, InterruptedException {
        if (!importOnce || fileImport.sha256() == null) {
            return false;
        }
        Optional<PastImport> past = retry.run(fileImport.fileName() + ": looking it up in " + table,
                () -> lastImport(fileImport.sha256()));
        if (past.isEmpty()) {
            return false;
        }
        PastImport last = past.get();
        if (last.sampleIds() == null) {
            fileImport.importedAgain("a file of the same content (SHA-256) was imported into " + books + " at "
                    + last.finishedAt() + ", by a bookdrop that kept no sample of its ids to check that its rows are still there");
            return false;
        }
        long found = retry.run(fileImport.fileName() + ": looking up rows of its last import",
                () -> countInBooks(last.sampleIds()));
        if (found < last.sampleIds().size()) {
            fileImport.importedAgain("a file of the same content (SHA-256) was imported into " + books + " at "
                    + last.finishedAt() + ", but only " + found + " of " + last.sampleIds().size()
                    + " of its rows looked up are there now (the table was emptied, or dropped and made again)");
            return false;
        }
        fileImport.alreadyImported(last.finishedAt());
        return true;
    }

    /**
     * Whether a file of this one's size was imported in full into the books table before (or one
     * whose size the history lacks): then it may hold the same content, and it is hashed before it
     * is read, to tell ({@link #alreadyImported}). Any other file is hashed as the import reads it,
     * so that it is read once; and every file, when files are not skipped as imported before.
     */
    public boolean mayHaveImported(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport)
            throws SQLException, InterruptedException {
        if (!importOnce) {
            return false;
        }
        long size = fileImport.sizeBytes();
        return size < 0 || retry.run(fileImport.fileName() + ": looking up imports of its size in " + table,
                () -> anyImportOfSize(size));
    }

    private boolean anyImportOfSize(long size) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table.quoted()
                     + " WHERE (size_bytes = ? OR size_bytes IS NULL) AND status = ? AND books_table = ?")) {
            query.setLong(1, size);
            query.setString(2, ImportReport.Status.DONE.name());
            query.setString(3, books.toString());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    private record PastImport(Instant finishedAt, List<String> sampleIds) {
    }

    private Optional<PastImport> lastImport(String sha256) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT finished_at, array_to_string(sample_ids, ?), "
                     + "coalesce(array_length(sample_ids, 1), 0), sample_ids IS NULL FROM " + table.quoted()
                     + " WHERE sha256 = ? AND status = ? AND books_table = ? ORDER BY finished_at DESC LIMIT 1")) {
            query.setString(1, FileWrites.SAMPLE_SEPARATOR);
            query.setString(2, sha256);
            query.setString(3, ImportReport.Status.DONE.name());
            query.setString(4, books.toString());
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                Instant at = result.getObject(1, OffsetDateTime.class).toInstant();
                return Optional.of(new PastImport(at, sampleIds(result.getString(2), result.getInt(3), result.getBoolean(4))));
            }
        }
    }

    /**
     * The sampled ids, read back joined by the separator no sampled id holds; null when the import
     * kept no sample, or kept one (by an earlier bookdrop) with an id that holds the separator.
     */
    private static List<String> sampleIds(String joined, int count, boolean none) {
        if (none) {
            return null;
        }
        List<String> ids = count == 0 ? List.of() : List.of(joined.split(FileWrites.SAMPLE_SEPARATOR, -1));
        return ids.size() == count ? ids : null;
    }

    private long countInBooks(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + books.quoted()
                     + " WHERE id = ANY(?)")) {
            count.setObject(1, TextArray.of(ids));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            // The table itself is gone (42P01): none of the rows are there.
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * The values of a report's row, by the names the report route's INSERT binds them with
     * ({@code :?file}, ...): one per column of {@link #columns()}, nulls where the report has none.
     */
    public Map<String, Object> row(ImportReport report) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", report.file());
        row.put("sha256", report.sha256());
        row.put("size_bytes", report.sizeBytes());
        row.put("status", report.status().name());
        row.put("folder", report.folder());
        row.put("started_at", utc(report.startedAt()));
        row.put("finished_at", utc(report.finishedAt()));
        row.put("duration_ms", report.durationMillis());
        row.put("records_read", report.read());
        row.put("records_written", report.written());
        row.put("records_rejected", report.rejected());
        row.put("records_duplicate", report.duplicates());
        row.put("rows_verified", report.verified());
        row.put("rejects", report.rejects());
        row.put("error", report.error());
        row.put("path", report.path());
        row.put("books_table", report.table());
        row.put("imported_again", report.importedAgainBecause());
        row.put("sample_ids", (report.sampleIds() == null ? List.<String>of() : report.sampleIds()).toArray(String[]::new));
        row.put("mapping", report.mapping());
        row.put("deletion_requests", report.deletionRequests());
        row.put("rows_deleted", report.deleted());
        return row;
    }

    /**
     * After a report's row was added: on CrateDB the table is refreshed so that the row can be
     * queried at once (PostgreSQL shows it once committed). A refresh that fails is a warning: the
     * row is there, and shows at CrateDB's next periodic refresh.
     */
    public void refreshAfter(ImportReport report) {
        Optional<String> refresh = dialect.refresh(table);
        if (refresh.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(refresh.get());
        } catch (SQLException e) {
            LOG.warn("{}: could not refresh {} ({}); its row shows at CrateDB's next periodic refresh", report.file(),
                    table, e.getMessage());
        }
        LOG.debug("{}: report added to {}", report.file(), table);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
