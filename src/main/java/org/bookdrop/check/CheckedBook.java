package org.bookdrop.check;

import java.util.List;

import org.bookdrop.book.Book;
import org.bookdrop.book.BookRow;
import org.bookdrop.read.SourceRecord;

/**
 * A book that passed the checks, with the record it came from, so that a row the database
 * refuses can still be reported where the user will find it, as the file holds it, and with its
 * row as the load stage sends it. Or, with {@code deletion}, a record asking for the row of its id
 * to be deleted (an ONIX Product with NotificationType 05): it has the id only, and no row.
 *
 * <p>It keeps the book's id and row, not the book: a batch waiting for a writer holds each book
 * once, in the bytes the writer sends, and the heap's young collections, which copy every batch
 * in flight, copy a third less. The book is read back from its row when it is wanted (to write a
 * refused batch row by row).
 */
public record CheckedBook(SourceRecord source, String id, boolean deletion, BookRow row) {

    public static CheckedBook of(SourceRecord source, Book book, BookRow row) {
        // Made on the thread that checked the book, while the id's bytes are in its core's cache:
        // the String keeps its hash, which the load stage looks the id up by next (BatchIds).
        book.id().hashCode();
        return new CheckedBook(source, book.id(), false, row);
    }

    public static CheckedBook deletion(SourceRecord source, String id) {
        return new CheckedBook(source, id, true, null);
    }

    /** The book as its row holds it; for a deletion request, its id only. */
    public Book book() {
        return row == null ? new Book(id, null, null, null, List.of()) : row.book();
    }
}
