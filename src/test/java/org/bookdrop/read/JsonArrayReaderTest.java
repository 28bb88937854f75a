package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsonArrayReaderTest {

    @Test
    void reads_each_element_with_its_number_and_line() {
        List<SourceRecord> records = readAll("""
                [
                  {"title": "One"},
                  {"title": "Two",
                   "author": "Someone"}, {"title": "Three"}
                ]
                """);

        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 3L, 4L);
        assertThat(records.get(1).fields().get("author").asText()).isEqualTo("Someone");
        assertThat(records.get(2).position()).isEqualTo("record 3 (line 4)");
    }

    @Test
    void skips_a_byte_order_mark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "[{\"title\": \"Été\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(json, 0, content, bom.length, json.length);

        List<SourceRecord> records = new ArrayList<>();
        new JsonArrayReader(new ByteArrayInputStream(content)).forEachRemaining(records::add);

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
    void refuses_an_empty_file() {
        assertThatThrownBy(() -> readAll("")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("expected a JSON array of books but the file is empty");
    }

    @Test
    void refuses_a_file_that_is_not_an_array() {
        assertThatThrownBy(() -> readAll("\n  {\"title\": \"x\"}")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("expected a JSON array of books but found an object at line 2, column 3");
    }

    @Test
    void names_the_place_where_the_json_breaks_after_the_records_before_it() {
        JsonArrayReader reader = reader("[{\"title\": \"ok\"},\n {\"title\": oops}]");

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

    private static JsonArrayReader reader(String json) {
        return new JsonArrayReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
