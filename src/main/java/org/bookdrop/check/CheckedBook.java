package org.bookdrop.check;

import org.bookdrop.book.Book;
import org.bookdrop.read.SourceRecord;

/**
 * A book that passed the checks, with the record it came from, so that a row the database
 * refuses can still be reported where the user will find it, as the file holds it. Or, with
 * {@code deletion}, a record asking for the row of its id to be deleted (an ONIX Product with
 * NotificationType 05): its book has the id only.
 */
public record CheckedBook(SourceRecord source, Book book, boolean deletion) {

    public CheckedBook(SourceRecord source, Book book) {
        this(source, book, false);
    }
}
