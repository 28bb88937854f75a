package org.bookdrop.check;

import org.bookdrop.book.Book;
import org.bookdrop.read.SourceRecord;

/**
 * A book that passed the checks, with the record it came from, so that a row the database
 * refuses can still be reported where the user will find it, as the file holds it.
 */
public record CheckedBook(SourceRecord source, Book book) {
}
