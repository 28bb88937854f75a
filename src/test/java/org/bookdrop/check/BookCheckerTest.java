package org.bookdrop.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookdrop.book.Book;
import org.bookdrop.mapping.MappedRecord;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.report.FileImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BookCheckerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BookValidator VALIDATOR = new BookValidator();

    private final BookChecker checker = new BookChecker(VALIDATOR);
    private final FileImport fileImport = new FileImport("books.json", null, 100, Instant.EPOCH);

    @AfterAll
    static void closeValidator() {
        VALIDATOR.close();
    }

    @Test
    void passes_a_complete_book_on_unchanged() {
        Book book = checkOne("""
                {"id": "hhgttg", "title": "The Hitchhiker's Guide to the Galaxy", "author": "Douglas Adams",
                 "publication_date": "1979-10-12", "categories": ["novel", "comedy"], "isbn": "ignored"}
                """);

        assertThat(book).isEqualTo(new Book("hhgttg", "The Hitchhiker's Guide to the Galaxy", "Douglas Adams",
                LocalDateTime.of(1979, 10, 12, 0, 0), List.of("novel", "comedy")));
    }

    @Test
    void rejects_book_without_title() {
        assertThat(problemsOf("{\"author\": \"Douglas Adams\"}"))
                .containsExactly(new Problem("title", "must not be blank"));
    }

    @Test
    void rejects_book_with_blank_author() {
        assertThat(problemsOf("{\"title\": \"T\", \"author\": \"  \"}"))
                .containsExactly(new Problem("author", "must not be blank"));
    }

    @Test
    void rejects_wrong_json_types_naming_the_field_and_the_type_found() {
        assertThat(problemsOf("{\"title\": 12, \"author\": {\"name\": \"x\"}, \"categories\": \"comedy\", \"id\": true}"))
                .containsExactlyInAnyOrder(
                        new Problem("title", "must be text, found a number"),
                        new Problem("author", "must be text, found an object"),
                        new Problem("categories", "must be an array of text, found text"),
                        new Problem("id", "must be text or a whole number, found a boolean"));
    }

    @Test
    void rejects_a_category_that_is_not_text() {
        assertThat(problemsOf("{\"title\": \"T\", \"author\": \"A\", \"categories\": [\"a\", 2]}"))
                .containsExactly(new Problem("categories", "must hold only text, found a number at position 2"));
    }

    @Test
    void rejects_blank_categories_and_control_characters_in_them() {
        assertThat(problemsOf("{\"title\": \"T\", \"author\": \"A\", \"categories\": [\"ok\", \" \", \"a\\u001Fb\"]}"))
                .containsExactly(
                        new Problem("categories[1]", "must not be blank"),
                        new Problem("categories[2]", "must not contain control characters"));
    }

    @Test
    void rejects_a_date_it_cannot_read_without_guessing() {
        assertThat(problemsOf("{\"title\": \"T\", \"author\": \"A\", \"publication_date\": \"12/10/1979\"}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("publication_date");
                    assertThat(p.reason()).startsWith("'12/10/1979' is not an ISO date");
                });
    }

    @Test
    void rejects_a_record_that_is_not_an_object() {
        assertThat(problemsOf("[1, 2]")).containsExactly(new Problem("record", "must be a JSON object, found an array"));
    }

    @Test
    void rejects_an_overlong_title() {
        assertThat(problemsOf("{\"title\": \"" + "x".repeat(1001) + "\", \"author\": \"A\"}"))
                .containsExactly(new Problem("title", "size must be between 0 and 1000"));
    }

    @Test
    void takes_a_whole_number_id_as_text_and_absent_categories_as_none() {
        Book book = checkOne("{\"id\": 9780345391803, \"title\": \"T\", \"author\": \"A\", \"categories\": null}");

        assertThat(book.id()).isEqualTo("9780345391803");
        assertThat(book.categories()).isEmpty();
        assertThat(book.publicationDate()).isNull();
    }

    @Test
    void derives_the_same_id_from_the_same_content_and_another_from_other_content() {
        Book first = checkOne("{\"title\": \"Mort\", \"author\": \"Terry Pratchett\"}");
        Book again = checkOne("{\"author\": \"Terry Pratchett\", \"title\": \"Mort\"}");
        Book other = checkOne("{\"title\": \"Mort\", \"author\": \"Terry Pratchett\", \"categories\": [\"fantasy\"]}");

        assertThat(first.id()).matches("[0-9a-f]{32}").isEqualTo(again.id()).isNotEqualTo(other.id());
    }

    @Test
    void ignores_and_counts_fields_that_are_not_a_books() {
        checkOne("{\"title\": \"T\", \"author\": \"A\", \"isbn\": \"1\", \"pages\": 3, \"_rejected\": {}}");
        checkOne("{\"title\": \"U\", \"author\": \"A\", \"isbn\": \"2\"}");

        assertThat(fileImport.finish(Instant.EPOCH, "books", java.nio.file.Path.of("inbox")).ignoredFields())
                .containsExactly(java.util.Map.entry("isbn", 2L), java.util.Map.entry("pages", 1L));
    }

    @Test
    void rejects_fields_that_are_not_a_books_in_strict_mode() {
        SourceRecord record = record(1, "{\"title\": \"T\", \"author\": \"A\", \"isbn\": \"1\", \"_rejected\": {}}");
        fileImport.mapWith(BookMapper.bookdropShape(true));

        assertThat(checker.check(List.of(record), fileImport)).isEmpty();
        assertThat(fileImport.rejected()).isEqualTo(1);
    }

    @Test
    void rejects_a_record_the_reader_could_not_read_with_the_readers_reason() {
        SourceRecord broken = SourceRecord.unreadable(0, 7, null, "not valid JSON at column 3: oops");

        assertThat(checker.check(List.of(broken), fileImport)).isEmpty();
        assertThat(fileImport.rejected()).isEqualTo(1);
    }

    @Test
    void counts_every_record_read_and_every_record_rejected() {
        List<CheckedBook> valid = checker.check(List.of(
                record(1, "{\"title\": \"A\", \"author\": \"B\"}"),
                record(2, "{\"title\": \"A\"}"),
                record(3, "{\"title\": \"C\", \"author\": \"D\"}")), fileImport);

        assertThat(valid).extracting(book -> book.source().position()).containsExactly("record 1 (line 1)", "record 3 (line 3)");
        var report = fileImport.finish(Instant.EPOCH, "books", java.nio.file.Path.of("inbox"));
        assertThat(report.read()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(1);
    }

    @Test
    void a_batch_checked_in_several_tasks_keeps_the_files_order_and_adds_up_every_tasks_counts() {
        List<SourceRecord> batch = new java.util.ArrayList<>();
        for (int n = 1; n <= 1_234; n++) {
            // Every seventh without an author (rejected); every third with a field that is not a book's.
            batch.add(record(n, "{\"id\": \"b" + n + "\", \"title\": \"T" + n + "\""
                    + (n % 7 == 0 ? "" : ", \"author\": \"A\"") + (n % 3 == 0 ? ", \"isbn\": \"1\"" : "") + "}"));
        }

        List<CheckedBook> valid = checker.check(batch, fileImport);

        assertThat(valid).extracting(CheckedBook::id).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 1_234)
                .filter(n -> n % 7 != 0).mapToObj(n -> "b" + n).toList());
        var report = fileImport.finish(Instant.EPOCH, "books", java.nio.file.Path.of("inbox"));
        assertThat(report.read()).isEqualTo(1_234);
        assertThat(report.rejected()).isEqualTo(1_234 / 7);
        assertThat(report.ignoredFields()).containsExactly(java.util.Map.entry("isbn", 1_234L / 3));
        assertThat(fileImport.valuesFound()).containsEntry("id", 1_234L).containsEntry("title", 1_234L)
                .containsEntry("author", 1_234L - 1_234 / 7).containsEntry("categories", 0L);
    }

    private Book checkOne(String json) {
        List<CheckedBook> valid = checker.check(List.of(record(1, json)), fileImport);
        assertThat(valid).as("accepted").hasSize(1);
        return valid.get(0).book();
    }

    private List<Problem> problemsOf(String json) {
        MappedRecord mapped = BookMapper.bookdropShape(false).read(record(1, json), new java.util.ArrayList<>());
        List<Problem> problems = new java.util.ArrayList<>(mapped.problems());
        if (problems.isEmpty()) {
            problems.addAll(VALIDATOR.problems(new Book(mapped.id(), mapped.title(), mapped.author(), mapped.publicationDate(),
                    mapped.categories())));
        }
        assertThat(checker.check(List.of(record(1, json)), fileImport)).as("rejected").isEmpty();
        return problems;
    }

    private static SourceRecord record(long number, String json) {
        JsonNode fields = parse(json);
        return SourceRecord.read(number, number, fields, fields);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
