package org.bookdrop.check;

import org.bookdrop.book.Book;

/**
 * A book that passed the checks, with its position in the file so that a row the database
 * refuses can still be reported where the user will find it.
 */
public record CheckedBook(String position, Book book) {
}
