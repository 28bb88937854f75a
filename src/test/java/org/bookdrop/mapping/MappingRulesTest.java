package org.bookdrop.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.bookdrop.book.Book;
import org.bookdrop.check.CheckedFile;
import org.bookdrop.read.UnreadableFileException;
import org.junit.jupiter.api.Test;

/** Each rule of a mapping, through the reader and the check, as an import runs them. */
class MappingRulesTest {

    @Test
    void a_csv_column_by_name_and_the_first_source_with_a_value() {
        Result result = read("""
                fields:
                  title: Title
                  author: [Author, Writer]
                """, "books.csv", "Title,Author,Writer\nDune,,Frank Herbert\nEmma,Jane Austen,Someone\n");

        assertThat(result.books()).extracting(Book::title, Book::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dune", "Frank Herbert"),
                        org.assertj.core.groups.Tuple.tuple("Emma", "Jane Austen"));
    }

    @Test
    void a_nested_json_field_by_json_pointer_lists_and_filters() {
        Result result = read("""
                fields:
                  id:
                    from: /identifiers/isbn_13/0
                    isbn: true
                  title: /title
                  author:
                    from: /authors/*/name
                    join: ", "
                  categories:
                    from: /subjects[scheme=BISAC]/code
                """, "books.ndjson", """
                {"identifiers": {"isbn_13": ["978-0-439-02348-1", "x"]}, "title": "The Hunger Games", "authors": [{"name": "Suzanne Collins"}, {"name": "A. N. Other"}], "subjects": [{"scheme": "BISAC", "code": "YAF019010"}, {"scheme": "Thema", "code": "YFD"}]}
                """);

        assertThat(result.books()).singleElement().satisfies(book -> {
            assertThat(book.id()).isEqualTo("9780439023481");
            assertThat(book.author()).isEqualTo("Suzanne Collins, A. N. Other");
            assertThat(book.categories()).containsExactly("YAF019010");
        });
    }

    @Test
    void text_is_trimmed_and_collapsed_and_values_meaning_absent_are_absent() {
        Result result = read("""
                absent: ["N/A", "-"]
                fields:
                  title: Title
                  author: Author
                  publication_date:
                    from: Year
                    patterns: [yyyy]
                """, "books.csv", "Title,Author,Year\n\"  The   Hunger\tGames \",Suzanne Collins,n/a\nT2,-,-\n");

        assertThat(result.books()).singleElement().satisfies(book -> {
            assertThat(book.title()).isEqualTo("The Hunger Games");
            assertThat(book.publicationDate()).isNull();
        });
        assertThat(result.rejected()).containsExactly("line 3: Author -> author: must not be blank");
    }

    @Test
    void categories_from_a_list_from_text_split_on_a_separator_and_from_several_fields() {
        Result fromText = read("""
                fields:
                  title: Title
                  author: Author
                  categories:
                    from: [Shelves, Genre]
                    split: ";"
                """, "books.csv", "Title,Author,Shelves,Genre\nT,A,fiction; classics ;fiction,drama\n");

        assertThat(fromText.books()).singleElement().extracting(Book::categories)
                .isEqualTo(List.of("fiction", "classics", "drama"));

        Result fromList = read("""
                fields:
                  title: /title
                  author: /author
                  categories: /subjects
                """, "books.json", "[{\"title\": \"T\", \"author\": \"A\", \"subjects\": [\"Dystopias\", \"Survival\"]}]");
        assertThat(fromList.books()).singleElement().extracting(Book::categories).isEqualTo(List.of("Dystopias", "Survival"));
    }

    @Test
    void an_author_from_a_list_joined_or_the_first_and_last_first_turned_around() {
        String json = "{\"title\": \"T\", \"authors\": [\"Pratchett, Terry\", \"Gaiman, Neil\"]}\n";
        assertThat(read("fields:\n  title: title\n  author:\n    from: authors\n    join: ' & '\n    invert_name: true\n",
                "b.ndjson", json).books()).singleElement().extracting(Book::author).isEqualTo("Terry Pratchett & Neil Gaiman");
        assertThat(read("fields:\n  title: title\n  author:\n    from: authors\n    join: first\n", "b.ndjson", json).books())
                .singleElement().extracting(Book::author).isEqualTo("Pratchett, Terry");
        assertThat(read("fields:\n  title: title\n  author: authors\n", "b.ndjson", json).rejected())
                .containsExactly("line 1: authors -> author: must be text, found an array");
    }

    @Test
    void a_date_by_the_declared_patterns_and_a_date_none_reads_rejected_with_the_patterns_tried() {
        Result result = read("""
                fields:
                  title: Title
                  author: Author
                  publication_date:
                    from: Original Publication Year
                    patterns: [yyyy, yyyy.0]
                """, "books.csv", "Title,Author,Original Publication Year\nA,B,2008.0\nC,D,20o8\n");

        assertThat(result.books()).singleElement().extracting(Book::publicationDate).isEqualTo(LocalDateTime.of(2008, 1, 1, 0, 0));
        assertThat(result.rejected()).containsExactly(
                "line 3: Original Publication Year -> publication_date: '20o8' matches none of yyyy, yyyy.0");
    }

    @Test
    void an_id_from_a_field_a_template_or_an_isbn_and_none_gives_the_content_derived_id() {
        assertThat(read("fields:\n  id: Book Id\n  title: Title\n  author: Author\n", "b.csv", "Book Id,Title,Author\n42,T,A\n")
                .books()).singleElement().extracting(Book::id).isEqualTo("42");
        assertThat(read("fields:\n  id:\n    template: goodreads-{Book Id}\n  title: Title\n  author: Author\n", "b.csv",
                "Book Id,Title,Author\n42,T,A\n").books()).singleElement().extracting(Book::id).isEqualTo("goodreads-42");
        assertThat(read("fields:\n  title: Title\n  author: Author\n", "b.csv", "Title,Author\nT,A\n").books())
                .singleElement().extracting(Book::id).asString().matches("[0-9a-f]{32}");
    }

    @Test
    void an_isbn_that_is_wrong_rejects_the_record_unless_the_mapping_falls_back_to_the_next_source() {
        String csv = "ISBN13,ISBN,Book Id,Title,Author\n=\"9780439023482\",=\"0439023483\",7,T,A\n"
                + "9.78043902348e+12,=\"\",8,U,A\n=\"\",=\"\",9,V,A\n";
        Result strict = read("fields:\n  id:\n    from: [ISBN13, ISBN, template: 'gr-{Book Id}']\n    isbn: true\n"
                + "  title: Title\n  author: Author\n", "b.csv", csv);
        assertThat(strict.rejected()).containsExactly(
                "line 2: ISBN13 -> id: '9780439023482' has a wrong check digit: an ISBN-13 starting 978043902348 ends in 1",
                "line 3: ISBN13 -> id: '9.78043902348e+12' is a number in scientific notation, which lost the ISBN's last digits (store the column as text)");
        assertThat(strict.books()).extracting(Book::id).containsExactly("gr-9");

        Result lenient = read("fields:\n  id:\n    from: [ISBN13, ISBN, template: 'gr-{Book Id}']\n    isbn: true\n"
                + "    invalid: next\n  title: Title\n  author: Author\n", "b.csv", csv);
        assertThat(lenient.books()).extracting(Book::id).containsExactly("9780439023481", "gr-8", "gr-9");
    }

    @Test
    void a_file_in_windows_1252_or_iso_8859_1_and_a_byte_not_valid_in_it_rejects_its_record() {
        String yaml = "encoding: windows-1252\nfields:\n  title: Title\n  author: Author\n";
        byte[] content = bytes("Title,Author\nCaf\u00e9 \u2013 Society,B\u00f6ll\nBad\u0081Byte,X\nLast,Y\n", "windows-1252");
        // 0x81 has no character in windows-1252.
        content = replace(content, (byte) '?', (byte) 0x81);
        Result result = read(yaml, "b.csv", content);
        assertThat(result.books()).extracting(Book::title).containsExactly("Caf\u00e9 \u2013 Society", "Last");
        assertThat(result.rejected()).containsExactly(
                "line 3: record: has bytes that are not valid windows-1252 at line 3, column 4 (0x81); fix them, or say the file's encoding in its mapping");

        Result latin = read("encoding: ISO-8859-1\nfields:\n  title: title\n  author: author\n", "b.ndjson",
                bytes("{\"title\": \"\u00c9mile\", \"author\": \"Rousseau\"}\n", "ISO-8859-1"));
        assertThat(latin.books()).singleElement().extracting(Book::title).isEqualTo("\u00c9mile");
    }

    @Test
    void a_file_in_utf_16_with_its_byte_order_mark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes("Title\tPrimary Author\nL\u00e9on\tTolsto\u00ef, L\u00e9on\n".getBytes(StandardCharsets.UTF_16LE));
        Result result = read("encoding: detect\ncsv:\n  delimiter: tab\nfields:\n  title: Title\n  author:\n"
                + "    from: Primary Author\n    invert_name: true\n", "export.tsv", out.toByteArray(), "csv");

        assertThat(result.books()).singleElement().extracting(Book::title, Book::author)
                .containsExactly("L\u00e9on", "L\u00e9on Tolsto\u00ef");
    }

    @Test
    void a_csv_dialect_of_its_own_and_columns_by_position_without_a_header_row() {
        Result result = read("csv:\n  delimiter: ';'\n  quote: \"'\"\n  header: false\nfields:\n  title: '#2'\n  author: '#1'\n",
                "b.csv", "Austen;'Emma; or, a novel'\nHerbert;Dune\n");

        assertThat(result.books()).extracting(Book::title).containsExactly("Emma; or, a novel", "Dune");
    }

    @Test
    void a_header_without_the_columns_a_book_needs_fails_the_file_naming_them() {
        assertThatThrownBy(() -> read("fields:\n  title: Title\n  author: Author\n", "b.csv", "Name,Writer\nx,y\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("the CSV header row has no Title or Author column (it has: Name, Writer; delimiter ',')");
    }

    @Test
    void a_constraint_broken_names_the_source_and_the_field() {
        Result result = read("fields:\n  title: Name\n  author: Writer\n  categories:\n    from: Shelves\n    split: '|'\n"
                + "    trim: false\n", "b.csv", "Name,Writer,Shelves\nT,A,ok|" + "x".repeat(201) + "\n");

        assertThat(result.rejected()).singleElement().asString()
                .startsWith("line 2: Shelves -> categories[1]: size must be between 0 and 200")
                .satisfies(text -> assertThat(text).doesNotContain("Name ->"));
    }

    @Test
    void each_element_gives_the_first_of_its_sources_sorted_with_the_marked_one_first_and_lookups_name_codes() {
        Result result = read("""
                lookups:
                  schemes: {"10": BISAC, "93": Thema}
                fields:
                  title: /title
                  author:
                    from:
                      each: "/people[role=A01]"
                      sort_by: seq
                      first_of: [name, template: "{first} {last}"]
                    join: ", "
                  categories:
                    from:
                      each: /subjects
                      first_with: main
                      first_of: [text, template: "{scheme@schemes}:{code}"]
                """, "b.ndjson", """
                {"title": "Good Omens", "people": [{"role": "A01", "seq": "2", "name": "Neil Gaiman"}, {"role": "B01", "seq": "3", "name": "Ed"}, {"role": "A01", "seq": "1", "first": "Terry", "last": "Pratchett"}], "subjects": [{"scheme": "10", "code": "FIC009000"}, {"scheme": "93", "code": "FMB", "main": {}}, {"text": "Comic fantasy"}]}
                """);

        assertThat(result.rejected()).isEmpty();
        assertThat(result.books()).singleElement().satisfies(book -> {
            assertThat(book.author()).isEqualTo("Terry Pratchett, Neil Gaiman");
            assertThat(book.categories()).containsExactly("Thema:FMB", "BISAC:FIC009000", "Comic fantasy");
        });
    }

    @Test
    void text_is_stored_composed_so_that_a_search_for_an_accented_letter_finds_it() {
        Result result = read("fields:\n  title: Title\n  author: Author\n", "b.csv",
                "Title,Author\nL'e\u0301tranger,Albert Camus\n");

        assertThat(result.books()).extracting(Book::title).containsExactly("L'\u00e9tranger");
    }

    private record Result(List<Book> books, List<String> rejected) {
    }

    private static Result read(String yaml, String fileName, String content) {
        return read(yaml, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Result read(String yaml, String fileName, byte[] content) {
        return read(yaml, fileName, content, null);
    }

    private static Result read(String yaml, String fileName, byte[] content, String format) {
        Mapping mapping = MappingFile.parse("test.yaml", "test", (format == null ? "" : "format: " + format + "\n") + yaml);
        CheckedFile file = CheckedFile.read(mapping, fileName, content);
        return new Result(file.books(), file.rejected());
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    private static byte[] replace(byte[] bytes, byte from, byte to) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == from) {
                copy[i] = to;
            }
        }
        return copy;
    }
}
