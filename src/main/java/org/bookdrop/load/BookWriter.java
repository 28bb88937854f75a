package org.bookdrop.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.book.Book;
import org.bookdrop.book.BookRow;
import org.bookdrop.check.CheckedBook;
import org.bookdrop.check.Problem;
import org.bookdrop.check.Rejection;
import org.bookdrop.report.FileImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load stage. Each batch is upserted in one set-based statement (the fastest way into CrateDB,
 * see shared/CRATEDB.md) on one of several writer threads, while the route reads the next batch;
 * when every writer is busy and one batch waits, the route waits too, so memory stays bounded.
 *
 * <p>Every row is accounted for. When the database writes fewer rows than it was sent, or refuses
 * the statement, the batch is written again row by row: the upsert makes that safe, and each row
 * that fails then comes back with the server's own reason. The ids written are kept (on disk) for
 * {@link BookTable#verifyAfter} to count and look up after the refresh. A failure the database may
 * get over (a restart, a lost node) is retried with backoff; only when it lasts does the file fail.
 *
 * <p>A record whose id comes again later in the file is superseded: the later one wins, as if the
 * file were read in order. Within a batch only the last is sent. A batch holding an id of a batch
 * still being written waits until the batches in flight are done; a batch already written needs no
 * care, as the later upsert simply replaces its row. So only the ids in flight are remembered, never
 * all the ids of the file.
 *
 * <p>A record asking for its row to be deleted (an ONIX Product with NotificationType 05) takes
 * its place in that order too when deletions are applied: the batch's rows of such ids are deleted
 * in one statement beside its upsert. When they are not applied, such records are only counted.
 */
public final class BookWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BookWriter.class);

    private final DataSource dataSource;
    private final Retry retry;
    private final String upsertMany;
    private final String upsertOne;
    private final String deleteMany;
    private final boolean applyDeletions;
    private final ExecutorService writers;
    /** One permit per writer, and one for a batch waiting for a writer. */
    private final Semaphore slots;

    /** @param applyDeletions whether a record asking for its row to be deleted deletes it (BOOKDROP_APPLY_DELETIONS) */
    public BookWriter(DataSource dataSource, Dialect dialect, TableName table, int writerCount, Retry retry,
                      boolean applyDeletions) {
        this.dataSource = dataSource;
        this.retry = retry;
        this.applyDeletions = applyDeletions;
        this.deleteMany = "DELETE FROM " + table.quoted() + " WHERE id = ANY(?)";
        String insert = "INSERT INTO " + table.quoted() + " (id, title, author, publication_date, categories) ";
        String onConflict = " ON CONFLICT (id) DO UPDATE SET title = excluded.title, author = excluded.author, "
                + "publication_date = excluded.publication_date, categories = excluded.categories";
        // The dates travel as milliseconds since the epoch (UTC): the server reads a number far
        // faster than it parses a date's text (a fifth more rows a second into CrateDB, measured).
        this.upsertMany = insert
                + "SELECT u.id, u.title, u.author, " + dialect.timestampFromEpochMillis("u.publication_date")
                + ", string_to_array(u.categories, ?) "
                + "FROM UNNEST(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[]) "
                + "AS u(id, title, author, publication_date, categories)" + onConflict;
        this.upsertOne = insert + "VALUES (?, ?, ?, ?, ?)" + onConflict;
        AtomicInteger threadNumber = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(writerCount, task -> {
            Thread thread = new Thread(task, "bookdrop-writer-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(writerCount + 1);
    }

    /** Hands a batch to a writer thread, waiting while all are busy and a batch already waits. */
    public void write(List<CheckedBook> batch, @ExchangeProperty(FileImport.PROPERTY) FileImport fileImport)
            throws Exception {
        FileWrites writes = fileImport.writes();
        writes.throwIfFailed();
        fileImport.applyingDeletions(applyDeletions);
        // Within one statement an id may appear only once; as in the file, the last one wins. A
        // deletion request takes part only when deletions are applied: otherwise it must not
        // supersede the book before it.
        List<CheckedBook> sent = applyDeletions ? batch : batch.stream().filter(book -> !book.deletion()).toList();
        BatchIds ids = BatchIds.of(sent.stream().map(CheckedBook::id).toList());
        List<CheckedBook> books = new ArrayList<>(ids.size());
        List<String> deletions = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            CheckedBook book = sent.get(ids.last(k));
            if (!book.deletion()) {
                books.add(book);
            } else {
                deletions.add(book.id());
            }
        }
        // Every book record beyond the last of its id within the batch is superseded (a deletion
        // request is counted as one already); those superseded by a later batch are counted once
        // the file's rows are counted (BookTable#verifyAfter).
        long bookRecords = batch.stream().filter(book -> !book.deletion()).count();
        fileImport.duplicates(bookRecords - books.size());
        if (books.isEmpty() && deletions.isEmpty()) {
            return;
        }
        if (writes.anyInFlight(ids)) {
            writes.awaitAll();
        }
        slots.acquire();
        writes.started(ids);
        try {
            writers.execute(() -> {
                Exception failure = null;
                try {
                    if (!books.isEmpty()) {
                        upsert(books, fileImport);
                    }
                    if (!deletions.isEmpty()) {
                        delete(deletions, fileImport);
                    }
                } catch (Exception e) {
                    failure = e;
                } catch (Error e) {
                    // Out of memory, say: the batch is lost, so the file must fail, not pass.
                    failure = new IllegalStateException("a writer failed: " + e, e);
                    throw e;
                } finally {
                    slots.release();
                    writes.finished(ids, failure);
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            writes.finished(ids, e);
            throw e;
        }
    }

    /** Waits for the file's writes; throws the first that failed. The route's last step for a file. */
    public void finish(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) throws Exception {
        fileImport.writes().awaitAll();
        fileImport.writes().throwIfFailed();
    }

    /** Waits for the file's writes without judging them, before its report is made. */
    public void settle(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) throws InterruptedException {
        if (fileImport != null) {
            fileImport.writes().awaitAll();
        }
    }

    private void upsert(Collection<CheckedBook> books, FileImport fileImport) throws Exception {
        String what = fileImport.fileName() + ": batch of " + books.size() + " books";
        int written = retry.run(what, () -> upsertAll(books));
        List<String> landed = new ArrayList<>(books.size());
        if (written == books.size()) {
            books.forEach(book -> landed.add(book.id()));
        } else {
            if (written >= 0) {
                LOG.info("{}: the database wrote {} of {} rows; writing them one by one to find the failures",
                        fileImport.fileName(), written, books.size());
            }
            for (CheckedBook book : books) {
                String refused = retry.run(what, () -> upsertOne(book.book()));
                if (refused == null) {
                    landed.add(book.id());
                } else {
                    fileImport.reject(new Rejection(fileImport.fileName(), book.source(),
                            List.of(new Problem("database", refused))));
                }
            }
        }
        fileImport.writes().written(landed);
        fileImport.written(landed.size());
    }

    /** Deletes the rows of these ids, in one statement; an id with no row is no failure. */
    private void delete(List<String> ids, FileImport fileImport) throws Exception {
        int deleted = retry.run(fileImport.fileName() + ": deleting " + ids.size() + " rows", () -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement(deleteMany)) {
                delete.setObject(1, TextArray.of(ids));
                return delete.executeUpdate();
            }
        });
        fileImport.writes().deleted(ids);
        fileImport.deleted(deleted);
    }

    /**
     * @return the number of rows written, or -1 when the database refused the statement for a
     *         reason of the data (PostgreSQL refuses the whole statement for one bad row)
     */
    private int upsertAll(Collection<CheckedBook> books) throws SQLException {
        int size = books.size();
        List<BookRow> rows = new ArrayList<>(size);
        for (CheckedBook checked : books) {
            rows.add(checked.row());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(upsertMany)) {
            RowColumn[] columns = RowColumn.of(rows);
            upsert.setString(1, BookRow.CATEGORY_SEPARATOR);
            upsert.setObject(2, columns[BookRow.ID]);
            upsert.setObject(3, columns[BookRow.TITLE]);
            upsert.setObject(4, columns[BookRow.AUTHOR]);
            upsert.setObject(5, columns[BookRow.PUBLICATION_DATE]);
            upsert.setObject(6, columns[BookRow.CATEGORIES]);
            return upsert.executeUpdate();
        } catch (SQLException e) {
            if (SqlErrors.isTransient(e) || SqlErrors.isAboutTheStatement(e)) {
                throw e;
            }
            LOG.info("The database refused a batch of {} rows ({}); writing them one by one to find the failures",
                    size, e.getMessage());
            return -1;
        }
    }

    /** @return null when the row was written, else the database's reason */
    private String upsertOne(Book book) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(upsertOne)) {
            upsert.setString(1, book.id());
            upsert.setString(2, book.title());
            upsert.setString(3, book.author());
            upsert.setObject(4, book.publicationDate());
            upsert.setObject(5, TextArray.of(book.categories()));
            int count = upsert.executeUpdate();
            return count == 1 ? null : "the database wrote " + count + " rows for it instead of 1";
        } catch (SQLException e) {
            if (SqlErrors.isTransient(e) || SqlErrors.isAboutTheStatement(e)) {
                throw e;
            }
            return e.getMessage();
        }
    }

    @Override
    public void close() throws InterruptedException {
        writers.shutdown();
        if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
    }
}
