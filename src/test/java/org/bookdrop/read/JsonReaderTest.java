package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void reads_each_element_with_its_number_and_line() {
        List<SourceRecord> records = readAll("""
                [
                  {"title": "One"},
                  {"title": "Two",
                   "author": "Someone"}, {"title": "Three"}
                ]
                """);

        assertThat(records).extracting(SourceRecord::position)
                .containsExactly("record 1 (line 2)", "record 2 (line 3)", "record 3 (line 4)");
        assertThat(records.get(1).fields().get("author").asText()).isEqualTo("Someone");
        assertThat(records.get(1).original()).isSameAs(records.get(1).fields());
    }

    @Test
    void skips_a_byte_order_mark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "[{\"title\": \"Été\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(json, 0, content, bom.length, json.length);

        List<SourceRecord> records = new ArrayList<>();
        new JsonReader(new ByteArrayInputStream(content)).forEachRemaining(records::add);

        assertThat(records).singleElement().satisfies(r -> assertThat(r.fields().get("title").asText()).isEqualTo("Été"));
    }

    @Test
    void hands_on_elements_that_are_not_objects_for_the_check_to_reject() {
        assertThat(readAll("[\"text\", 5, null]")).extracting(r -> r.fields().getNodeType().name())
                .containsExactly("STRING", "NUMBER", "NULL");
    }

    @Test
    void an_empty_array_has_no_records() {
        assertThat(readAll("  [ ]  ")).isEmpty();
    }

    @Test
    void reads_a_file_holding_one_book_object() {
        assertThat(readAll("\n  {\"title\": \"x\"}\n")).singleElement()
                .satisfies(r -> assertThat(r.position()).isEqualTo("record 1 (line 2)"));
    }

    @Test
    void refuses_content_after_a_single_book_object() {
        assertThatThrownBy(() -> readAll("{\"title\": \"x\"} {\"title\": \"y\"}")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("found an object after the end of the book object at line 1, column 16");
    }

    @Test
    void refuses_an_empty_file() {
        assertThatThrownBy(() -> readAll("")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("expected a JSON array of books or one book object but the file is empty");
    }

    @Test
    void refuses_a_file_that_is_neither_an_array_nor_an_object() {
        assertThatThrownBy(() -> readAll("\n  \"books\"")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("expected a JSON array of books or one book object but found a string at line 2, column 3");
    }

    @Test
    void refuses_binary_content() {
        assertThatThrownBy(() -> readAll("\u0000\u0001\u0002PK")).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("not valid JSON at line 1");
    }

    @Test
    void names_the_place_where_the_json_breaks_after_the_records_before_it() {
        JsonReader reader = reader("[{\"title\": \"ok\"},\n {\"title\": oops}]");

        assertThat(reader.next().fields().get("title").asText()).isEqualTo("ok");
        assertThatThrownBy(reader::hasNext).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("not valid JSON at line 2, column 17 (after record 1): Unrecognized token 'oops'");
        assertThat(reader.hasNext()).as("a broken stream ends").isFalse();
    }

    @Test
    void refuses_an_array_that_is_never_closed() {
        assertThatThrownBy(() -> readAll("[{\"title\": \"a\"},")).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("after record 1");
    }

    @Test
    void refuses_content_after_the_array() {
        assertThatThrownBy(() -> readAll("[{\"title\": \"a\"}] {\"title\": \"b\"}"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("found an object after the end of the array at line 1, column 18");
    }

    private static List<SourceRecord> readAll(String json) {
        List<SourceRecord> records = new ArrayList<>();
        reader(json).forEachRemaining(records::add);
        return records;
    }

    private static JsonReader reader(String json) {
        return new JsonReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
