package org.bookdrop.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which bookdrop instance is importing which file, in a table of the shared database: the
 * repository behind Camel's idempotent read lock, so that instances sharing one inbox never take
 * the same file. A claim is one row whose primary key is the file's name: inserting it is atomic
 * on CrateDB and PostgreSQL alike, so of two instances reaching for a file, one inserts and the
 * other is refused. The claim is deleted when the file is done with (moved to done or error).
 *
 * <p>An instance killed in the middle of a file leaves its claim; when it starts again (under the
 * same instance name) it deletes the claims it left, and takes the file up again from the start.
 */
public final class FileClaims extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;
    private final String instance;

    /** @param instance this instance's name, the owner of its claims; unique among instances sharing an inbox */
    public FileClaims(DataSource dataSource, Dialect dialect, TableName table, String instance) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.instance = instance;
    }

    /** Creates the table if missing, and releases the claims this instance left when it last stopped short. */
    public void createAndReleaseLeftovers() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted()
                    + " (file_key TEXT PRIMARY KEY, owner TEXT, claimed_at TIMESTAMP WITH TIME ZONE)");
            // CrateDB finds rows by a column other than the key only once they are refreshed.
            Optional<String> refresh = dialect.refresh(table);
            if (refresh.isPresent()) {
                statement.execute(refresh.get());
            }
            try (PreparedStatement release = connection.prepareStatement("DELETE FROM " + table.quoted() + " WHERE owner = ?")) {
                release.setString(1, instance);
                int released = release.executeUpdate();
                if (released > 0) {
                    LOG.warn("Instance {} stopped short last time: released its claim on {} file(s), which are imported again",
                            instance, released);
                }
            }
        }
    }

    @Override
    public boolean add(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("INSERT INTO " + table.quoted()
                     + " (file_key, owner, claimed_at) VALUES (?, ?, ?)")) {
            claim.setString(1, key);
            claim.setString(2, instance);
            claim.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            claim.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                LOG.debug("{} is claimed by another instance", key);
                return false;
            }
            // The database is away: take nothing now; the file is tried again at the next poll.
            LOG.warn("Could not claim {} in {} ({}); trying again later", key, table, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT owner FROM " + table.quoted() + " WHERE file_key = ?")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public boolean remove(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement("DELETE FROM " + table.quoted() + " WHERE file_key = ?")) {
            release.setString(1, key);
            return release.executeUpdate() > 0;
        } catch (SQLException e) {
            LOG.warn("Could not release the claim on {} ({}); instance {} releases it when it starts again", key,
                    e.getMessage(), instance);
            return false;
        }
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // Claims belong to running imports; they are released one by one.
    }
}
