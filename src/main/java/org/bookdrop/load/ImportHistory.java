package org.bookdrop.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.report.FileImport;
import org.bookdrop.report.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code import_history} table: one row per file imported, with its report's counts, in the
 * same database as the books, so the history survives restarts and can be queried with SQL.
 * The same definition serves CrateDB and PostgreSQL.
 */
public final class ImportHistory {

    private static final Logger LOG = LoggerFactory.getLogger(ImportHistory.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;
    private final Retry retry;
    private final boolean importOnce;

    /** @param importOnce whether a file whose content was imported in full before is skipped */
    public ImportHistory(DataSource dataSource, Dialect dialect, TableName table, Retry retry, boolean importOnce) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.retry = retry;
        this.importOnce = importOnce;
    }

    public void createIfMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
                    + "file TEXT, sha256 TEXT, size_bytes BIGINT, status TEXT, folder TEXT, "
                    + "started_at TIMESTAMP WITH TIME ZONE, finished_at TIMESTAMP WITH TIME ZONE, duration_ms BIGINT, "
                    + "records_read BIGINT, records_written BIGINT, records_rejected BIGINT, records_duplicate BIGINT, "
                    + "rows_verified BIGINT, rejects TEXT, error TEXT)");
        }
    }

    /**
     * Whether the file's content (by SHA-256) was imported in full before; if so, the import
     * records when, and is not done again. An import that failed, or was cut short by a crash,
     * left no DONE row, so its file is imported again.
     */
    public boolean alreadyImported(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport)
            throws SQLException, InterruptedException {
        if (!importOnce || fileImport.sha256() == null) {
            return false;
        }
        Optional<Instant> at = retry.run(fileImport.fileName() + ": looking it up in " + table,
                () -> lastImport(fileImport.sha256()));
        at.ifPresent(fileImport::alreadyImported);
        return at.isPresent();
    }

    private Optional<Instant> lastImport(String sha256) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT max(finished_at) FROM " + table.quoted()
                     + " WHERE sha256 = ? AND status = ?")) {
            query.setString(1, sha256);
            query.setString(2, ImportReport.Status.DONE.name());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                OffsetDateTime at = result.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        }
    }

    /**
     * Appends a file's report, and refreshes the table so that the row can be queried at once.
     * Only the insert is retried: a refresh that fails must not add the row a second time.
     */
    public void append(ImportReport report) throws SQLException, InterruptedException {
        retry.run(report.file() + ": adding its report to " + table, () -> {
            insert(report);
            return null;
        });
        Optional<String> refresh = dialect.refresh(table);
        if (refresh.isPresent()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(refresh.get());
            } catch (SQLException e) {
                LOG.warn("{}: could not refresh {} ({}); its row shows at CrateDB's next periodic refresh", report.file(),
                        table, e.getMessage());
            }
        }
        LOG.debug("{}: report added to {}", report.file(), table);
    }

    private void insert(ImportReport report) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.quoted()
                     + " (file, sha256, size_bytes, status, folder, started_at, finished_at, duration_ms, records_read, "
                     + "records_written, records_rejected, records_duplicate, rows_verified, rejects, error) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, report.file());
            insert.setString(2, report.sha256());
            insert.setLong(3, report.sizeBytes());
            insert.setString(4, report.status().name());
            insert.setString(5, report.folder());
            insert.setObject(6, utc(report.startedAt()));
            insert.setObject(7, utc(report.finishedAt()));
            insert.setLong(8, report.durationMillis());
            insert.setLong(9, report.read());
            insert.setLong(10, report.written());
            insert.setLong(11, report.rejected());
            insert.setLong(12, report.duplicates());
            insert.setLong(13, report.verified());
            insert.setString(14, report.rejects());
            insert.setString(15, report.error());
            insert.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
