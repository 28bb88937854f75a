package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void reads_columns_in_any_order_with_quoted_delimiters_quotes_and_line_breaks() {
        List<SourceRecord> records = readAll("""
                author,Title,categories
                "Adams, Douglas","The ""Hitchhiker's"" Guide
                to the Galaxy",novel|comedy
                Monty Python,Big Red Book,
                """, ',');

        assertThat(records).extracting(SourceRecord::position).containsExactly("line 2", "line 4");
        var first = records.get(0).fields();
        assertThat(first.get("author").asText()).isEqualTo("Adams, Douglas");
        assertThat(first.get("title").asText()).isEqualTo("The \"Hitchhiker's\" Guide\nto the Galaxy");
        assertThat(first.get("categories").toString()).isEqualTo("[\"novel\",\"comedy\"]");
        assertThat(records.get(1).fields().has("categories")).as("an empty field is absent").isFalse();
        assertThat(records.get(1).original()).hasSize(3);
    }

    @Test
    void takes_categories_as_a_json_array_in_the_field() {
        List<SourceRecord> records = readAll("title;author;categories\nT;A;\"[\"\"a|b\"\", \"\"c\"\"]\"\n", ';');

        assertThat(records.get(0).fields().get("categories").toString()).isEqualTo("[\"a|b\",\"c\"]");
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_a_record_of_its_own() {
        List<SourceRecord> records = readAll("title\tauthor\nA\tB\tC\nD\tE\n", '\t');

        assertThat(records.get(0).unreadable()).isEqualTo("has 3 fields where the header row has 2");
        assertThat(records.get(0).original()).hasSize(3);
        assertThat(records.get(1).fields().get("title").asText()).isEqualTo("D");
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
        CsvReader reader = reader("title,author\nA,B\n\"C,D\n", ',');
        reader.next();

        assertThatThrownBy(reader::hasNext).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("cannot read the CSV from line 3 on:");
    }

    private static List<SourceRecord> readAll(String content, char delimiter) {
        List<SourceRecord> records = new ArrayList<>();
        reader(content, delimiter).forEachRemaining(records::add);
        return records;
    }

    private static CsvReader reader(String content, char delimiter) {
        return new CsvReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), delimiter);
    }
}
