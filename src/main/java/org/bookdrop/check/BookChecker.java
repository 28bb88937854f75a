package org.bookdrop.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.book.Book;
import org.bookdrop.book.BookId;
import org.bookdrop.book.BookRow;
import org.bookdrop.mapping.BookField;
import org.bookdrop.mapping.MappedRecord;
import org.bookdrop.read.PlainBook;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.report.FileImport;

/**
 * The check stage: reads and validates each record of a batch, passes the valid books on, and
 * reports every rejected record with its position and reasons.
 *
 * <p>The records of a batch are checked in parallel (on the common fork-join pool, one thread per
 * core), each on its own, and each valid book made ready for the writers on the thread that checked
 * it; then the books and the rejected records are taken in the file's order, so the books, the
 * rejects file and the counts are the same as if the batch had been checked on one thread.
 */
public final class BookChecker {

    /** Records checked by one task: small enough to spread a batch over the cores, big enough to be worth a task. */
    private static final int RECORDS_PER_TASK = 500;

    private final BookValidator validator;

    public BookChecker(BookValidator validator) {
        this.validator = validator;
    }

    /**
     * What the check found in one record: its book, or what is wrong with it; the fields it
     * ignored; and which book fields had a value (bits by {@link BookField} ordinal).
     */
    private record Outcome(Book book, List<Problem> problems, List<String> ignored, int found, boolean deletion, BookRow row) {

        Outcome(Book book, List<Problem> problems, List<String> ignored, int found) {
            this(book, problems, ignored, found, false, null);
        }
    }

    public List<CheckedBook> check(List<SourceRecord> batch, @ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        BookMapper mapper = fileImport.mapper();
        // Each record's checked book, or what is wrong with it, where the record stands in the batch.
        CheckedBook[] books = new CheckedBook[batch.size()];
        Outcome[] rejected = new Outcome[batch.size()];
        Tally[] tallies = new Tally[(batch.size() + RECORDS_PER_TASK - 1) / RECORDS_PER_TASK];
        IntStream.range(0, tallies.length).parallel().forEach(task -> {
            // A record's outcome is taken while it is in this core's cache: the file's order only
            // matters to the rejects, and the counts are added up per task.
            Tally tally = new Tally();
            int end = Math.min(batch.size(), (task + 1) * RECORDS_PER_TASK);
            for (int i = task * RECORDS_PER_TASK; i < end; i++) {
                SourceRecord record = batch.get(i);
                Outcome outcome = checked(record, mapper);
                tally.add(outcome);
                if (outcome.deletion()) {
                    fileImport.deletionRequested();
                    record.checked();
                    books[i] = CheckedBook.deletion(record, outcome.book().id());
                } else if (outcome.book() != null) {
                    record.checked();
                    books[i] = CheckedBook.of(record, outcome.book(), outcome.row());
                } else {
                    rejected[i] = outcome;
                }
            }
            tallies[task] = tally;
        });
        List<CheckedBook> checked = new ArrayList<>(batch.size());
        for (int i = 0; i < books.length; i++) {
            if (books[i] != null) {
                checked.add(books[i]);
            } else {
                fileImport.reject(new Rejection(fileImport.fileName(), batch.get(i), rejected[i].problems()));
            }
        }
        Map<String, Long> ignored = new HashMap<>();
        long[] found = new long[BookField.values().length];
        for (Tally tally : tallies) {
            tally.ignored.forEach((name, count) -> ignored.merge(name, count, Long::sum));
            for (int field = 0; field < found.length; field++) {
                found[field] += tally.found[field];
            }
        }
        mapper.mapping().drainOtherColumns().forEach((name, count) -> ignored.merge(name, count, Long::sum));
        fileImport.valuesFound(found);
        fileImport.read(batch.size());
        fileImport.ignoredFields(ignored);
        return checked;
    }

    /** The fields ignored and the book fields found in the records one task checked. */
    private static final class Tally {
        private final Map<String, Long> ignored = new HashMap<>();
        private final long[] found = new long[BookField.values().length];

        void add(Outcome outcome) {
            for (String name : outcome.ignored()) {
                ignored.merge(name, 1L, Long::sum);
            }
            for (int field = 0; field < found.length; field++) {
                if ((outcome.found() & 1 << field) != 0) {
                    found[field]++;
                }
            }
        }
    }

    private Outcome checked(SourceRecord record, BookMapper mapper) {
        // First, before anything asks for the record's fields: a line of a book's plain shape is read
        // straight into the book, and never as a JSON tree.
        PlainBook plain = mapper.readsPlainLines() ? record.plainBook() : null;
        if (plain != null) {
            return validated(plain.book(), plain.row(), null, List.of());
        }
        if (record.unreadable() != null) {
            return new Outcome(null, List.of(new Problem("record", record.unreadable())), List.of(), 0);
        }
        List<String> ignored = new ArrayList<>();
        MappedRecord mapped = mapper.read(record, ignored);
        Book book = new Book(mapped.id(), mapped.title(), mapped.author(), mapped.publicationDate(), mapped.categories());
        if (record.deletion()) {
            // A deletion request needs its id, and nothing else of a book.
            if (mapped.id() == null) {
                List<Problem> problems = new ArrayList<>(mapped.problems().stream()
                        .filter(problem -> problem.field().endsWith(BookField.ID.key())).toList());
                problems.add(new Problem(mapped.describe(BookField.ID), "a deletion request (NotificationType 05) without an id"));
                return new Outcome(null, problems, ignored, 0);
            }
            return new Outcome(new Book(mapped.id(), null, null, null, List.of()), List.of(), ignored, 0, true, null);
        }
        if (!mapped.problems().isEmpty()) {
            return new Outcome(null, List.copyOf(mapped.problems()), ignored, found(book));
        }
        return validated(book, null, mapped, ignored);
    }

    /**
     * The book, or the constraints it breaks, named as the mapping reads their fields.
     *
     * @param row the book's row when it was made as the book was read, else null
     */
    private Outcome validated(Book book, BookRow row, MappedRecord mapped, List<String> ignored) {
        List<Problem> problems = validator.problems(book);
        if (!problems.isEmpty()) {
            return new Outcome(null, mapped == null ? problems : problems.stream().map(problem -> named(problem, mapped)).toList(),
                    ignored, found(book));
        }
        Book valid = book.id() == null ? book.withId(BookId.derive(book)) : book;
        // Its row is made here, on the thread that has just read the book, while its texts are in the cache
        // (unless it came with the book, and the book kept its id).
        return new Outcome(valid, List.of(), ignored, found(book), false, row != null && valid == book ? row : BookRow.of(valid));
    }

    /** Which of the book's fields have a value, as bits by {@link BookField} ordinal (before an id is derived). */
    private static int found(Book book) {
        int found = 0;
        found |= book.id() != null ? 1 << BookField.ID.ordinal() : 0;
        found |= book.title() != null ? 1 << BookField.TITLE.ordinal() : 0;
        found |= book.author() != null ? 1 << BookField.AUTHOR.ordinal() : 0;
        found |= book.publicationDate() != null ? 1 << BookField.PUBLICATION_DATE.ordinal() : 0;
        found |= book.categories() != null && !book.categories().isEmpty() ? 1 << BookField.CATEGORIES.ordinal() : 0;
        return found;
    }

    /** {@code author: must not be blank} becomes {@code Author -> author: ...} when the mapping reads author from Author. */
    private static Problem named(Problem problem, MappedRecord mapped) {
        String field = problem.field();
        int bracket = field.indexOf('[');
        String key = bracket < 0 ? field : field.substring(0, bracket);
        return BookField.of(key)
                .map(bookField -> new Problem(mapped.describe(bookField) + field.substring(key.length()), problem.reason()))
                .orElse(problem);
    }
}
