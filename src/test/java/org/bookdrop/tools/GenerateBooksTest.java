package org.bookdrop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bookdrop.book.Book;
import org.bookdrop.check.CheckedFile;
import org.bookdrop.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateBooksTest {

    @TempDir
    Path work;

    /** The benchmark's shop files are read with the same mapping the README's example shows. */
    @Test
    void the_shop_mapping_is_the_one_in_sample_data() throws Exception {
        assertThat(GenerateBooks.SHOP_MAPPING).isEqualTo(Files.readString(Path.of("sample-data", "shop.yaml")));
    }

    @Test
    void a_generated_feed_in_reference_and_in_short_tags_gives_the_same_books_deletions_and_rejects() throws Exception {
        CheckedFile reference = generated("feed.onix", GenerateBooks.Shape.BOOKDROP);
        CheckedFile shortTags = generated("feed.onix", GenerateBooks.Shape.SHORT_TAGS);

        assertThat(reference.books()).hasSizeGreaterThan(900).isEqualTo(shortTags.books());
        assertThat(reference.books()).extracting(Book::id).contains(OnixCatalogue.id(0), OnixCatalogue.id(999));
        assertThat(reference.deletions()).isNotEmpty().isEqualTo(shortTags.deletions());
        assertThat(reference.rejected()).isNotEmpty().isEqualTo(shortTags.rejected());
    }

    @Test
    void generated_marc_in_utf_8_and_in_marc_8_gives_the_same_books_and_rejects() throws Exception {
        CheckedFile utf8 = generated("catalogue.mrc", GenerateBooks.Shape.BOOKDROP);
        CheckedFile marc8 = generated("catalogue.mrc", GenerateBooks.Shape.MARC8);

        assertThat(utf8.books()).hasSizeGreaterThan(900).isEqualTo(marc8.books());
        assertThat(utf8.books()).extracting(Book::id).contains(MarcCatalogue.id(0), MarcCatalogue.id(999));
        assertThat(utf8.books()).filteredOn(book -> book.author().contains("Wisława")).isNotEmpty();
        assertThat(utf8.rejected()).isNotEmpty().hasSize(marc8.rejected().size());
    }

    /** The benchmark holds the ONIX feed against its own books as NDJSON: they must be the same books. */
    @Test
    void a_feeds_books_written_as_ndjson_are_read_back_as_the_same_books() throws Exception {
        Path feed = work.resolve("feed.onix");
        new GenerateBooks(42, 0, GenerateBooks.Shape.BOOKDROP).write(feed, 1000);
        Path ndjson = work.resolve("feed-books.ndjson");

        long written = BooksAsNdjson.write(feed, Mappings.bookdropShape(false), ndjson);

        CheckedFile fromFeed = CheckedFile.read(Mappings.bookdropShape(false), "feed.onix", Files.readAllBytes(feed));
        CheckedFile fromNdjson = CheckedFile.read(Mappings.bookdropShape(false), "feed-books.ndjson", Files.readAllBytes(ndjson));
        assertThat(written).isEqualTo(1000);
        assertThat(fromNdjson.rejected()).isEmpty();
        assertThat(fromNdjson.books()).hasSize(1000).isEqualTo(fromFeed.books());
        assertThat(fromNdjson.books()).filteredOn(book -> book.title().contains(": ")).isNotEmpty();
        assertThat(fromNdjson.books()).filteredOn(book -> book.categories().size() > 1).isNotEmpty();
    }

    /** A file whose records are not all books (a rejected one, a deletion notice) is refused: the books would not be the same rows. */
    @Test
    void a_feed_with_rejected_records_is_not_written_as_ndjson() throws Exception {
        Path feed = work.resolve("feed.onix");
        new GenerateBooks(42, 0.02, GenerateBooks.Shape.BOOKDROP).write(feed, 1000);

        assertThatThrownBy(() -> BooksAsNdjson.write(feed, Mappings.bookdropShape(false), work.resolve("feed-books.ndjson")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rejected or ask for a deletion");
    }

    private CheckedFile generated(String name, GenerateBooks.Shape shape) throws Exception {
        Path file = work.resolve(shape + "-" + name);
        new GenerateBooks(42, 0.02, shape).write(file, 1000);
        return CheckedFile.read(Mappings.bookdropShape(false), name, Files.readAllBytes(file));
    }
}
