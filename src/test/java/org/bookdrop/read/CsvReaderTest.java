package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bookdrop.check.BookMapper;
import org.bookdrop.mapping.MappedRecord;
import org.bookdrop.mapping.Mappings;
import org.junit.jupiter.api.Test;

/** CSV rows as bookdrop's own shape reads them: its columns found in the header row, lists in a cell. */
class CsvReaderTest {

    @Test
    void reads_columns_in_any_order_with_quoted_delimiters_quotes_and_line_breaks() {
        Read read = readAll("""
                author,Title,categories
                "Adams, Douglas","The ""Hitchhiker's"" Guide
                to the Galaxy",novel|comedy
                Monty Python,Big Red Book,
                """, ',');

        assertThat(read.records()).extracting(SourceRecord::position).containsExactly("line 2", "line 4");
        MappedRecord first = read.mapped(0);
        assertThat(first.author()).isEqualTo("Adams, Douglas");
        assertThat(first.title()).isEqualTo("The \"Hitchhiker's\" Guide\nto the Galaxy");
        assertThat(first.categories()).containsExactly("novel", "comedy");
        assertThat(read.mapped(1).categories()).as("an empty field is absent").isEmpty();
        assertThat(read.records().get(1).original()).hasSize(3);
    }

    @Test
    void takes_categories_as_a_json_array_in_the_field() {
        Read read = readAll("title;author;categories\nT;A;\"[\"\"a|b\"\", \"\"c\"\"]\"\n", ';');

        assertThat(read.mapped(0).categories()).containsExactly("a|b", "c");
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_a_record_of_its_own() {
        Read read = readAll("title\tauthor\nA\tB\tC\nD\tE\n", '\t');

        assertThat(read.records().get(0).unreadable()).isEqualTo("has 3 fields where the header row has 2");
        assertThat(read.records().get(0).original()).hasSize(3);
        assertThat(read.mapped(1).title()).isEqualTo("D");
    }

    @Test
    void refuses_a_header_without_the_required_columns() {
        assertThatThrownBy(() -> readAll("name;author\nx;y\n", ','))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("the CSV header row has no title or author column (it has: name;author; delimiter ',')");
    }

    @Test
    void refuses_an_empty_file() {
        assertThatThrownBy(() -> readAll("", ','))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void names_the_line_of_an_unclosed_quote() {
        RecordReader reader = open("title,author\nA,B\n\"C,D\n".getBytes(StandardCharsets.UTF_8), ',').reader();
        reader.next();

        assertThatThrownBy(reader::hasNext).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("cannot read the CSV from line 3 on:");
    }

    @Test
    void a_row_with_bytes_not_valid_utf8_is_rejected_with_the_place_and_the_rows_around_it_are_read() {
        byte[] latin1 = "title,author\nGood One,A\nCaf\u00e9 Society,B\nAfter,C\n".getBytes(Charset.forName("ISO-8859-1"));

        Read read = readAll(latin1, ',');

        assertThat(read.records()).hasSize(3);
        assertThat(read.records().get(1).unreadable()).isEqualTo(
                "has bytes that are not valid UTF-8 at line 3, column 4 (0xe9); fix them, or say the file's encoding in its mapping");
        assertThat(read.mapped(0).title()).isEqualTo("Good One");
        assertThat(read.mapped(2).title()).isEqualTo("After");
    }

    private record Read(List<SourceRecord> records, BookMapper mapper) {

        MappedRecord mapped(int index) {
            return mapper.read(records.get(index), new ArrayList<>());
        }
    }

    private static Read readAll(String content, char delimiter) {
        return readAll(content.getBytes(StandardCharsets.UTF_8), delimiter);
    }

    private static Read readAll(byte[] content, char delimiter) {
        BookFiles.Opened opened = open(content, delimiter);
        List<SourceRecord> records = new ArrayList<>();
        opened.reader().forEachRemaining(records::add);
        return new Read(records, opened.mapper());
    }

    private static BookFiles.Opened open(byte[] content, char delimiter) {
        BookFiles files = new BookFiles(100, delimiter, 1 << 20, null, null);
        return files.open(new ByteArrayInputStream(content), "books.csv", Mappings.bookdropShape(false));
    }
}
