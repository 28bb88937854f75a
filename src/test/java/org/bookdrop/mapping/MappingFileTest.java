package org.bookdrop.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mapping file with a mistake is one error naming the file, the line and the mistake. */
class MappingFileTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown option|fields:\\n  title:\\n    from: Title\\n    patern: yyyy\\n  author: Author|line 4: unknown option 'patern' in title (known: from, template,",
            "an unknown book field|fields:\\n  title: Title\\n  author: Author\\n  isbn: ISBN|line 4: 'isbn' is not a field of a book; the books table has id, title, author, publication_date, categories",
            "a bad date pattern|fields:\\n  title: Title\\n  author: Author\\n  publication_date:\\n    from: Year\\n    patterns: [yyyy, MM/dd]|line 6: date pattern 'MM/dd' has no year",
            "an option for another field|fields:\\n  title:\\n    from: Title\\n    isbn: true\\n  author: Author|line 4: option 'isbn' is for id only",
            "no author|fields:\\n  title: Title|line 2: no source for author: every book needs one",
            "a bad encoding|encoding: klingon\\nfields:\\n  title: Title\\n  author: Author|line 1: 'klingon' is not an encoding this Java knows",
            "a bad value|other_fields: maybe\\nfields:\\n  title: Title\\n  author: Author|line 1: 'maybe' is not one of ignore, count, reject",
            "a bad template|fields:\\n  title:\\n    template: 'goodreads-{Book Id'\\n  author: Author|line 3: template 'goodreads-{Book Id' opens a brace it does not close",
            "a bad regular expression|fields:\\n  title: Title\\n  author:\\n    from: By\\n    remove: ['(by']|line 5: '(by' is not a regular expression",
            "a delimiter of two characters|csv:\\n  delimiter: ';;'\\nfields:\\n  title: Title\\n  author: Author|line 2: a delimiter is one character, or tab",
            "not YAML|fields: [title: |not valid YAML"})
    void names_the_file_the_line_and_the_mistake(String what, String yaml, String message) throws Exception {
        Path file = folder.resolve("mine.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> MappingFile.load(file)).as(what)
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    void reads_a_short_mapping_with_its_defaults() throws Exception {
        Path file = folder.resolve("shop.yaml");
        Files.writeString(file, """
                folder: shop
                fields:
                  title: Title
                  author: [Author, Writer]
                """);

        Mapping mapping = MappingFile.load(file);

        assertThat(mapping.name()).isEqualTo("shop");
        assertThat(mapping.folder()).isEqualTo("shop");
        assertThat(mapping.fields().get(BookField.AUTHOR).sources()).extracting(FieldRule.SourceSpec::label)
                .containsExactly("Author", "Writer");
        assertThat(mapping.fields().get(BookField.TITLE).trim()).isTrue();
        assertThat(mapping.takes("shop/export.csv")).isTrue();
        assertThat(mapping.takes("export.csv")).isFalse();
        assertThat(mapping.takes("other/export.csv")).isFalse();
    }

    @Test
    void every_shipped_mapping_compiles() {
        assertThat(Mappings.load(folder.resolve("none"), false).all()).extracting(Mapping::name)
                .containsExactly("bookdrop", "goodreads", "librarything", "openlibrary-editions", "marc21", "onix");
    }

    @Test
    void a_users_mapping_replaces_a_shipped_one_of_its_name_and_two_mappings_cannot_share_a_folder() throws Exception {
        Files.writeString(folder.resolve("goodreads.yaml"), "folder: gr\nfields:\n  title: Name\n  author: Writer\n");
        Mappings mappings = Mappings.load(folder, false);
        assertThat(mappings.forFile("gr/export.csv").origin()).isEqualTo(folder.resolve("goodreads.yaml").toString());
        assertThat(mappings.forFile("goodreads/export.csv").name()).as("the shipped one is replaced").isEqualTo("bookdrop");

        Files.writeString(folder.resolve("other.yaml"), "folder: gr\nfields:\n  title: Name\n  author: Writer\n");
        assertThatThrownBy(() -> Mappings.load(folder, false)).isInstanceOf(MappingException.class)
                .hasMessageContaining("both take every file of the inbox folder gr");
    }
}
