package org.bookdrop.load;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a database action again, with exponential backoff, while it fails in a way the database may
 * get over (see {@link SqlErrors#isTransient}), for up to a configured time: a database restart or
 * a lost node must not fail an import. Every action retried is an upsert or a read, so running it
 * twice is safe.
 */
public final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private final Duration retryFor;
    private final Duration firstDelay;
    private final Duration maxDelay;

    public Retry(Duration retryFor, Duration firstDelay, Duration maxDelay) {
        this.retryFor = retryFor;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    public interface Action<T> {
        T run() throws SQLException;
    }

    public <T> T run(String what, Action<T> action) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long delay = firstDelay.toMillis();
        int attempt = 1;
        while (true) {
            try {
                T result = action.run();
                if (attempt > 1) {
                    LOG.info("{}: succeeded at attempt {}", what, attempt);
                }
                return result;
            } catch (SQLException e) {
                if (!SqlErrors.isTransient(e) || System.nanoTime() + delay * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warn("{}: the database is unavailable ({} {}); attempt {} failed, trying again in {} ms "
                        + "(for up to {} s in all)", what, e.getSQLState(), e.getMessage(), attempt, delay,
                        retryFor.toSeconds());
                Thread.sleep(delay);
                delay = Math.min(delay * 2, maxDelay.toMillis());
                attempt++;
            }
        }
    }
}
