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
import org.bookdrop.book.BookRow;
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
                "{\"titles\": \"a longer name\"}",
                "{\"t\": \"itle\", \"a\": \"a shorter name\"}",
                "{\"Title\": \"another case\"}",
                "{\"id\"",
                "{\"title\": \"T\", \"_rejected\": \"a rejects file's note\"}",
                "{\"title\": \"T\", \"categories\": [\"a\", 7]}",
                "{\"title\": \"T\", \"categories\": \"novel\"}",
                "{\"title\": \"T\", \"author\": {\"name\": \"X\"}}",
                "{\"title\": \"T\", \"publication_date\": \"someday\"}",
                "{\"title\": \"T\"} {\"title\": \"two values\"}",
                "{\"title\": oops}",
                "[\"an array\"]",
                "\"text\"",
                "{\"title\": \"T\"",
                "{\"title\": \"T\",}",
                "{\"title\": \"T\"} x",
                "{\"title\": nul}",
                "{\"title\": \"a raw\ttab\"}",
                "{\"title\": \"a bad \\x escape\"}",
                "{\"title\": \"a short \\u12 escape\"}",
                "{\"ti\\u0074le\": \"an escaped name\"}",
                "{\"title\": \"T\", \"categories\": [null]}",
                "{\"title\": \"T\", \"categories\": [\"a\",]}",
                "{\"title\": \"T\" \"author\": \"no comma\"}"))
                .allSatisfy(line -> assertThat(read(line)).as(line).isNull());
    }

    /** Bytes that are not UTF-8 are Jackson's to report, with their place. */
    @Test
    void leavesBytesThatAreNotUtf8ToTheMapper() {
        byte[] start = "{\"title\": \"caf".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : new byte[][] {{(byte) 0xC3, '('}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            byte[] line = new byte[start.length + bad.length + 2];
            System.arraycopy(start, 0, line, 0, start.length);
            System.arraycopy(bad, 0, line, start.length, bad.length);
            line[line.length - 2] = '"';
            line[line.length - 1] = '}';
            assertThat(PlainBookJson.read(line, 0, line.length)).isNull();
        }
    }

    /** Escapes, every width of UTF-8, whitespace anywhere JSON allows it, a byte order mark: the mapper's book. */
    @Test
    void readsEscapesAndAnyCharacterAsJacksonDoes() throws Exception {
        for (String line : List.of(
                "{\"title\": \"Caf\\u00e9 \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\n\\r\\t end\", \"id\": \"\\ud83d\\ude00\"}",
                "{\"title\": \"Günter, 日本語, 😀, \\u00E9\", \"author\": \"Zoë\", \"categories\": [\"a\\nb\", \"ü\"]}",
                "\uFEFF{\"title\": \"after a byte order mark\"}",
                " \t{ \"title\" : \"T\" , \"categories\" : [ \"x\" , \"y\" ] , \"author\" : null }\r",
                "{}",
                "{\"title\": \"a lone \\ud800 surrogate\", \"publication_date\": \" 1999-01-02 \"}")) {
            Book book = read(line);
            assertThat(book).as(line).isNotNull().isEqualTo(mappersBook(line));
        }
        assertThat(read("{\"title\": \"Caf\\u00e9 \\/ \\\"q\\\"\"}").title()).isEqualTo("Café / \"q\"");
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
        int rows = 0;
        for (String line : lines) {
            PlainBook read = plainBook(line);
            if (read == null) {
                continue;
            }
            plain++;
            assertThat(read.book()).as(line).isEqualTo(mappersBook(line));
            if (read.row() != null) {
                rows++;
                assertThat(read.row()).as(line).isEqualTo(BookRow.of(read.book()));
            }
        }
        assertThat(plain).as("plain lines among %d", lines.size()).isBetween(16_000, lines.size() - 3_000);
        assertThat(rows).as("rows copied from the line among %d plain lines", plain).isGreaterThan(plain * 9 / 10);
    }

    /** The book BookMapper makes of the line's JSON tree, which must have no problem and no field ignored. */
    private static Book mappersBook(String line) throws Exception {
        List<String> ignored = new ArrayList<>();
        // From the same bytes, as NdjsonReader does (a byte order mark is skipped by both).
        JsonNode tree = JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
        MappedRecord mapped = MAPPER.read(SourceRecord.read(0, 1, tree, tree), ignored);
        assertThat(mapped.problems()).as(line).isEmpty();
        assertThat(ignored).as(line).isEmpty();
        return new Book(mapped.id(), mapped.title(), mapped.author(), mapped.publicationDate(), mapped.categories());
    }

    /**
     * A book's row is copied from its line when its texts are the line's bytes, and equals the row
     * made from the book; a text escaped, an id stripped or missing: the row is the book's to make.
     */
    @Test
    void copiesTheRowFromTheLineOnlyWhenTheTextsAreItsBytes() {
        for (String line : List.of(
                "{\"id\": \"b-1\", \"title\": \"Dune\", \"author\": \"Frank Herbert\", "
                        + "\"publication_date\": \"1965-08-01T10:00:00+02:00\", \"categories\": [\"novel\", \"sf\", \"\"]}",
                "{\"categories\": [\"Günter\", \"日本語\", \"😀\"], \"author\": null, \"id\": \"Zoë\", \"title\": \" spaced \"}",
                "{\"id\": \"b-2\", \"title\": \"T\", \"categories\": []}",
                "{\"id\": \"b-3\", \"publication_date\": \"1999-01-\\u0030\\u0032\", \"categories\": null}")) {
            PlainBook read = plainBook(line);
            assertThat(read.row()).as(line).isNotNull().isEqualTo(BookRow.of(read.book()));
        }
        for (String line : List.of(
                "{\"id\": \" b-1 \", \"title\": \"stripped id\"}",
                "{\"title\": \"no id\"}",
                "{\"id\": \" \", \"title\": \"blank id\"}",
                "{\"id\": null, \"title\": \"null id\"}",
                "{\"id\": \"b-1\", \"title\": \"an \\\"escaped\\\" title\"}",
                "{\"id\": \"b-1\", \"categories\": [\"a\", \"\\u00e9\"]}",
                "{\"id\": \"b\\u002d1\"}")) {
            PlainBook read = plainBook(line);
            assertThat(read).as(line).isNotNull();
            assertThat(read.row()).as(line).isNull();
        }
    }

    private static Book read(String line) {
        PlainBook read = plainBook(line);
        return read == null ? null : read.book();
    }

    private static PlainBook plainBook(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return PlainBookJson.read(bytes, 0, bytes.length);
    }
}
