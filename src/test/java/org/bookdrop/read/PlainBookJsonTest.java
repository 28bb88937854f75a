package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookdrop.book.Book;
import org.bookdrop.check.BookMapper;
import org.bookdrop.mapping.MappedRecord;
import org.bookdrop.tools.GenerateBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainBookJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BookMapper MAPPER = BookMapper.bookdropShape(false);

    @TempDir
    Path folder;

    @Test
    void readsAPlainBook() {
        Book book = read("{\"id\": \" b-1 \", \"title\": \"Dune\", \"author\": \"Frank Herbert\", "
                + "\"publication_date\": \"1965-08-01T10:00:00+02:00\", \"categories\": [\"novel\", \"sf\"]}");
        assertThat(book).isEqualTo(new Book("b-1", "Dune", "Frank Herbert", LocalDateTime.of(1965, 8, 1, 8, 0),
                List.of("novel", "sf")));
        assertThat(read("{\"title\": \"T\", \"id\": null, \"categories\": null}"))
                .isEqualTo(new Book(null, "T", null, null, List.of()));
    }

    /** Whatever BookMapper would word or treat in a way of its own goes to it, from the JSON tree. */
    @Test
    void leavesEverythingElseToTheMapper() {
        assertThat(Stream.of(
                "{\"id\": 12, \"title\": \"a number id\"}",
                "{\"title\": \"T\", \"title\": \"a field twice\"}",
                "{\"title\": \"T\", \"pages\": 300}",
                "{\"title\": \"T\", \"_rejected\": \"a rejects file's note\"}",
                "{\"title\": \"T\", \"categories\": [\"a\", 7]}",
                "{\"title\": \"T\", \"categories\": \"novel\"}",
                "{\"title\": \"T\", \"author\": {\"name\": \"X\"}}",
                "{\"title\": \"T\", \"publication_date\": \"someday\"}",
                "{\"title\": \"T\"} {\"title\": \"two values\"}",
                "{\"title\": oops}",
                "[\"an array\"]",
                "\"text\"",
                "{\"title\": \"T\""))
                .allSatisfy(line -> assertThat(read(line)).as(line).isNull());
    }

    /** For every line of the corpus and of a generated file with a fifth invalid, the same book as BookMapper's, or none. */
    @Test
    void givesTheMappersBookForEveryPlainLine() throws Exception {
        Path generated = folder.resolve("generated.ndjson");
        GenerateBooks.main(new String[] {"--count", "20000", "--out", generated.toString(), "--invalid", "0.2"});
        List<String> lines = new ArrayList<>(Files.readAllLines(generated, StandardCharsets.UTF_8));
        try (Stream<Path> corpus = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path file : corpus.filter(f -> f.toString().matches(".*\\.(ndjson|jsonl)$")).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        int plain = 0;
        for (String line : lines) {
            Book book = read(line);
            if (book == null) {
                continue;
            }
            plain++;
            List<String> ignored = new ArrayList<>();
            // From the same bytes, as NdjsonReader does (a byte order mark is skipped by both).
            JsonNode tree = JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
            MappedRecord mapped = MAPPER.read(SourceRecord.read(0, 1, tree, tree), ignored);
            assertThat(mapped.problems()).as(line).isEmpty();
            assertThat(book).as(line).isEqualTo(new Book(mapped.id(), mapped.title(), mapped.author(), mapped.publicationDate(),
                    mapped.categories()));
            assertThat(ignored).as(line).isEmpty();
        }
        assertThat(plain).as("plain lines among %d", lines.size()).isBetween(16_000, lines.size() - 3_000);
    }

    private static Book read(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return PlainBookJson.read(bytes, 0, bytes.length);
    }
}
