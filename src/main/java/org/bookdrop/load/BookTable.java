package org.bookdrop.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.report.FileImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The books table itself: created when missing, and refreshed once after each file so that its
 * books can be searched as soon as the file is reported done.
 */
public final class BookTable {

    private static final Logger LOG = LoggerFactory.getLogger(BookTable.class);
    /** Keys looked up per query when verifying. */
    private static final int VERIFY_CHUNK = 50_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;
    private final Retry retry;
    private final int connections;

    /** @param connections how many lookups run at once when verifying */
    public BookTable(DataSource dataSource, Dialect dialect, TableName table, Retry retry, int connections) {
        this.dataSource = dataSource;
        this.connections = connections;
        this.dialect = dialect;
        this.table = table;
        this.retry = retry;
    }

    public TableName name() {
        return table;
    }

    public void createIfMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : dialect.createTable(table)) {
                statement.execute(ddl);
            }
        }
        LOG.info("Books go into table {} on {}", table, dialect.name());
    }

    /**
     * Makes the rows of a file searchable at once, whether the file succeeded or failed part way:
     * rows already written stay written. A failed refresh does not fail the file, since its rows
     * are stored and CrateDB's own periodic refresh will show them; it is logged instead.
     */
    public void refreshAfter(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        Optional<String> refresh = dialect.refresh(table);
        if (fileImport.written() == 0 && fileImport.deleted() == 0) {
            return;
        }
        if (refresh.isEmpty()) {
            // PostgreSQL: each write was visible once it returned.
            fileImport.searchable(Instant.now());
            return;
        }
        // On its own statement, never inside a batch: CrateDB allows only writes in a batch.
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(refresh.get());
            fileImport.searchable(Instant.now());
            LOG.debug("{}: refreshed table {} in {} ms", fileImport.fileName(), table, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            LOG.warn("{}: could not refresh table {} ({}); its rows become searchable at CrateDB's next "
                    + "periodic refresh", fileImport.fileName(), table, e.getMessage());
        }
    }

    /**
     * After the refresh, counts the distinct ids the file wrote (a row written again by a later
     * record of its id is a duplicate, not a second row), and looks each up by primary key,
     * counting those found as verified; the lookups run on as many connections as there are
     * writers, idle by now. (CrateDB 6.4 answers a lookup of a parameter list of keys only from
     * refreshed data, so this waits for the refresh.) A failed lookup is logged and leaves the
     * verified count short.
     */
    public void verifyAfter(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) throws InterruptedException {
        String sql = "SELECT count(*) FROM " + table.quoted() + " WHERE id = ANY(?)";
        long started = System.nanoTime();
        AtomicReference<Exception> failed = new AtomicReference<>();
        ExecutorService lookups = Executors.newFixedThreadPool(connections);
        Semaphore queued = new Semaphore(connections * 2);
        try {
            WrittenIds.Counts counts = fileImport.writes().forEachWrittenChunk(VERIFY_CHUNK, ids -> {
                queued.acquireUninterruptibly();
                lookups.execute(() -> {
                    try {
                        if (failed.get() == null) {
                            fileImport.verified(retry.run(fileImport.fileName() + ": verifying " + ids.size() + " rows",
                                    () -> count(sql, ids)));
                        }
                    } catch (SQLException | InterruptedException | RuntimeException e) {
                        failed.compareAndSet(null, e);
                    } finally {
                        queued.release();
                    }
                });
            });
            fileImport.rewritten(counts.rows() - counts.distinct());
        } catch (RuntimeException e) {
            failed.compareAndSet(null, e);
        } finally {
            lookups.shutdown();
            lookups.awaitTermination(1, TimeUnit.DAYS);
            fileImport.writes().close();
        }
        if (failed.get() != null) {
            LOG.warn("{}: could not verify the rows written ({}); the report's verified count is short",
                    fileImport.fileName(), failed.get().getMessage());
        }
        LOG.debug("{}: counted and verified the rows written in {} ms", fileImport.fileName(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private long count(String sql, List<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(sql)) {
            count.setObject(1, TextArray.of(ids));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
