package org.bookdrop.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database bookdrop loads into: the CrateDB cluster a JDBC URL names, or, when none is
 * configured, a PostgreSQL server that bookdrop starts for itself so that it works out of the box.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final EmbeddedPostgres embedded;
    private HikariDataSource readers;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.of(connection);
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("cannot reach the database at " + JdbcUrls.redact(dataSource.getJdbcUrl())
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://localhost:5432/doc?user=crate}; blank to start
     *                 an embedded PostgreSQL instead
     * @param poolSize connections kept open, one per parallel writer
     */
    public static Database open(String jdbcUrl, int poolSize) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return startEmbedded(poolSize);
        }
        LOG.info("Connecting to {}", JdbcUrls.redact(jdbcUrl));
        return new Database(pool(jdbcUrl, poolSize), null);
    }

    private static Database startEmbedded(int poolSize) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        LOG.info("No CRATEDB_URL is set, so bookdrop started its own PostgreSQL at {} (its data is deleted when "
                + "bookdrop stops). To load into CrateDB, set CRATEDB_URL, e.g. "
                + "CRATEDB_URL=jdbc:postgresql://localhost:5432/doc?user=crate", url);
        return new Database(pool(url, poolSize), postgres);
    }

    private static HikariDataSource pool(String jdbcUrl, int poolSize) {
        HikariConfig config = config(jdbcUrl, poolSize, "bookdrop");
        return new HikariDataSource(config);
    }

    private static HikariConfig config(String jdbcUrl, int poolSize, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        // CrateDB has no transactions: every statement stands on its own (shared/CRATEDB.md).
        config.setAutoCommit(true);
        // Fail fast when no connection can be had: the writers retry with backoff instead.
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(3_000);
        return config;
    }

    /**
     * A pool of its own on the same database, for readers that must never wait for a writer's
     * connection (the console); closed with this database.
     */
    public synchronized DataSource readerPool(int size) {
        if (readers == null) {
            HikariConfig config = config(dataSource.getJdbcUrl(), size, "bookdrop-readers");
            // Connections only when a page asks: none held while nobody looks, none tried at start.
            config.setMinimumIdle(0);
            config.setInitializationFailTimeout(-1);
            readers = new HikariDataSource(config);
        }
        return readers;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The URL connected to; it may hold a password, so never log it unredacted. */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What it is, for people: {@code CrateDB}, {@code PostgreSQL}, or {@code embedded PostgreSQL}. */
    public String kind() {
        return embedded != null ? "embedded PostgreSQL" : dialect.name();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (readers != null) {
                readers.close();
            }
        }
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
