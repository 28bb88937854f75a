package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookdrop.e2e.BookRows.Row;
import org.bookdrop.read.MarcRecords;
import org.bookdrop.report.FileHash;
import org.bookdrop.tools.GenerateBooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end scenarios: bookdrop running with a temporary inbox, files dropped into it, and
 * the rows, folders and reports checked. Each database runs them through a subclass.
 */
abstract class ImportScenarios {

    static final Path SAMPLE_BOOKS = Path.of("sample-data", "books.json");
    static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    /** Files in the shapes of the sources bookdrop ships mappings for, made for the tests. */
    static final Path SOURCES = Path.of("src", "test", "resources", "sources");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    String table;
    BookRows rows;
    RunningBookdrop bookdrop;

    /** The JDBC URL of the database under test. */
    abstract String jdbcUrl();

    /** How the database under test spells an array of text, for tables the tests make themselves. */
    abstract String textArray();

    /** Makes the test's own writes to a table visible to the queries after them (CrateDB: a refresh). */
    abstract void afterWrite(String table) throws Exception;

    @BeforeEach
    void startBookdrop() throws Exception {
        table = "books_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        rows = new BookRows(jdbcUrl(), table);
        bookdrop = RunningBookdrop.start(jdbcUrl(), table, Files.createDirectory(work.resolve("inbox")), Map.of());
    }

    @AfterEach
    void stopBookdrop() throws Exception {
        if (bookdrop != null) {
            bookdrop.close();
        }
        if (rows != null) {
            rows.drop();
        }
    }

    @Test
    void imports_the_sample_books_with_their_exact_values() throws Exception {
        bookdrop.drop(SAMPLE_BOOKS);

        JsonNode report = bookdrop.awaitReport("done", "books.json");
        assertThat(report.get("status").asText()).isEqualTo("DONE");
        assertThat(report.get("read").asLong()).isEqualTo(3);
        assertThat(report.get("written").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(report.get("duplicates").asLong()).isZero();
        assertThat(report.get("durationMillis").asLong()).isNotNegative();
        assertThat(Instant.parse(report.get("searchableAt").asText())).as("searchable after the start, before the report")
                .isBetween(Instant.parse(report.get("startedAt").asText()), Instant.parse(report.get("finishedAt").asText()));
        awaitFile(bookdrop.inbox().resolve("done/books.json"));
        assertThat(bookdrop.inbox().resolve("books.json")).doesNotExist();

        assertThat(rows.all()).containsExactly(
                new Row("big-red-book", "Monty Python's Big Red Book", "Monty Python",
                        LocalDateTime.of(1971, 9, 30, 0, 0), List.of("comedy")),
                new Row("hitchhikers-guide", "The Hitchhiker's Guide to the Galaxy", "Douglas Adams",
                        LocalDateTime.of(1979, 10, 12, 0, 0), List.of("novel", "documentation", "comedy")),
                new Row("restaurant-end-of-universe", "The Restaurant at the End of the Universe", "Douglas Adams",
                        LocalDateTime.of(1980, 1, 1, 0, 0), List.of("novel", "documentation", "comedy")));
    }

    @Test
    void a_file_written_straight_into_the_inbox_is_read_only_once_its_writer_has_finished() throws Exception {
        // A read-lock interval of a second, so that a slow test machine's pause never passes for the writer's end.
        Path inbox = bookdrop.inbox();
        bookdrop.close();
        bookdrop = RunningBookdrop.start(jdbcUrl(), table, inbox, Map.of("bookdrop.read-lock-interval", "1000"));
        Path growing = inbox.resolve("growing.ndjson");
        try (Writer out = Files.newBufferedWriter(growing, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 12; i++) {
                out.write("{\"id\": \"growing-" + i + "\", \"title\": \"Growing " + i + "\", \"author\": \"A Writer\"}\n");
                out.flush();
                // Longer than a look at the inbox (100 ms), shorter than the read-lock interval.
                Thread.sleep(250);
            }
        }

        JsonNode report = bookdrop.awaitReport("done", "growing.ndjson");
        assertThat(report.get("read").asLong()).isEqualTo(12);
        assertThat(report.get("written").asLong()).isEqualTo(12);
        assertThat(rows.all()).hasSize(12);
    }

    @Test
    void loads_the_valid_records_and_rejects_the_others_with_their_reasons() throws Exception {
        Path mixed = write("mixed.json", """
                [
                  {"title": "Good Omens", "author": "Terry Pratchett", "publication_date": "1990-05-01T12:00:00+02:00"},
                  {"title": "No Author"},
                  {"author": "Nobody", "title": "   "},
                  {"title": "Wrong Type", "author": {"name": "X"}},
                  {"id": 42, "title": "Mort", "author": "Terry Pratchett", "categories": ["fantasy"]},
                  "not a book"
                ]
                """);
        bookdrop.drop(mixed);

        JsonNode report = bookdrop.awaitReport("done", "mixed.json");
        assertThat(report.get("read").asLong()).isEqualTo(6);
        assertThat(report.get("written").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(4);

        List<Row> loaded = rows.all();
        assertThat(loaded).extracting(Row::title).containsExactlyInAnyOrder("Good Omens", "Mort");
        assertThat(loaded).filteredOn(row -> row.title().equals("Mort")).singleElement()
                .satisfies(row -> {
                    assertThat(row.id()).isEqualTo("42");
                    assertThat(row.publicationDate()).isNull();
                    assertThat(row.categories()).containsExactly("fantasy");
                });
        assertThat(loaded).filteredOn(row -> row.title().equals("Good Omens")).singleElement()
                .satisfies(row -> {
                    // No id in the input: one is derived from the content, 32 hex digits.
                    assertThat(row.id()).matches("[0-9a-f]{32}");
                    // Stored in UTC: 12:00 at +02:00 is 10:00.
                    assertThat(row.publicationDate()).isEqualTo(LocalDateTime.of(1990, 5, 1, 10, 0));
                    assertThat(row.categories()).isEmpty();
                });
    }

    @Test
    void importing_the_same_file_twice_keeps_one_row_per_book() throws Exception {
        restartWith(Map.of("bookdrop.import-once", "false"));
        Path noIds = write("no-ids.json", """
                [{"title": "Small Gods", "author": "Terry Pratchett"}, {"title": "Eric", "author": "Terry Pratchett"}]
                """);
        bookdrop.drop(noIds);
        bookdrop.awaitReport("done", "no-ids.json");

        bookdrop.drop(noIds);
        JsonNode second = bookdrop.awaitReports("done", "no-ids.json", 2).get(1);

        assertThat(second.get("written").asLong()).isEqualTo(2);
        assertThat(rows.all()).extracting(Row::title).containsExactlyInAnyOrder("Small Gods", "Eric");
    }

    @Test
    void a_file_imported_before_is_not_imported_again_while_its_rows_are_there_also_after_a_restart() throws Exception {
        bookdrop.drop(SAMPLE_BOOKS);
        JsonNode first = bookdrop.awaitReport("done", "books.json");
        assertThat(first.get("status").asText()).isEqualTo("DONE");

        awaitImportsInHistory(1);
        bookdrop.drop(SAMPLE_BOOKS);
        JsonNode second = bookdrop.awaitReports("done", "books.json", 2).get(1);
        assertThat(second.get("status").asText()).isEqualTo("ALREADY_IMPORTED");
        // As the database keeps it: to the microsecond on PostgreSQL, the millisecond on CrateDB.
        assertThat(Instant.parse(second.get("alreadyImportedAt").asText()))
                .isCloseTo(Instant.parse(first.get("finishedAt").asText()), within(1, ChronoUnit.MILLIS));
        assertThat(second.get("read").asLong()).isZero();

        restartWith(Map.of());
        bookdrop.drop(SAMPLE_BOOKS);
        assertThat(bookdrop.awaitReports("done", "books.json", 3).get(2).get("status").asText()).isEqualTo("ALREADY_IMPORTED");
        assertThat(rows.count()).isEqualTo(3);
    }

    @Test
    void ids_and_categories_with_quotes_backslashes_and_braces_are_stored_and_found_again_as_they_are() throws Exception {
        // Quotes, backslashes, commas and braces are what an array's text form must escape; the
        // unit separator is what bookdrop reads a sample of ids back with.
        Path file = write("quoted.ndjson", """
                {"id": "say \\"hi\\"", "title": "T1", "author": "A", "categories": ["a \\"quote\\"", "back\\\\slash"]}
                {"id": "c:\\\\books\\\\1", "title": "T2", "author": "A", "categories": ["{braces}, commas", "NULL"]}
                {"id": "x,{y}", "title": "T3", "author": "A", "categories": []}
                {"id": "unit\\u001fseparator", "title": "T4", "author": "A"}
                """);
        bookdrop.drop(file);
        assertThat(bookdrop.awaitReport("done", "quoted.ndjson").get("written").asLong()).isEqualTo(4);
        assertThat(rows.all()).extracting(BookRows.Row::id, BookRows.Row::categories).containsExactlyInAnyOrder(
                tuple("say \"hi\"", List.of("a \"quote\"", "back\\slash")),
                tuple("c:\\books\\1", List.of("{braces}, commas", "NULL")),
                tuple("x,{y}", List.of()),
                tuple("unit\u001fseparator", List.of()));

        // Its sampled ids are read back exactly, so the same file is known again by its rows.
        awaitImportsInHistory(1);
        bookdrop.drop(file);
        JsonNode second = bookdrop.awaitReports("done", "quoted.ndjson", 2).get(1);
        assertThat(second.get("status").asText()).isEqualTo("ALREADY_IMPORTED");
    }

    @Test
    void a_file_imported_before_is_imported_again_when_its_rows_are_gone_from_the_table() throws Exception {
        bookdrop.drop(SAMPLE_BOOKS);
        assertThat(bookdrop.awaitReport("done", "books.json").get("status").asText()).isEqualTo("DONE");
        awaitImportsInHistory(1);

        // Emptied: the file's rows are gone, so "already imported" would leave the table empty.
        rows.execute("DELETE FROM " + table);
        afterWrite(table);
        bookdrop.drop(SAMPLE_BOOKS);
        JsonNode again = bookdrop.awaitReports("done", "books.json", 2).get(1);
        assertThat(again.get("status").asText()).isEqualTo("DONE");
        assertThat(again.get("written").asLong()).isEqualTo(3);
        assertThat(again.get("importedAgainBecause").asText()).contains("only 0 of 3 of its rows looked up are there now");
        assertThat(rows.count()).isEqualTo(3);

        // Dropped and made again (by the restart).
        rows.dropBooks();
        restartWith(Map.of());
        bookdrop.drop(SAMPLE_BOOKS);
        JsonNode afterRebuild = bookdrop.awaitReports("done", "books.json", 3).get(2);
        assertThat(afterRebuild.get("status").asText()).isEqualTo("DONE");
        assertThat(afterRebuild.get("importedAgainBecause").asText()).contains("only 0 of 3");
        assertThat(rows.count()).isEqualTo(3);
    }

    @Test
    void an_import_history_made_by_an_earlier_bookdrop_gets_its_new_columns_and_its_imports_are_checked_again() throws Exception {
        bookdrop.close();
        String history = RunningBookdrop.historyTable(table);
        rows.execute("DROP TABLE IF EXISTS " + history);
        // The table as bookdrop 0.1 made it, with a DONE row of the sample books.
        rows.execute("CREATE TABLE " + history + " (file TEXT, sha256 TEXT, size_bytes BIGINT, status TEXT, folder TEXT, "
                + "started_at TIMESTAMP WITH TIME ZONE, finished_at TIMESTAMP WITH TIME ZONE, duration_ms BIGINT, "
                + "records_read BIGINT, records_written BIGINT, records_rejected BIGINT, records_duplicate BIGINT, "
                + "rows_verified BIGINT, rejects TEXT, error TEXT)");
        rows.execute("INSERT INTO " + history + " (file, sha256, status, finished_at) VALUES ('books.json', '"
                + FileHash.sha256(SAMPLE_BOOKS) + "', 'DONE', '2026-11-01T10:00:00Z')");
        afterWrite(history);

        bookdrop = RunningBookdrop.start(jdbcUrl(), table, bookdrop.inbox(), Map.of());
        bookdrop.drop(SAMPLE_BOOKS);

        JsonNode report = bookdrop.awaitReport("done", "books.json");
        assertThat(report.get("status").asText()).isEqualTo("DONE");
        assertThat(rows.count()).isEqualTo(3);
        awaitImportsInHistory(2);
        assertThat(rows.query("SELECT books_table, path FROM " + history + " WHERE books_table IS NOT NULL"))
                .containsExactly(List.of(table, bookdrop.inbox().resolve("done/books.json").toString()));
    }

    @Test
    void a_file_imported_into_another_table_is_imported_into_this_one() throws Exception {
        bookdrop.drop(SAMPLE_BOOKS);
        bookdrop.awaitReport("done", "books.json");
        String otherTable = table + "_other";
        BookRows otherRows = new BookRows(jdbcUrl(), otherTable);
        try {
            bookdrop.close();
            // The same history, another books table.
            bookdrop = RunningBookdrop.start(jdbcUrl(), otherTable, bookdrop.inbox(),
                    Map.of("bookdrop.history-table", RunningBookdrop.historyTable(table),
                            "bookdrop.claims-table", RunningBookdrop.claimsTable(table)));
            bookdrop.drop(SAMPLE_BOOKS);
            JsonNode report = bookdrop.awaitReports("done", "books.json", 2).get(1);
            assertThat(report.get("status").asText()).isEqualTo("DONE");
            assertThat(report.get("table").asText()).isEqualTo(otherTable);
            assertThat(otherRows.count()).isEqualTo(3);
        } finally {
            otherRows.dropBooks();
        }
    }

    @Test
    void a_file_of_a_name_already_in_done_is_kept_beside_the_earlier_one_with_its_own_report_and_rejects() throws Exception {
        bookdrop.drop(write("same.ndjson", """
                {"id": "1", "title": "First Version", "author": "A"}
                {"id": "2", "title": "No Author In The First"}
                """));
        JsonNode first = bookdrop.awaitReport("done", "same.ndjson");
        bookdrop.drop(write("same.ndjson", """
                {"id": "1", "title": "Second Version", "author": "B"}
                {"id": "3", "title": "No Author In The Second"}
                """));

        JsonNode second = bookdrop.awaitReports("done", "same.ndjson", 2).get(1);
        assertThat(first.get("path").asText()).isEqualTo(bookdrop.inbox().resolve("done/same.ndjson").toString());
        Path secondPath = Path.of(second.get("path").asText());
        assertThat(secondPath.getFileName().toString()).matches("same-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.ndjson");
        assertThat(secondPath.getParent()).isEqualTo(bookdrop.inbox().resolve("done"));
        assertThat(Files.readString(bookdrop.inbox().resolve("done/same.ndjson"))).contains("First Version");
        assertThat(Files.readString(secondPath)).contains("Second Version");
        assertThat(secondPath.resolveSibling(secondPath.getFileName() + ".report.json")).exists();

        assertThat(second.get("rejects").asText()).isNotEqualTo(first.get("rejects").asText());
        assertThat(Files.readString(Path.of(first.get("rejects").asText()))).contains("No Author In The First");
        assertThat(Files.readString(Path.of(second.get("rejects").asText()))).contains("No Author In The Second");
    }

    @Test
    void a_file_that_cannot_be_moved_stays_claimed_in_the_inbox_and_is_not_imported_again_and_again() throws Exception {
        // A done "folder" that became a file after the start: no one, not even root, can move a file into it.
        Path done = work.resolve("done");
        restartWith(Map.of("bookdrop.done-folder", done.toString()));
        Files.delete(done);
        Files.writeString(done, "not a folder");
        bookdrop.drop(SAMPLE_BOOKS);

        // The file stays in the inbox, so its report goes to the error folder.
        JsonNode report = bookdrop.awaitReport("error", "books.json");
        assertThat(report.get("error").asText()).contains("(a file, not a folder, is in the way)");
        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("moved").asBoolean()).isFalse();
        assertThat(report.get("path").asText()).isEqualTo(bookdrop.inbox().resolve("books.json").toString());
        assertThat(report.get("error").asText()).startsWith("could not move it to " + done)
                .contains("it stays in the inbox, claimed by instance");
        assertThat(report.get("written").asLong()).as("its rows landed").isEqualTo(3);
        assertThat(bookdrop.inbox().resolve("error/books.json.error.txt")).exists();

        // Polled about 30 times meanwhile: still one import, and the file still claimed where it was.
        Thread.sleep(3000);
        assertThat(bookdrop.inbox().resolve("books.json")).exists();
        String history = RunningBookdrop.historyTable(table);
        assertThat(rows.query("SELECT status, count(*) FROM " + history + " GROUP BY status"))
                .containsExactly(List.of("FAILED", "1"));
        assertThat(rows.query("SELECT file_key FROM " + RunningBookdrop.claimsTable(table))).containsExactly(List.of("books.json"));
        ObjectName ingest = new ObjectName("org.bookdrop:type=Ingest");
        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(ingest, "FilesFailed")).isEqualTo(1L);
        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(ingest, "FilesDone")).isEqualTo(0L);
    }

    @Test
    void a_broken_file_that_cannot_be_moved_to_error_says_both_and_stays_in_the_inbox() throws Exception {
        Path error = work.resolve("error");
        restartWith(Map.of("bookdrop.error-folder", error.toString()));
        Files.delete(error);
        Files.writeString(error, "not a folder");
        bookdrop.drop(CORPUS.resolve("truncated.json"));

        // Neither the file nor its report can go to the error folder: the history keeps the report.
        String history = RunningBookdrop.historyTable(table);
        await().atMost(Duration.ofSeconds(30)).until(() -> !rows.query("SELECT error FROM " + history).isEmpty());
        Thread.sleep(2000);
        List<List<String>> imports = rows.query("SELECT status, error, path FROM " + history);
        assertThat(imports).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("FAILED");
            assertThat(row.get(1)).startsWith("not valid JSON at line 3").contains("; could not move it to " + error);
            assertThat(row.get(2)).isEqualTo(bookdrop.inbox().resolve("truncated.json").toString());
        });
        assertThat(bookdrop.inbox().resolve("truncated.json")).exists();
    }

    @Test
    void a_symbolic_link_dropped_into_the_inbox_is_not_followed_but_set_aside_unread() throws Exception {
        Path secret = write("secret.ndjson", """
                {"id": "s", "title": "Secret Title", "author": "X"}
                {"title": "Secret Rejected Line"}
                """);
        Files.createSymbolicLink(bookdrop.inbox().resolve("linked.ndjson"), secret);

        JsonNode report = bookdrop.awaitReport("error", "linked.ndjson");
        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("error").asText()).contains("'linked.ndjson' is a symbolic link")
                .contains("BOOKDROP_FOLLOW_LINKS=true");
        assertThat(report.get("read").asLong()).isZero();
        assertThat(report.get("rejects").isNull()).isTrue();
        assertThat(report.get("sha256").isNull()).as("not even read to be hashed").isTrue();
        assertThat(Files.isSymbolicLink(bookdrop.inbox().resolve("error/linked.ndjson"))).as("the link itself set aside").isTrue();
        assertThat(rows.count()).isZero();
        try (Stream<Path> errors = Files.list(bookdrop.inbox().resolve("error"))) {
            assertThat(errors.filter(file -> file.getFileName().toString().contains("rejects"))).isEmpty();
        }
    }

    @Test
    void with_follow_links_a_symbolic_link_dropped_into_the_inbox_is_read() throws Exception {
        restartWith(Map.of("bookdrop.follow-links", "true"));
        Path target = write("target.ndjson", """
                {"id": "t", "title": "Linked Title", "author": "X"}
                """);
        Files.createSymbolicLink(bookdrop.inbox().resolve("linked.ndjson"), target);

        JsonNode report = bookdrop.awaitReport("done", "linked.ndjson");
        assertThat(report.get("written").asLong()).isEqualTo(1);
        assertThat(rows.all()).extracting(Row::title).containsExactly("Linked Title");
    }

    @Test
    void rejects_and_reports_are_never_more_open_than_the_file_they_describe() throws Exception {
        Path file = write("private.ndjson", """
                {"id": "p", "title": "Private Title", "author": "X"}
                {"title": "Private Rejected Line"}
                """);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(file, ownerOnly);
        // Moved in whole, so that it keeps its permissions.
        Files.move(file, bookdrop.inbox().resolve("private.ndjson"));

        JsonNode report = bookdrop.awaitReport("done", "private.ndjson");
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(Path.of(report.get("rejects").asText()))).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(bookdrop.inbox().resolve("done/private.ndjson.report.json"))).isEqualTo(ownerOnly);

        Path open = write("open.ndjson", "{\"title\": \"Open Rejected Line\"}\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r-----"));
        Files.move(open, bookdrop.inbox().resolve("open.ndjson"));
        JsonNode openReport = bookdrop.awaitReport("done", "open.ndjson");
        assertThat(Files.getPosixFilePermissions(Path.of(openReport.get("rejects").asText())))
                .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void a_goodreads_export_dropped_into_inbox_goodreads_loads_through_the_shipped_mapping() throws Exception {
        bookdrop.dropInto("goodreads", SOURCES.resolve("goodreads_library_export.csv"), "goodreads_library_export.csv");

        JsonNode report = bookdrop.awaitReport("done/goodreads", "goodreads_library_export.csv");
        assertThat(report.get("file").asText()).isEqualTo("goodreads/goodreads_library_export.csv");
        assertThat(report.get("mapping").asText()).isEqualTo("goodreads");
        assertThat(report.get("read").asLong()).isEqualTo(5);
        assertThat(report.get("written").asLong()).isEqualTo(4);
        assertThat(rows.all()).containsExactly(
                new Row("9780143039952", "The Odyssey", "Homer", LocalDateTime.of(1996, 1, 1, 0, 0), List.of("classics", "epic", "read")),
                new Row("9780439023481", "The Hunger Games (The Hunger Games, #1)", "Suzanne Collins",
                        LocalDateTime.of(2008, 1, 1, 0, 0), List.of("dystopia", "favorites", "read")),
                new Row("9780679783268", "Pride and Prejudice", "Jane Austen", LocalDateTime.of(1813, 1, 1, 0, 0),
                        List.of("classics", "to-read")),
                new Row("goodreads-7624", "Lord of the Flies", "William Golding", LocalDateTime.of(1954, 1, 1, 0, 0),
                        List.of("currently-reading")));
        // The rejected row, in the export's own shape, can be fixed and dropped into inbox/goodreads/ again.
        Path rejects = Path.of(report.get("rejects").asText());
        assertThat(rejects).isEqualTo(bookdrop.inbox().resolve("error/goodreads/goodreads_library_export.csv.rejects.csv"));
        assertThat(RejectsFiles.read(report.get("rejects"))).containsExactly(
                "line 6: ISBN13 -> id: '9780316769484' has a wrong check digit: an ISBN-13 starting 978031676948 ends in 8");
        String fixed = Files.readString(rejects).replace("9780316769484", "9780316769488");
        bookdrop.dropInto("goodreads", write("fixed.csv", fixed), "fixed.csv");
        assertThat(bookdrop.awaitReport("done/goodreads", "fixed.csv").get("written").asLong()).isEqualTo(1);
        assertThat(rows.all()).extracting(Row::id).contains("9780316769488");
    }

    @Test
    void a_librarything_export_in_utf_16_dropped_into_inbox_librarything_loads_through_the_shipped_mapping() throws Exception {
        bookdrop.dropInto("librarything", SOURCES.resolve("LibraryThing_export.tsv"), "LibraryThing_export.tsv");

        JsonNode report = bookdrop.awaitReport("done/librarything", "LibraryThing_export.tsv");
        assertThat(report.get("mapping").asText()).isEqualTo("librarything");
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(rows.all()).containsExactly(
                new Row("9781598530124", "On the Road", "Jack Kerouac", LocalDateTime.of(2007, 1, 1, 0, 0), List.of("beat", "travel")),
                new Row("9783596294329", "Der Process", "Franz Kafka", LocalDateTime.of(1925, 1, 1, 0, 0), List.of()),
                new Row("librarything-102", "Les Mis\u00e9rables", "Victor Hugo", LocalDateTime.of(1862, 1, 1, 0, 0),
                        List.of("fran\u00e7ais", "classique")));
    }

    @Test
    void an_open_library_editions_dump_gzipped_into_inbox_openlibrary_loads_through_the_shipped_mapping() throws Exception {
        Path gzipped = work.resolve("ol_dump_editions_sample.txt.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(SOURCES.resolve("ol_dump_editions_sample.txt"), out);
        }
        bookdrop.dropInto("openlibrary", gzipped, "ol_dump_editions_sample.txt.gz");

        JsonNode report = bookdrop.awaitReport("done/openlibrary", "ol_dump_editions_sample.txt.gz");
        assertThat(report.get("mapping").asText()).isEqualTo("openlibrary-editions");
        assertThat(report.get("read").asLong()).isEqualTo(5);
        assertThat(rows.all()).containsExactly(
                new Row("OL24385514M", "The Hunger Games", "Suzanne Collins", LocalDateTime.of(2008, 9, 14, 0, 0),
                        List.of("Survival", "Reality television programs", "Dystopias")),
                new Row("OL2M", "Catalogued Oddly", "Anne Author", LocalDateTime.of(2008, 1, 1, 0, 0), List.of()),
                new Row("OL3M", "No Date At All", "Some One", null, List.of()),
                new Row("OL7353617M", "Fantastic Mr. Fox: illustrated edition", "Roald Dahl", LocalDateTime.of(1988, 10, 1, 0, 0),
                        List.of("Animals", "Foxes")));
        assertThat(RejectsFiles.read(report.get("rejects")))
                .containsExactly("line 3: /by_statement -> author: must not be blank");
        Path rejects = Path.of(report.get("rejects").asText());
        assertThat(rejects.getFileName().toString()).isEqualTo("ol_dump_editions_sample.txt.rejects.txt");
        assertThat(Files.readString(rejects)).as("in the dump's own shape").startsWith("/type/edition\t/books/OL1M\t3\t");
    }

    @Test
    void a_library_marc_export_loads_and_its_broken_record_comes_back_listed_and_as_the_bytes_it_was() throws Exception {
        byte[] good = MarcRecords.marc8(MarcRecords.record().control("001", "12883376").control("003", "DLC")
                .field("020", "  ", 'a', "2070360024 (pbk.)")
                .field("100", "1 ", 'a', "Camus, Albert,", 'd', "1913-1960.")
                .field("245", "12", 'a', "L'étranger :", 'b', "roman /", 'c', "Albert Camus.")
                .field("264", " 1", 'a', "Paris :", 'b', "Gallimard,", 'c', "[1942?]")
                .field("650", " 0", 'a', "Existentialism", 'v', "Fiction."));
        byte[] broken = MarcRecords.ascii("0004xnam a2200037 i 4500" + "245001300000\u001e10\u001faBroken\u001e\u001d");
        byte[] noAuthor = MarcRecords.utf8(MarcRecords.record().control("001", "77").field("245", "10", 'a', "Anonymous tales."));
        byte[] last = MarcRecords.utf8(MarcRecords.record().control("001", "78")
                .field("245", "14", 'a', "The two towers /").field("700", "1 ", 'a', "Tolkien, J. R. R.,"));
        Path file = work.resolve("catalogue.mrc");
        Files.write(file, MarcRecords.concat(good, broken, noAuthor, last));
        bookdrop.drop(file);

        JsonNode report = bookdrop.awaitReport("done", "catalogue.mrc");
        assertThat(report.get("mapping").asText()).isEqualTo("marc21");
        assertThat(report.get("read").asLong()).isEqualTo(4);
        assertThat(report.get("written").asLong()).isEqualTo(2);
        assertReconciles(report);
        assertThat(rows.all()).containsExactly(
                new Row("78", "The two towers", "Tolkien, J. R. R.", null, List.of()),
                new Row("DLC-12883376", "L'\u00e9tranger : roman", "Camus, Albert", LocalDateTime.of(1942, 1, 1, 0, 0),
                        List.of("Existentialism -- Fiction")));
        Path rejects = Path.of(report.get("rejects").asText());
        assertThat(rejects).isEqualTo(bookdrop.inbox().resolve("error/catalogue.mrc.rejects.txt"));
        assertThat(RejectsFiles.read(report.get("rejects"))).containsExactly(
                String.format(java.util.Locale.ROOT, "record 2 (byte %,d): record: bad leader: the record length (leader "
                        + "positions 0-4) is '0004x', not a number", good.length),
                String.format(java.util.Locale.ROOT, "record 3 (byte %,d) [77]: 100$a, 110$a, 111$a or 700$a -> author: must "
                        + "not be blank", good.length + broken.length));
        Path records = bookdrop.inbox().resolve("error/catalogue.rejects.mrc");
        assertThat(Files.readString(rejects)).contains(records.toString());
        assertThat(Files.readAllBytes(records)).as("the rejected records byte for byte, for a MARC editor")
                .isEqualTo(MarcRecords.concat(broken, noAuthor));
    }

    @Test
    void a_publishers_onix_feed_loads_and_its_deletion_request_is_counted_but_deletes_nothing_by_default() throws Exception {
        bookdrop.drop(write("earlier.ndjson", "{\"id\": \"9782070368228\", \"title\": \"La Chute\", \"author\": \"Albert Camus\"}\n"));
        bookdrop.awaitReport("done", "earlier.ndjson");
        bookdrop.drop(SOURCES.resolve("onix/publisher_feed_3.0.xml"));

        JsonNode report = bookdrop.awaitReport("done", "publisher_feed_3.0.xml");
        assertThat(report.get("mapping").asText()).isEqualTo("onix");
        assertThat(report.get("read").asLong()).isEqualTo(6);
        assertThat(report.get("written").asLong()).isEqualTo(3);
        assertThat(report.get("deletionRequests").asLong()).isEqualTo(1);
        assertThat(report.get("deleted").isNull()).as("not applied").isTrue();
        assertReconciles(report);
        assertThat(rows.all()).extracting(Row::id, Row::title, Row::author).containsExactly(
                tuple("9780141439518", "Good Omens: The Nice and Accurate Prophecies of Agnes Nutter, Witch",
                        "Terry Pratchett, Neil Gaiman"),
                tuple("9782070360024", "L'\u00c9tranger: roman", "Albert Camus"),
                tuple("9782070368228", "La Chute", "Albert Camus"),
                tuple("fr.exemplaires.0003", "Catalogue des nouveaut\u00e9s", "\u00c9ditions Exemplaires"));
        assertThat(RejectsFiles.read(report.get("rejects"))).containsExactly(
                "Product 5 (line 176) [fr.exemplaires.0005]: /DescriptiveDetail/Contributor[ContributorRole=A01] -> author: "
                        + "must not be blank",
                "Product 6 (line 195) [fr.exemplaires.0006]: /PublishingDetail/PublishingDate[PublishingDateRole=01]/Date -> "
                        + "publication_date: '1944-13-01' matches none of yyyyMMdd, yyyyMM, yyyy, yyyy-MM-dd");
    }

    @Test
    void with_apply_deletions_a_deletion_request_deletes_its_row_and_the_last_record_of_an_id_still_wins() throws Exception {
        restartWith(Map.of("bookdrop.apply-deletions", "true", "bookdrop.batch-size", "2"));
        bookdrop.drop(write("earlier.ndjson", """
                {"id": "9780140449136", "title": "Crime and Punishment", "author": "Fyodor Dostoevsky"}
                {"id": "9782070368228", "title": "La Chute", "author": "Albert Camus"}
                """));
        bookdrop.awaitReport("done", "earlier.ndjson");
        String product = """
                  <Product><RecordReference>%s</RecordReference><NotificationType>%s</NotificationType>
                    <ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>%s</IDValue></ProductIdentifier>
                    <DescriptiveDetail><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel>
                      <TitleText>%s</TitleText></TitleElement></TitleDetail>
                      <Contributor><ContributorRole>A01</ContributorRole><PersonName>Someone</PersonName></Contributor>
                    </DescriptiveDetail>
                  </Product>
                """;
        // Batches of two: a deletion after its book in the same batch, a book after its deletion in the
        // next, a deletion of a row of an earlier file, and of an id no file had.
        bookdrop.drop(write("feed.onix", "<ONIXMessage release=\"3.0\">\n"
                + product.formatted("a", "03", "9780306406157", "Added Then Deleted")
                + product.formatted("a", "05", "9780306406157", "")
                + product.formatted("b", "05", "9781861972712", "")
                + product.formatted("b", "03", "9781861972712", "Deleted Then Added")
                + product.formatted("c", "05", "9780140449136", "")
                + product.formatted("d", "05", "9780262033848", "")
                + "</ONIXMessage>\n"));

        JsonNode report = bookdrop.awaitReport("done", "feed.onix");
        assertThat(report.get("deletionRequests").asLong()).isEqualTo(4);
        assertThat(report.get("deleted").asLong()).as("only rows that were there").isEqualTo(1);
        assertThat(report.get("written").asLong()).isEqualTo(1);
        assertThat(report.get("duplicates").asLong()).as("the book its deletion superseded").isEqualTo(1);
        assertReconciles(report);
        assertThat(rows.all()).extracting(Row::id, Row::title).containsExactly(
                tuple("9781861972712", "Deleted Then Added"),
                tuple("9782070368228", "La Chute"));
    }

    @Test
    void files_of_one_name_in_two_mapped_folders_are_two_files() throws Exception {
        bookdrop.dropInto("goodreads", SOURCES.resolve("goodreads_library_export.csv"), "export.csv");
        bookdrop.dropInto("librarything", SOURCES.resolve("LibraryThing_export.tsv"), "export.csv");

        assertThat(bookdrop.awaitReport("done/goodreads", "export.csv").get("written").asLong()).isEqualTo(4);
        assertThat(bookdrop.awaitReport("done/librarything", "export.csv").get("written").asLong()).isEqualTo(3);
        assertThat(rows.count()).isEqualTo(7);
        String history = RunningBookdrop.historyTable(table);
        awaitImportsInHistory(2);
        assertThat(rows.query("SELECT file, mapping FROM " + history + " ORDER BY file")).containsExactly(
                List.of("goodreads/export.csv", "goodreads"), List.of("librarything/export.csv", "librarything"));
    }

    @Test
    void a_subfolder_no_mapping_takes_is_left_alone() throws Exception {
        bookdrop.dropInto("elsewhere", SAMPLE_BOOKS, "books.json");
        bookdrop.drop(SAMPLE_BOOKS);

        bookdrop.awaitReport("done", "books.json");
        assertThat(bookdrop.inbox().resolve("elsewhere/books.json")).as("not looked into").exists();
    }

    @Test
    void a_mapping_of_the_users_own_reads_the_files_of_its_folder() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("shop.yaml"), """
                # A bookshop's stock list: semicolons, dates as day/month/year, genres in one column.
                folder: shop
                csv:
                  delimiter: ";"
                fields:
                  id:
                    template: "shop-{SKU}"
                  title: Name
                  author:
                    from: Writer
                    invert_name: true
                  publication_date:
                    from: Published
                    patterns: [dd/MM/yyyy, yyyy]
                  categories:
                    from: Genres
                    split: "/"
                """);
        restartWith(Map.of("bookdrop.mappings", mappings.toString()));
        bookdrop.dropInto("shop", write("stock.csv", "SKU;Name;Writer;Published;Genres\n"
                + "17;Emma;Austen, Jane;23/12/1815;novel / romance\n18;Persuasion;Austen, Jane;1817;novel\n"
                + "19;Sanditon;Austen, Jane;sometime;novel\n"), "stock.csv");

        JsonNode report = bookdrop.awaitReport("done/shop", "stock.csv");
        assertThat(report.get("mapping").asText()).isEqualTo("shop");
        assertThat(rows.all()).containsExactly(
                new Row("shop-17", "Emma", "Jane Austen", LocalDateTime.of(1815, 12, 23, 0, 0), List.of("novel", "romance")),
                new Row("shop-18", "Persuasion", "Jane Austen", LocalDateTime.of(1817, 1, 1, 0, 0), List.of("novel")));
        assertThat(RejectsFiles.read(report.get("rejects")))
                .containsExactly("line 4: Published -> publication_date: 'sometime' matches none of dd/MM/yyyy, yyyy");
    }

    @Test
    void keeps_a_broken_file_in_the_error_folder_and_loads_the_records_before_the_break() throws Exception {
        Path truncated = write("truncated.json", """
                [
                  {"id": "a", "title": "Before The Break", "author": "Someone"},
                  {"id": "b", "title": "Cut Off", "auth""");
        bookdrop.drop(truncated);

        JsonNode report = bookdrop.awaitReport("error", "truncated.json");
        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("error").asText()).contains("not valid JSON at line 3");
        assertThat(report.get("written").asLong()).isEqualTo(1);
        awaitFile(bookdrop.inbox().resolve("error/truncated.json"));
        assertThat(rows.all()).extracting(Row::id).containsExactly("a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void imports_each_corpus_file_as_its_expected_outcome_says(String name) throws Exception {
        JsonNode expected = JSON.readTree(CORPUS.resolve(name + ".expected.json").toFile());
        String folder = expected.get("folder").asText();

        bookdrop.drop(CORPUS.resolve(name));

        JsonNode report = bookdrop.awaitReport(folder, name);
        awaitFile(bookdrop.inbox().resolve(folder).resolve(name));
        assertThat(report.get("status").asText()).isEqualTo(folder.equals("done") ? "DONE" : "FAILED");
        for (String count : List.of("read", "written", "rejected")) {
            if (expected.has(count)) {
                assertThat(report.get(count).asLong()).as(count).isEqualTo(expected.get(count).asLong());
            }
        }
        if (expected.has("titles")) {
            List<String> titles = new ArrayList<>();
            expected.get("titles").forEach(title -> titles.add(title.asText()));
            assertThat(rows.all()).extracting(Row::title).containsExactlyInAnyOrderElementsOf(titles);
        }
        List<String> rejects = new ArrayList<>();
        if (expected.has("rejects")) {
            expected.get("rejects").forEach(reject -> rejects.add(reject.asText()));
        }
        assertThat(RejectsFiles.read(report.get("rejects"))).containsExactlyElementsOf(rejects);
        if (folder.equals("error")) {
            assertThat(report.get("error").asText()).startsWith(expected.get("error").asText());
            Path note = bookdrop.inbox().resolve("error").resolve(name + ".error.txt");
            awaitFile(note);
            assertThat(Files.readString(note)).contains(expected.get("error").asText());
        } else {
            assertThat(report.get("error").isNull()).isTrue();
            assertReconciles(report);
        }
    }

    /** read = written + rejected + duplicates + deletion requests, and every row written was found again. */
    static void assertReconciles(JsonNode report) {
        assertThat(report.get("read").asLong()).as("read = written + rejected + duplicates + deletionRequests").isEqualTo(
                report.get("written").asLong() + report.get("rejected").asLong() + report.get("duplicates").asLong()
                        + report.get("deletionRequests").asLong());
        assertThat(report.get("verified").asLong()).as("verified").isEqualTo(report.get("written").asLong());
        assertThat(report.get("searchableAt").isNull()).as("no searchableAt when nothing was written or deleted")
                .isEqualTo(report.get("written").asLong() == 0 && report.get("deleted").asLong(0) == 0);
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".expected.json"))
                    .map(file -> file.substring(0, file.length() - ".expected.json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void loads_a_book_with_ten_thousand_categories() throws Exception {
        StringBuilder categories = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            categories.append(i == 0 ? "" : ",").append("\"category ").append(i).append('"');
        }
        bookdrop.drop(write("many-categories.ndjson",
                "{\"id\": \"many\", \"title\": \"T\", \"author\": \"A\", \"categories\": [" + categories + "]}\n"));

        assertThat(bookdrop.awaitReport("done", "many-categories.ndjson").get("written").asLong()).isEqualTo(1);
        assertThat(rows.all()).singleElement().satisfies(row -> {
            assertThat(row.categories()).hasSize(10_000);
            assertThat(row.categories().get(9_999)).isEqualTo("category 9999");
        });
    }

    @Test
    void streams_a_50_MB_json_array_written_on_one_line() throws Exception {
        Path file = work.resolve("one-line.json");
        int books = 0;
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write('[');
            String categories = String.join(",", java.util.Collections.nCopies(20, "\"" + "c".repeat(100) + "\""));
            while (Files.size(file) < 50L * 1024 * 1024 && books < 1_000_000) {
                for (int i = 0; i < 1000; i++, books++) {
                    out.write((books == 0 ? "" : ",") + "{\"id\":\"b" + books + "\",\"title\":\"Book " + books
                            + "\",\"author\":\"A\",\"categories\":[" + categories + "]}");
                }
                out.flush();
            }
            out.write(']');
        }
        assertThat(Files.size(file)).isGreaterThan(50L * 1024 * 1024);

        bookdrop.drop(file);

        JsonNode report = bookdrop.awaitReport("done", "one-line.json", Duration.ofMinutes(3));
        assertThat(report.get("written").asLong()).isEqualTo(books);
        assertThat(rows.count()).isEqualTo(books);
    }

    @Test
    void rejects_a_50_MB_ndjson_line_without_holding_it_and_loads_the_lines_around_it() throws Exception {
        Path file = work.resolve("huge-line.ndjson");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"title\": \"Before\", \"author\": \"A\"}\n");
            out.write("{\"title\": \"Huge\", \"author\": \"A\", \"blurb\": \"");
            String chunk = "x".repeat(1024 * 1024);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"title\": \"After\", \"author\": \"A\"}\n");
        }

        bookdrop.drop(file);

        JsonNode report = bookdrop.awaitReport("done", "huge-line.ndjson");
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(rows.all()).extracting(Row::title).containsExactlyInAnyOrder("Before", "After");
        assertThat(RejectsFiles.read(report.get("rejects"))).singleElement().asString()
                .startsWith("line 2: record: the line is longer than 16777216 bytes");
    }

    @Test
    void fails_a_file_with_more_rejects_than_the_ratio_allows_and_keeps_the_rows_it_wrote() throws Exception {
        restartWith(Map.of("bookdrop.max-reject-ratio", "0.5"));
        bookdrop.drop(write("mostly-bad.ndjson", """
                {"title": "Only Good One", "author": "A"}
                {"title": "no author"}
                {"author": "no title"}
                """));

        JsonNode report = bookdrop.awaitReport("error", "mostly-bad.ndjson");
        assertThat(report.get("error").asText()).isEqualTo("2 of 3 records were rejected (66.7%), more than "
                + "BOOKDROP_MAX_REJECT_RATIO allows (50.0%); the 1 valid records were written and stay in the table");
        assertThat(rows.all()).extracting(Row::title).containsExactly("Only Good One");
        awaitFile(bookdrop.inbox().resolve("error/mostly-bad.ndjson"));
    }

    @Test
    void rejects_unknown_fields_in_strict_mode() throws Exception {
        restartWith(Map.of("bookdrop.strict", "true"));
        bookdrop.drop(write("extra.ndjson", """
                {"title": "Plain", "author": "A"}
                {"title": "With ISBN", "author": "A", "isbn": "123"}
                """));

        JsonNode report = bookdrop.awaitReport("done", "extra.ndjson");
        assertThat(RejectsFiles.read(report.get("rejects")))
                .containsExactly("line 2: isbn: is not a field of a book (strict mode)");
    }

    @Test
    void a_fixed_rejects_file_can_be_dropped_again_as_it_is() throws Exception {
        bookdrop.drop(write("to-fix.ndjson", "{\"title\": \"Fixed Later\"}\n"));
        JsonNode report = bookdrop.awaitReport("done", "to-fix.ndjson");
        Path rejects = Path.of(report.get("rejects").asText());
        String fixed = Files.readString(rejects).replace("{\"title\":\"Fixed Later\"", "{\"title\":\"Fixed Later\",\"author\":\"B\"");
        Path again = write("fixed.ndjson", fixed);

        bookdrop.drop(again);

        assertThat(bookdrop.awaitReport("done", "fixed.ndjson").get("written").asLong()).isEqualTo(1);
        assertThat(rows.all()).extracting(Row::title, Row::author).containsExactly(tuple("Fixed Later", "B"));
    }

    @Test
    void a_row_the_database_refuses_is_rejected_with_its_message_and_the_rest_of_the_batch_lands() throws Exception {
        rows.dropBooks();
        rows.execute("CREATE TABLE " + table + " (id TEXT PRIMARY KEY, publication_date TIMESTAMP, title TEXT, "
                + "author TEXT, categories " + textArray() + ", CONSTRAINT no_forbidden CHECK (title <> 'Forbidden'))");
        bookdrop.drop(write("refused.ndjson", """
                {"id": "1", "title": "Allowed", "author": "A", "publication_date": "1969-07-20T20:17:40.123Z", "categories": ["Ünïcode", "b"]}
                {"id": "2", "title": "Forbidden", "author": "A"}
                {"id": "3", "title": "Also \\"Allowed\\"", "author": "Zoë"}
                """));

        JsonNode report = bookdrop.awaitReport("done", "refused.ndjson");
        assertThat(report.get("written").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertReconciles(report);
        // Written row by row, each book as its checked row holds it.
        assertThat(rows.all()).containsExactly(
                new Row("1", "Allowed", "A", LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_000_000), List.of("Ünïcode", "b")),
                new Row("3", "Also \"Allowed\"", "Zoë", null, List.of()));
        assertThat(RejectsFiles.read(report.get("rejects"))).singleElement().asString()
                .startsWith("line 2: database: ").contains("no_forbidden");
        // The refused line as the file has it, read again from its bytes.
        assertThat(Files.readString(Path.of(report.get("rejects").asText()))).contains("{\"id\":\"2\",\"title\":\"Forbidden\",\"author\":\"A\"");
    }

    @Test
    void a_file_fails_at_once_when_its_table_is_gone_instead_of_rejecting_every_row() throws Exception {
        rows.dropBooks();
        bookdrop.drop(SAMPLE_BOOKS);

        JsonNode report = bookdrop.awaitReport("error", "books.json");
        assertThat(report.get("error").asText()).startsWith("database error ");
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(report.get("written").asLong()).isZero();
    }

    @Test
    void the_last_record_of_an_id_wins_within_a_batch_and_across_batches_and_duplicates_are_counted() throws Exception {
        restartWith(Map.of("bookdrop.batch-size", "2"));
        bookdrop.drop(write("repeats.ndjson", """
                {"id": "x", "title": "X first", "author": "A"}
                {"id": "x", "title": "X second", "author": "A"}
                {"id": "y", "title": "Y first", "author": "A"}
                {"id": "z", "title": "Z only", "author": "A"}
                {"id": "y", "title": "Y last", "author": "A"}
                {"id": "x", "title": "X last", "author": "A"}
                """));

        JsonNode report = bookdrop.awaitReport("done", "repeats.ndjson");
        assertThat(report.get("read").asLong()).isEqualTo(6);
        assertThat(report.get("written").asLong()).isEqualTo(3);
        assertThat(report.get("duplicates").asLong()).isEqualTo(3);
        assertReconciles(report);
        assertThat(rows.all()).extracting(Row::id, Row::title)
                .containsExactly(tuple("x", "X last"), tuple("y", "Y last"), tuple("z", "Z only"));
    }

    @Test
    void ids_repeated_far_apart_on_parallel_writers_end_with_their_last_record() throws Exception {
        restartWith(Map.of("bookdrop.batch-size", "100", "bookdrop.writers", "3"));
        StringBuilder lines = new StringBuilder();
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < 1000; i++) {
                lines.append("{\"id\": \"b").append(i).append("\", \"title\": \"Round ").append(round)
                        .append("\", \"author\": \"A\"}\n");
            }
        }
        bookdrop.drop(write("rounds.ndjson", lines.toString()));

        JsonNode report = bookdrop.awaitReport("done", "rounds.ndjson", Duration.ofMinutes(1));
        assertThat(report.get("written").asLong()).isEqualTo(1000);
        assertThat(report.get("duplicates").asLong()).isEqualTo(2000);
        assertThat(report.get("verified").asLong()).isEqualTo(1000);
        assertReconciles(report);
        assertThat(rows.all()).hasSize(1000).extracting(Row::title).containsOnly("Round 3");
    }

    @Test
    void each_report_is_appended_to_the_import_history_with_the_same_counts() throws Exception {
        bookdrop.drop(SAMPLE_BOOKS);
        JsonNode first = bookdrop.awaitReport("done", "books.json");
        bookdrop.drop(CORPUS.resolve("mixed.ndjson"));
        JsonNode second = bookdrop.awaitReport("done", "mixed.ndjson");

        String history = RunningBookdrop.historyTable(table);
        awaitImportsInHistory(2);
        List<List<String>> rowsOfHistory = rows.query("SELECT file, sha256, size_bytes, status, records_read, records_written, "
                + "records_rejected, records_duplicate, rows_verified FROM " + history + " ORDER BY started_at");
        assertThat(rowsOfHistory).containsExactly(historyRow(first), historyRow(second));
        assertThat(first.get("sha256").asText()).isEqualTo(FileHash.sha256(SAMPLE_BOOKS));
        assertThat(first.get("sizeBytes").asLong()).isEqualTo(Files.size(SAMPLE_BOOKS));
    }

    @Test
    void every_report_names_its_files_sha256_hashed_as_it_was_read_or_first_when_it_may_be_a_repeat() throws Exception {
        // Hashed as they were read, in every format; the gzipped file as it lies in the inbox.
        Path marc = work.resolve("catalogue.mrc");
        Files.write(marc, MarcRecords.utf8(MarcRecords.record().control("001", "78")
                .field("245", "14", 'a', "The two towers /").field("700", "1 ", 'a', "Tolkien, J. R. R.,")));
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(SAMPLE_BOOKS, "done");
        files.put(CORPUS.resolve("books-gzipped.ndjson.gz"), "done");
        files.put(CORPUS.resolve("mixed.csv"), "done");
        files.put(SOURCES.resolve("onix/publisher_feed_3.0.xml"), "done");
        files.put(marc, "done");
        // Read part way: it breaks at its line 3, and the rest is read to hash it.
        files.put(CORPUS.resolve("truncated.json"), "error");
        for (Map.Entry<Path, String> file : files.entrySet()) {
            bookdrop.drop(file.getKey());
            String name = file.getKey().getFileName().toString();
            assertThat(bookdrop.awaitReport(file.getValue(), name).get("sha256").asText()).as(name)
                    .isEqualTo(FileHash.sha256(file.getKey()));
        }

        // The size of a file imported before: hashed before it is read, found to hold other books, imported.
        awaitImportsInHistory(files.size());
        Path edited = write("books-edited.json", Files.readString(SAMPLE_BOOKS).replace("Big Red Book", "Big Red Tome"));
        assertThat(Files.size(edited)).isEqualTo(Files.size(SAMPLE_BOOKS));
        bookdrop.drop(edited);
        JsonNode report = bookdrop.awaitReport("done", "books-edited.json");
        assertThat(report.get("status").asText()).isEqualTo("DONE");
        assertThat(report.get("sha256").asText()).isEqualTo(FileHash.sha256(edited));
        assertThat(rows.all()).filteredOn(row -> row.id().equals("big-red-book")).extracting(Row::title)
                .containsExactly("Monty Python's Big Red Tome");
    }

    /**
     * Waits for the import history to hold this many imports: a report's files are written before
     * its history row, so a file dropped again at once may be read before that row is there.
     */
    void awaitImportsInHistory(int imports) {
        String history = RunningBookdrop.historyTable(table);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.query("SELECT count(*) FROM " + history).get(0).get(0)
                .equals(String.valueOf(imports)));
    }

    private static List<String> historyRow(JsonNode report) {
        return Stream.of("file", "sha256", "sizeBytes", "status", "read", "written", "rejected", "duplicates", "verified")
                .map(field -> report.get(field).asText()).toList();
    }

    @Test
    void two_instances_sharing_an_inbox_import_each_file_exactly_once() throws Exception {
        restartWith(Map.of("bookdrop.instance", "first"));
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 24; f++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                lines.append("{\"id\": \"f").append(f).append('-').append(i).append("\", \"title\": \"T\", \"author\": \"A\"}\n");
            }
            files.add(write("part-" + f + ".ndjson", lines.toString()));
        }
        try (RunningBookdrop second = RunningBookdrop.start(jdbcUrl(), table, bookdrop.inbox(), Map.of("bookdrop.instance", "second"))) {
            for (Path file : files) {
                bookdrop.drop(file);
            }
            for (Path file : files) {
                bookdrop.awaitReport("done", file.getFileName().toString(), Duration.ofMinutes(1));
            }
        }

        String history = RunningBookdrop.historyTable(table);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.query("SELECT count(*) FROM " + history).get(0).get(0).equals("24"));
        assertThat(rows.query("SELECT status, count(*), count(DISTINCT file), sum(records_written) FROM " + history + " GROUP BY status"))
                .as("one import per file, none repeated or skipped").containsExactly(List.of("DONE", "24", "24", "4800"));
        assertThat(rows.count()).isEqualTo(4800);
        assertThat(rows.query("SELECT count(*) FROM " + RunningBookdrop.claimsTable(table))).as("every claim released")
                .containsExactly(List.of("0"));
    }

    @Test
    void with_done_markers_a_file_waits_for_its_marker() throws Exception {
        restartWith(Map.of("bookdrop.done-markers", "true"));
        bookdrop.drop(SAMPLE_BOOKS);
        Thread.sleep(1500);
        assertThat(bookdrop.inbox().resolve("books.json")).as("no marker yet: left alone").exists();
        assertThat(rows.count()).isZero();

        Files.writeString(bookdrop.inbox().resolve("books.json.done"), "");
        assertThat(bookdrop.awaitReport("done", "books.json").get("written").asLong()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(bookdrop.inbox().resolve("books.json.done")));
        try (Stream<Path> errors = Files.list(bookdrop.inbox().resolve("error"))) {
            assertThat(errors).as("the marker is not read as a book file").isEmpty();
        }
    }

    @Test
    void a_later_file_updates_the_rows_of_an_earlier_one_with_the_same_ids() throws Exception {
        bookdrop.drop(write("first.ndjson", "{\"id\": \"k\", \"title\": \"Old Title\", \"author\": \"A\"}\n"));
        bookdrop.awaitReport("done", "first.ndjson");
        bookdrop.drop(write("second.ndjson", "{\"id\": \"k\", \"title\": \"New Title\", \"author\": \"B\"}\n"));
        JsonNode report = bookdrop.awaitReport("done", "second.ndjson");

        assertThat(report.get("duplicates").asLong()).as("duplicates count within a file only").isZero();
        assertThat(rows.all()).extracting(Row::title, Row::author).containsExactly(tuple("New Title", "B"));
    }

    @Test
    void many_batches_on_parallel_writers_reconcile_exactly() throws Exception {
        restartWith(Map.of("bookdrop.batch-size", "500", "bookdrop.writers", "3"));
        Path file = work.resolve("many.ndjson");
        GenerateBooks.main(new String[] {"--count", "20000", "--out", file.toString(), "--invalid", "0.02", "--seed", "7"});

        bookdrop.drop(file);

        JsonNode report = bookdrop.awaitReport("done", "many.ndjson", Duration.ofMinutes(2));
        assertReconciles(report);
        assertThat(report.get("rejected").asLong()).isPositive();
        assertThat(rows.count()).isEqualTo(report.get("written").asLong());
    }

    void restartWith(Map<String, String> settings) throws Exception {
        restartWith(jdbcUrl(), settings);
    }

    void restartWith(String url, Map<String, String> settings) throws Exception {
        bookdrop.close();
        bookdrop = RunningBookdrop.start(url, table, bookdrop.inbox(), settings);
    }

    Path write(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
    }
}
