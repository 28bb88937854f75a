package org.bookdrop.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.bookdrop.load.Dialect;
import org.bookdrop.load.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which bookdrop instance is importing which file, in a table of the shared database: the
 * repository behind Camel's idempotent read lock, so that instances sharing one inbox never take
 * the same file. A claim is one row whose primary key is the file's name: inserting it is atomic
 * on CrateDB and PostgreSQL alike, so of two instances reaching for a file, one inserts and the
 * other is refused. The claim is deleted once the file has been moved to done or error
 * ({@link FileArchive}); a file that could not be moved keeps it, so that it is not taken again.
 *
 * <p>An instance killed in the middle of a file leaves its claim; when it starts again (under the
 * same instance name) it deletes the claims it left, and takes the file up again from the start.
 * Each such restart counts a crash against the file; a file that keeps stopping bookdrop is set
 * aside after a number of them.
 */
public final class FileClaims extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;
    private final TableName crashes;
    private final String instance;
    private final int maxCrashes;

    /**
     * @param instance   this instance's name, the owner of its claims; unique among instances sharing an inbox
     * @param maxCrashes how many times a file may be left unfinished by a crash before it is moved aside
     */
    public FileClaims(DataSource dataSource, Dialect dialect, TableName table, String instance, int maxCrashes) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.crashes = TableName.parse(table + "_crashes");
        this.instance = instance;
        this.maxCrashes = maxCrashes;
    }

    /** This instance's name, under which it claims files. */
    public String instance() {
        return instance;
    }

    /**
     * Creates the tables if missing, and releases the claims this instance left when it last
     * stopped short, counting one crash against each of those files.
     */
    public void createAndReleaseLeftovers() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted()
                    + " (file_key TEXT PRIMARY KEY, owner TEXT, claimed_at TIMESTAMP WITH TIME ZONE)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + crashes.quoted() + " (file_key TEXT PRIMARY KEY, crashes INTEGER)");
            // CrateDB finds rows by a column other than the key only once they are refreshed.
            Optional<String> refresh = dialect.refresh(table);
            if (refresh.isPresent()) {
                statement.execute(refresh.get());
            }
            List<String> leftovers = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT file_key FROM " + table.quoted() + " WHERE owner = ?")) {
                query.setString(1, instance);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        leftovers.add(result.getString(1));
                    }
                }
            }
            for (String key : leftovers) {
                int count = crashesOf(connection, key) + 1;
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + crashes.quoted()
                        + " (file_key, crashes) VALUES (?, ?) ON CONFLICT (file_key) DO UPDATE SET crashes = excluded.crashes")) {
                    upsert.setString(1, key);
                    upsert.setInt(2, count);
                    upsert.executeUpdate();
                }
                try (PreparedStatement release = connection.prepareStatement("DELETE FROM " + table.quoted() + " WHERE file_key = ?")) {
                    release.setString(1, key);
                    release.executeUpdate();
                }
                LOG.warn("Instance {} stopped short while importing {} (time {} of {} allowed): released its claim; "
                        + "the file is imported again from the start", instance, key, count, maxCrashes);
            }
        }
    }

    /**
     * Refuses a file that bookdrop stopped short on as many times as allowed (killed, or crashed
     * by the file itself), so that it goes to the error folder instead of stopping bookdrop again.
     */
    public void refuseAfterCrashes(@Header(Exchange.FILE_NAME) String fileName) {
        int count;
        try (Connection connection = dataSource.getConnection()) {
            count = crashesOf(connection, fileName);
        } catch (SQLException e) {
            // A safety net only: when the count cannot be read, the file is imported (its writes retry on their own).
            LOG.warn("Could not read the crash count of {} ({}); importing it", fileName, e.getMessage());
            return;
        }
        if (count >= maxCrashes) {
            throw new CrashingFileException(fileName + ": bookdrop stopped short " + count + " times while importing it "
                    + "(killed, or out of memory), as many as BOOKDROP_MAX_CRASHES allows; it is set aside so that it "
                    + "does not stop bookdrop again. The rows it wrote stay written; look into it, then drop it again");
        }
    }

    /** Forgets a file's crashes once it is done with, imported or failed. */
    public void forgetCrashes(@Header(Exchange.FILE_NAME) String fileName) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement forget = connection.prepareStatement("DELETE FROM " + crashes.quoted() + " WHERE file_key = ?")) {
            forget.setString(1, fileName);
            forget.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not clear the crash count of {} ({})", fileName, e.getMessage());
        }
    }

    private int crashesOf(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT crashes FROM " + crashes.quoted() + " WHERE file_key = ?")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
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
