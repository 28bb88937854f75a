package org.bookdrop.read;

import org.bookdrop.book.Book;
import org.bookdrop.book.BookRow;

/**
 * A line of a book's plain shape read straight into its book ({@link PlainBookJson}), with the
 * book's row copied from the line's bytes when the book's texts are exactly those bytes.
 *
 * @param row null when the row must be made from the book (a text was escaped, or the id was
 *            stripped or is to be derived)
 */
public record PlainBook(Book book, BookRow row) {
}
