package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.e2e.BookRows.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end scenarios: bookdrop running with a temporary inbox, files dropped into it, and
 * the rows, folders and reports checked. Each database runs them through a subclass.
 */
abstract class ImportScenarios {

    static final Path SAMPLE_BOOKS = Path.of("sample-data", "books.json");

    @TempDir
    Path work;

    String table;
    BookRows rows;
    RunningBookdrop bookdrop;

    /** The JDBC URL of the database under test. */
    abstract String jdbcUrl();

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
        Path noIds = write("no-ids.json", """
                [{"title": "Small Gods", "author": "Terry Pratchett"}, {"title": "Eric", "author": "Terry Pratchett"}]
                """);
        bookdrop.drop(noIds);
        bookdrop.awaitReport("done", "no-ids.json");
        Files.delete(bookdrop.inbox().resolve("done/no-ids.json.report.json"));

        bookdrop.drop(noIds);
        JsonNode second = bookdrop.awaitReport("done", "no-ids.json");

        assertThat(second.get("written").asLong()).isEqualTo(2);
        assertThat(rows.all()).extracting(Row::title).containsExactlyInAnyOrder("Small Gods", "Eric");
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

    @Test
    void keeps_a_file_that_is_not_an_array_of_books_in_the_error_folder() throws Exception {
        bookdrop.drop(write("object.json", "{\"title\": \"one book, not an array\"}"));

        JsonNode report = bookdrop.awaitReport("error", "object.json");
        assertThat(report.get("error").asText())
                .isEqualTo("expected a JSON array of books but found an object at line 1, column 1");
        assertThat(report.get("read").asLong()).isZero();
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
