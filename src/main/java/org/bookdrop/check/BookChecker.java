package org.bookdrop.check;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.book.Book;
import org.bookdrop.book.BookId;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.report.FileImport;

/**
 * The check stage: reads and validates each record of a batch, passes the valid books on, and
 * reports every rejected record with its position and reasons.
 */
public final class BookChecker {

    private final BookMapper mapper;
    private final BookValidator validator;

    public BookChecker(BookMapper mapper, BookValidator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public List<CheckedBook> check(List<SourceRecord> batch, @ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        List<CheckedBook> books = new ArrayList<>(batch.size());
        List<String> ignored = new ArrayList<>();
        for (SourceRecord record : batch) {
            List<Problem> problems = new ArrayList<>();
            Book book = checked(record, problems, ignored);
            if (book != null) {
                books.add(new CheckedBook(record, book));
            } else {
                fileImport.reject(new Rejection(fileImport.fileName(), record, List.copyOf(problems)));
            }
        }
        fileImport.read(batch.size());
        fileImport.ignoredFields(ignored);
        return books;
    }

    private Book checked(SourceRecord record, List<Problem> problems, List<String> ignored) {
        if (record.unreadable() != null) {
            problems.add(new Problem("record", record.unreadable()));
            return null;
        }
        Book book = record.plainBook() != null ? record.plainBook() : mapper.toBook(record.fields(), problems, ignored);
        if (book == null) {
            return null;
        }
        problems.addAll(validator.problems(book));
        if (!problems.isEmpty()) {
            return null;
        }
        return book.id() == null ? book.withId(BookId.derive(book)) : book;
    }
}
