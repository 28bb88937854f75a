package org.bookdrop.check;

import org.bookdrop.book.Book;
import org.bookdrop.book.BookRow;
import org.bookdrop.read.SourceRecord;

/**
 * A book that passed the checks, with the record it came from, so that a row the database
 * refuses can still be reported where the user will find it, as the file holds it, and with its
 * row as the load stage sends it. Or, with {@code deletion}, a record asking for the row of its id
 * to be deleted (an ONIX Product with NotificationType 05): its book has the id only, and it has
 * no row.
 */
public record CheckedBook(SourceRecord source, Book book, boolean deletion, BookRow row) {

    public static CheckedBook of(SourceRecord source, Book book, BookRow row) {
        return new CheckedBook(source, book, false, row);
    }

    public static CheckedBook deletion(SourceRecord source, Book idOnly) {
        return new CheckedBook(source, idOnly, true, null);
    }
}
