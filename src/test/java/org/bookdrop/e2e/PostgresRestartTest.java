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
        String url = postgres.getJdbcUrl("postgres", "postgres");
        BookRows rows = new BookRows(url, "books_restart");
        Path file = work.resolve("restart.ndjson");
        GenerateBooks.main(new String[] {"--count", "60000", "--out", file.toString(), "--seed", "3"});

        try (RunningBookdrop bookdrop = RunningBookdrop.start(url, "books_restart",
                Files.createDirectory(work.resolve("inbox")),
                Map.of("bookdrop.batch-size", "200", "bookdrop.retry-for-seconds", "120"))) {
            bookdrop.drop(file);
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.count() > 2000);

            postgres.close();
            postgres = null;
            Thread.sleep(3000);
            postgres = start(port, data);

            JsonNode report = bookdrop.awaitReport("done", "restart.ndjson", Duration.ofMinutes(3));
            assertThat(report.get("status").asText()).isEqualTo("DONE");
            assertThat(report.get("written").asLong()).isEqualTo(60000);
            ImportScenarios.assertReconciles(report);
            assertThat(rows.count()).isEqualTo(60000);
            assertThat(rows.query("SELECT count(DISTINCT id) FROM books_restart").get(0).get(0)).isEqualTo("60000");
        }
    }

    @Test
    void a_file_fails_into_the_error_folder_when_the_database_stays_away_longer_than_the_retries() throws Exception {
        postgres = start(0, Files.createDirectory(work.resolve("pgdata")));
        String url = postgres.getJdbcUrl("postgres", "postgres");
        BookRows rows = new BookRows(url, "books_gone");
        Path file = work.resolve("gone.ndjson");
        GenerateBooks.main(new String[] {"--count", "40000", "--out", file.toString(), "--seed", "5"});

        try (RunningBookdrop bookdrop = RunningBookdrop.start(url, "books_gone",
                Files.createDirectory(work.resolve("inbox")),
                Map.of("bookdrop.batch-size", "200", "bookdrop.retry-for-seconds", "2"))) {
            bookdrop.drop(file);
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.count() > 2000);
            postgres.close();
            postgres = null;

            JsonNode report = bookdrop.awaitReport("error", "gone.ndjson", Duration.ofMinutes(2));
            assertThat(report.get("status").asText()).isEqualTo("FAILED");
            assertThat(report.get("error").asText()).startsWith("database error 08");
            assertThat(report.get("read").asLong()).isLessThan(40000);
            ImportScenarios.awaitFile(bookdrop.inbox().resolve("error/gone.ndjson"));
        }
    }

    private static EmbeddedPostgres start(int port, Path data) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }
}
