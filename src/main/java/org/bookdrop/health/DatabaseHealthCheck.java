package org.bookdrop.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.bookdrop.load.JdbcUrls;
import org.bookdrop.report.FailureMessage;

/**
 * Whether the books' database answers: a connection of its own (not one of the writers', which a
 * busy import holds) runs {@code SELECT 1} within a few seconds. A readiness check: bookdrop cannot
 * import without its database, but restarting bookdrop would not bring it back.
 */
public final class DatabaseHealthCheck extends ReadinessCheck {

    private static final int TIMEOUT_SECONDS = 3;

    private final String jdbcUrl;
    private final String kind;

    /**
     * @param jdbcUrl the database's JDBC URL
     * @param kind    what it is, for people: {@code CrateDB} or {@code embedded PostgreSQL}
     */
    public DatabaseHealthCheck(String jdbcUrl, String kind) {
        super("database");
        this.jdbcUrl = jdbcUrl;
        this.kind = kind;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("database", kind).detail("url", JdbcUrls.redact(jdbcUrl));
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        timeouts.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        timeouts.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, timeouts);
             Statement statement = connection.createStatement();
             ResultSet one = statement.executeQuery("SELECT 1")) {
            one.next();
            builder.up();
        } catch (SQLException e) {
            builder.message("cannot reach the " + kind + " at " + JdbcUrls.redact(jdbcUrl) + ": " + FailureMessage.of(e));
            builder.down();
        }
    }
}
