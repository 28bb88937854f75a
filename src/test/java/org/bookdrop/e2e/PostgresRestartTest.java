package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bookdrop.tools.GenerateBooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stopped in the middle of a file and started again: the writers retry with backoff,
 * the file completes, and the table holds every row exactly once.
 */
class PostgresRestartTest {

    /** bookdrop's log during the tests (src/test/resources/logback-test.xml). */
    private static final Path TEST_LOG = Path.of(System.getProperty("bookdrop.test.log", "target/bookdrop-test.log"));

    @TempDir
    Path work;

    private EmbeddedPostgres postgres;

    @AfterEach
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_file_survives_a_database_restart_with_an_exact_row_count() throws Exception {
        Path data = Files.createDirectory(work.resolve("pgdata"));
        postgres = start(0, data);
        int port = postgres.getPort();
        BookRows rows = new BookRows(postgres.getJdbcUrl("postgres", "postgres"), "books_restart");
        long logBefore = Files.size(TEST_LOG);

        try (RunningBookdrop bookdrop = importHalfWay("books_restart", 60000, 120)) {
            postgres.close();
            postgres = null;
            Thread.sleep(3000);
            postgres = start(port, data);

            JsonNode report = bookdrop.awaitReport("done", "books_restart.ndjson", Duration.ofMinutes(3));
            assertThat(report.get("status").asText()).isEqualTo("DONE");
            assertThat(report.get("written").asLong()).isEqualTo(60000);
            ImportScenarios.assertReconciles(report);
            assertThat(rows.count()).isEqualTo(60000);
            assertThat(rows.query("SELECT count(DISTINCT id) FROM books_restart").get(0).get(0)).isEqualTo("60000");
        }
        // One line per event while the database was away: bookdrop's retries, HikariCP's warnings without their traces.
        String log = Files.readString(TEST_LOG).substring((int) logBefore);
        assertThat(log).contains("the database is unavailable").doesNotContain("\tat com.zaxxer.hikari");
    }

    @Test
    void a_file_fails_into_the_error_folder_when_the_database_stays_away_longer_than_the_retries() throws Exception {
        postgres = start(0, Files.createDirectory(work.resolve("pgdata")));

        try (RunningBookdrop bookdrop = importHalfWay("books_gone", 40000, 2)) {
            postgres.close();
            postgres = null;

            JsonNode report = bookdrop.awaitReport("error", "books_gone.ndjson", Duration.ofMinutes(2));
            assertThat(report.get("status").asText()).isEqualTo("FAILED");
            assertThat(report.get("error").asText()).startsWith("database error 08");
            assertThat(report.get("read").asLong()).isLessThan(40000);
            ImportScenarios.awaitFile(bookdrop.inbox().resolve("error/books_gone.ndjson"));
        }
    }

    /** Starts bookdrop on the test's PostgreSQL, drops a file of generated books, and waits until part of it is in. */
    private RunningBookdrop importHalfWay(String table, int books, int retryForSeconds) throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Path file = work.resolve(table + ".ndjson");
        GenerateBooks.main(new String[] {"--count", String.valueOf(books), "--out", file.toString(), "--seed", "3"});
        RunningBookdrop bookdrop = RunningBookdrop.start(url, table, Files.createDirectory(work.resolve("inbox")),
                Map.of("bookdrop.batch-size", "200", "bookdrop.retry-for-seconds", String.valueOf(retryForSeconds)));
        bookdrop.drop(file);
        BookRows rows = new BookRows(url, table);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count() > 2000);
        return bookdrop;
    }

    private static EmbeddedPostgres start(int port, Path data) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }
}
