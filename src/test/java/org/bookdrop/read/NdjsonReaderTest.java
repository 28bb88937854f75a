package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bookdrop.check.BookChecker;
import org.bookdrop.check.BookMapper;
import org.bookdrop.check.BookValidator;
import org.bookdrop.check.CheckedBook;
import org.bookdrop.report.FileImport;
import org.junit.jupiter.api.Test;

class NdjsonReaderTest {

    @Test
    void reads_one_record_per_line_skipping_blank_lines() {
        List<SourceRecord> records = readAll("{\"title\": \"A\"}\r\n\n   \n{\"title\": \"B\"}", 1000);

        assertThat(records).extracting(SourceRecord::position).containsExactly("line 1", "line 4");
        assertThat(records).extracting(r -> r.fields().get("title").asText()).containsExactly("A", "B");
    }

    @Test
    void a_broken_line_is_a_record_of_its_own_and_the_lines_after_it_are_read() {
        List<SourceRecord> records = readAll("{\"title\": \"A\"}\n{\"title\": oops}\n{\"title\": \"C\"}\n", 1000);

        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).isNull();
        assertThat(records.get(1).position()).isEqualTo("line 2");
        assertThat(records.get(1).unreadable()).startsWith("not valid JSON at column 16: Unrecognized token 'oops'");
        assertThat(records.get(1).original().asText()).isEqualTo("{\"title\": oops}");
        assertThat(records.get(2).fields().get("title").asText()).isEqualTo("C");
    }

    @Test
    void rejects_a_line_over_the_limit_without_holding_it_and_reads_on() {
        String huge = "{\"title\": \"" + "x".repeat(5000) + "\"}";
        List<SourceRecord> records = readAll(huge + "\n{\"title\": \"after\"}", 100);

        assertThat(records.get(0).unreadable()).isEqualTo("the line is longer than 100 bytes (bookdrop.max-record-bytes)");
        assertThat(records.get(0).original().asText()).hasSize(103).endsWith("...");
        assertThat(records.get(1).fields().get("title").asText()).isEqualTo("after");
    }

    @Test
    void reads_lines_longer_than_its_read_buffer() {
        String title = "é".repeat(100_000);
        List<SourceRecord> records = readAll("{\"title\": \"" + title + "\"}\n", 1_000_000);

        assertThat(records).singleElement().satisfies(r -> assertThat(r.fields().get("title").asText()).isEqualTo(title));
    }

    @Test
    void a_line_of_a_books_plain_shape_is_checked_without_being_read_as_a_json_tree() {
        List<SourceRecord> records = readAll("""
                {"id": "plain", "title": "Plain", "author": "A", "publication_date": "1999-01-02", "categories": ["x"]}
                {"id": "other", "title": "Other", "author": "A", "series": {"name": "not a book's field"}}
                """, 1000);
        FileImport fileImport = new FileImport("books.ndjson", null, 100, Instant.EPOCH);
        fileImport.mapWith(BookMapper.bookdropShape(false));

        List<CheckedBook> books = new BookChecker(new BookValidator()).check(records, fileImport);

        assertThat(books).extracting(book -> book.book().id()).containsExactly("plain", "other");
        assertThat(records.get(0).readAsTree()).as("the plain line").isFalse();
        assertThat(records.get(1).readAsTree()).as("the line with another field").isTrue();
    }

    private static List<SourceRecord> readAll(String content, int maxRecordBytes) {
        List<SourceRecord> records = new ArrayList<>();
        new NdjsonReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), maxRecordBytes)
                .forEachRemaining(records::add);
        return records;
    }
}
