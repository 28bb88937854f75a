package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.tools.GenerateBooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bookdrop stopped in the middle of a large file, by {@code kill -9} or by SIGTERM, then started
 * again: the file is imported completely, and the table holds exactly the file's books. Each
 * bookdrop is a process of its own, on the embedded PostgreSQL.
 */
class InterruptedImportTest {

    private static final int BOOKS = 300_000;

    @TempDir
    Path work;

    private String table;
    private BookRows rows;
    private Path inbox;
    private Path books;
    private String maxCrashes = "3";

    @BeforeEach
    void prepare() throws Exception {
        table = "books_interrupted_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        rows = new BookRows(Databases.postgresUrl(), table);
        inbox = Files.createDirectory(work.resolve("inbox"));
        books = work.resolve("books.ndjson");
        GenerateBooks.main(new String[] {"--count", String.valueOf(BOOKS), "--out", books.toString(), "--seed", "11"});
    }

    @AfterEach
    void dropTables() throws Exception {
        rows.drop();
    }

    @Test
    void killed_with_kill_9_mid_file_then_started_again_the_table_matches_the_file_exactly() throws Exception {
        try (BookdropProcess first = start("first.log")) {
            dropAndAwaitSomeRows(first);
            first.kill();
        }
        assertThat(inbox.resolve("books.ndjson")).as("the file stays in the inbox").exists();
        assertThat(inbox.resolve("done/books.ndjson.report.json")).doesNotExist();

        try (BookdropProcess again = start("again.log")) {
            JsonNode report = awaitReport(again);
            assertThat(report.get("status").asText()).isEqualTo("DONE");
            assertThat(report.get("written").asLong()).isEqualTo(BOOKS);
            assertThat(report.get("verified").asLong()).isEqualTo(BOOKS);
            assertThat(again.log()).contains("stopped short while importing books.ndjson (time 1 of 3 allowed)");
        }
        assertTableMatchesFile();
    }

    @Test
    void on_sigterm_it_stops_within_the_shutdown_time_and_a_restart_completes_the_file() throws Exception {
        long stopped;
        int exitCode;
        try (BookdropProcess first = start("first.log")) {
            dropAndAwaitSomeRows(first);
            long signalled = System.nanoTime();
            exitCode = first.terminate();
            stopped = (System.nanoTime() - signalled) / 1_000_000;
        }
        assertThat(stopped).as("exited within BOOKDROP_SHUTDOWN_SECONDS=5 and a margin, ms").isLessThan(12_000);
        assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);

        try (BookdropProcess again = start("again.log")) {
            if (Files.exists(inbox.resolve("books.ndjson"))) {
                JsonNode report = awaitReport(again);
                assertThat(report.get("status").asText()).isEqualTo("DONE");
                assertThat(report.get("written").asLong()).isEqualTo(BOOKS);
            } else {
                // It finished the file within the shutdown time.
                assertThat(inbox.resolve("done/books.ndjson")).exists();
            }
        }
        assertTableMatchesFile();
    }

    @Test
    void a_file_that_keeps_stopping_bookdrop_is_set_aside_after_the_allowed_crashes() throws Exception {
        maxCrashes = "2";
        try (BookdropProcess first = start("first.log")) {
            dropAndAwaitSomeRows(first);
            first.kill();
        }
        long before = rows.count();
        try (BookdropProcess second = start("second.log")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !second.isAlive() || rows.count() > before + 10_000);
            assertThat(second.log()).contains("stopped short while importing books.ndjson (time 1 of 2 allowed)");
            second.kill();
        }
        assertThat(inbox.resolve("books.ndjson")).exists();

        try (BookdropProcess third = start("third.log")) {
            Path report = inbox.resolve("error/books.ndjson.report.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(report) && Files.size(report) > 0 || !third.isAlive());
            assertThat(ImportScenarios.JSON.readTree(report.toFile()).get("status").asText()).isEqualTo("FAILED");
            Path note = inbox.resolve("error/books.ndjson.error.txt");
            // The report route writes the note right after the report.
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(note) && Files.size(note) > 0);
            assertThat(Files.readString(note))
                    .contains("bookdrop stopped short 2 times while importing it");
            assertThat(inbox.resolve("error/books.ndjson")).as("set aside").exists();
        }
        assertThat(rows.query("SELECT count(*) FROM " + RunningBookdrop.claimsTable(table) + "_crashes"))
                .as("dropping it again starts afresh").containsExactly(List.of("0"));
    }

    private BookdropProcess start(String log) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("CRATEDB_URL", Databases.postgresUrl(),
                "BOOKDROP_INBOX", inbox.toString(), "BOOKDROP_TABLE", table,
                "BOOKDROP_HISTORY_TABLE", RunningBookdrop.historyTable(table),
                "BOOKDROP_CLAIMS_TABLE", RunningBookdrop.claimsTable(table),
                "BOOKDROP_INSTANCE", "crash-test", "BOOKDROP_POLL_DELAY", "100", "BOOKDROP_READ_LOCK_INTERVAL", "200",
                "BOOKDROP_SHUTDOWN_SECONDS", "5"));
        environment.put("BOOKDROP_BATCH_SIZE", "2000");
        environment.put("BOOKDROP_MAX_CRASHES", maxCrashes);
        return BookdropProcess.start(environment, List.of("-Xmx256m"), work.resolve(log));
    }

    private void dropAndAwaitSomeRows(BookdropProcess bookdrop) throws Exception {
        Path staged = Files.createLink(work.resolve("books.ndjson.part"), books);
        Files.move(staged, inbox.resolve("books.ndjson"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !bookdrop.isAlive() || tableHasRows());
        assertThat(bookdrop.isAlive()).as("bookdrop runs; its log: %s", bookdrop.log()).isTrue();
        long written = rows.count();
        assertThat(written).as("stopped in the middle of the file").isPositive().isLessThan(BOOKS);
    }

    private boolean tableHasRows() {
        try {
            return rows.count() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private JsonNode awaitReport(BookdropProcess bookdrop) throws Exception {
        Path report = inbox.resolve("done/books.ndjson.report.json");
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(report) && Files.size(report) > 0 || !bookdrop.isAlive());
        assertThat(bookdrop.isAlive()).as("bookdrop runs; its log: %s", bookdrop.log()).isTrue();
        return ImportScenarios.JSON.readTree(report.toFile());
    }

    /** Every book of the file is a row with the file's values, and there is no other row. */
    private void assertTableMatchesFile() throws Exception {
        Map<String, String> expected = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(books, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode book = ImportScenarios.JSON.readTree(line);
                expected.put(book.get("id").asText(), book.get("title").asText() + "|" + book.get("author").asText());
            }
        }
        Map<String, String> actual = new HashMap<>();
        for (List<String> row : rows.query("SELECT id, title, author FROM " + table)) {
            assertThat(actual.put(row.get(0), row.get(1) + "|" + row.get(2))).as("no id twice").isNull();
        }
        assertThat(actual).hasSize(BOOKS).isEqualTo(expected);
    }
}
