package org.bookdrop.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.book.Book;
import org.bookdrop.book.BookId;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.report.FileImport;

/**
 * The check stage: reads and validates each record of a batch, passes the valid books on, and
 * reports every rejected record with its position and reasons.
 *
 * <p>The records of a batch are checked in parallel (on the common fork-join pool, one thread per
 * core), each on its own; then their outcomes are taken in the file's order, so the books, the
 * rejects file and the counts are the same as if the batch had been checked on one thread.
 */
public final class BookChecker {

    /** Records checked by one task: small enough to spread a batch over the cores, big enough to be worth a task. */
    private static final int RECORDS_PER_TASK = 500;

    private final BookMapper mapper;
    private final BookValidator validator;

    public BookChecker(BookMapper mapper, BookValidator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** What the check found in one record: its book, or what is wrong with it; and fields it ignored. */
    private record Outcome(Book book, List<Problem> problems, List<String> ignored) {
    }

    public List<CheckedBook> check(List<SourceRecord> batch, @ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        Outcome[] outcomes = new Outcome[batch.size()];
        int tasks = (batch.size() + RECORDS_PER_TASK - 1) / RECORDS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int end = Math.min(batch.size(), (task + 1) * RECORDS_PER_TASK);
            for (int i = task * RECORDS_PER_TASK; i < end; i++) {
                outcomes[i] = checked(batch.get(i));
            }
        });
        List<CheckedBook> books = new ArrayList<>(batch.size());
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            Outcome outcome = outcomes[i];
            if (outcome.book() != null) {
                books.add(new CheckedBook(batch.get(i), outcome.book()));
            } else {
                fileImport.reject(new Rejection(fileImport.fileName(), batch.get(i), outcome.problems()));
            }
            ignored.addAll(outcome.ignored());
        }
        fileImport.read(batch.size());
        fileImport.ignoredFields(ignored);
        return books;
    }

    private Outcome checked(SourceRecord record) {
        if (record.unreadable() != null) {
            return new Outcome(null, List.of(new Problem("record", record.unreadable())), List.of());
        }
        Book plain = record.plainBook();
        List<Problem> problems = new ArrayList<>();
        List<String> ignored = plain != null ? List.of() : new ArrayList<>();
        Book book = plain != null ? plain : mapper.toBook(record.fields(), problems, ignored);
        if (book != null) {
            problems.addAll(validator.problems(book));
        }
        if (book == null || !problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems), ignored);
        }
        return new Outcome(book.id() == null ? book.withId(BookId.derive(book)) : book, List.of(), ignored);
    }
}
