package org.bookdrop.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BookRowTest {

    /** A checked book keeps its row only; the book read back from it is the book (its date to the millisecond the table keeps). */
    @Test
    void gives_back_the_book_it_was_made_of() {
        List<Book> books = List.of(
                new Book("b-1", "Dune", "Frank Herbert", LocalDateTime.of(1965, 8, 1, 0, 0), List.of("Fiction", "Science — fiction")),
                new Book("b-2", "Ünïcode \"quoted\" back\\slash 😀", null, null, List.of()),
                new Book("b-3", "Old", "Anon", LocalDateTime.of(1066, 10, 14, 9, 30, 15, 250_000_000), List.of("History")),
                new Book("b-4", "", " ", LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000), List.of("a", "b", "c")),
                new Book(null, null, null, null, List.of("only")));
        for (Book book : books) {
            assertThat(BookRow.of(book).book()).isEqualTo(book);
        }
        assertThat(BookRow.of(new Book("b-5", "T", "A", LocalDateTime.of(2001, 1, 1, 0, 0, 0, 123_456_789), List.of()))
                .book().publicationDate()).isEqualTo(LocalDateTime.of(2001, 1, 1, 0, 0, 0, 123_000_000));
    }
}
