package org.bookdrop.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.book.Book;
import org.bookdrop.check.CheckedBook;
import org.bookdrop.check.Problem;
import org.bookdrop.check.Rejection;
import org.bookdrop.report.FileImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load stage: upserts a batch of books in one set-based statement (the fastest way into
 * CrateDB, see shared/CRATEDB.md), and accounts for every row. When the database wrote fewer rows
 * than it was sent, or refused the statement, the batch is written again row by row: the upsert
 * makes that safe, and each row that fails then comes back with the server's own reason.
 */
public final class BookWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BookWriter.class);

    /** Packs a row's categories into one text value for the set-based insert; books cannot hold it. */
    static final String CATEGORY_SEPARATOR = "\u001F";

    /** How a timestamp travels inside a text array; both databases read it. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final DataSource dataSource;
    private final String upsertMany;
    private final String upsertOne;

    public BookWriter(DataSource dataSource, TableName table) {
        this.dataSource = dataSource;
        String insert = "INSERT INTO " + table.quoted() + " (id, title, author, publication_date, categories) ";
        String onConflict = " ON CONFLICT (id) DO UPDATE SET title = excluded.title, author = excluded.author, "
                + "publication_date = excluded.publication_date, categories = excluded.categories";
        this.upsertMany = insert
                + "SELECT u.id, u.title, u.author, u.publication_date, string_to_array(u.categories, ?) "
                + "FROM UNNEST(?::text[], ?::text[], ?::text[], ?::timestamp[], ?::text[]) "
                + "AS u(id, title, author, publication_date, categories)" + onConflict;
        this.upsertOne = insert + "VALUES (?, ?, ?, ?, ?)" + onConflict;
    }

    public void write(List<CheckedBook> batch, @ExchangeProperty(FileImport.PROPERTY) FileImport fileImport)
            throws SQLException {
        Collection<CheckedBook> books = lastOfEachId(batch);
        fileImport.duplicates(batch.size() - books.size());
        if (books.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            int written = upsertAll(connection, books);
            if (written == books.size()) {
                fileImport.written(written);
                return;
            }
            LOG.info("{}: the database wrote {} of {} rows; writing them one by one to find the failures",
                    fileImport.fileName(), written, books.size());
        } catch (SQLException e) {
            if (SqlErrors.isTransient(e)) {
                throw e;
            }
            LOG.info("{}: the database refused a batch of {} rows ({}); writing them one by one to find the failures",
                    fileImport.fileName(), books.size(), e.getMessage());
        }
        upsertEach(books, fileImport);
    }

    /** Within one statement an id may appear only once; as in the file, the last one wins. */
    private static Collection<CheckedBook> lastOfEachId(List<CheckedBook> batch) {
        Map<String, CheckedBook> byId = new LinkedHashMap<>(batch.size() * 2);
        for (CheckedBook book : batch) {
            byId.remove(book.book().id());
            byId.put(book.book().id(), book);
        }
        return byId.values();
    }

    private int upsertAll(Connection connection, Collection<CheckedBook> books) throws SQLException {
        int size = books.size();
        String[] ids = new String[size];
        String[] titles = new String[size];
        String[] authors = new String[size];
        String[] dates = new String[size];
        String[] categories = new String[size];
        int i = 0;
        for (CheckedBook checked : books) {
            Book book = checked.book();
            ids[i] = book.id();
            titles[i] = book.title();
            authors[i] = book.author();
            dates[i] = book.publicationDate() == null ? null : TIMESTAMP.format(book.publicationDate());
            categories[i] = String.join(CATEGORY_SEPARATOR, book.categories());
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement(upsertMany)) {
            upsert.setString(1, CATEGORY_SEPARATOR);
            upsert.setArray(2, connection.createArrayOf("text", ids));
            upsert.setArray(3, connection.createArrayOf("text", titles));
            upsert.setArray(4, connection.createArrayOf("text", authors));
            upsert.setArray(5, connection.createArrayOf("text", dates));
            upsert.setArray(6, connection.createArrayOf("text", categories));
            return upsert.executeUpdate();
        }
    }

    private void upsertEach(Collection<CheckedBook> books, FileImport fileImport) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(upsertOne)) {
            for (CheckedBook checked : books) {
                Book book = checked.book();
                try {
                    upsert.setString(1, book.id());
                    upsert.setString(2, book.title());
                    upsert.setString(3, book.author());
                    upsert.setObject(4, book.publicationDate());
                    Array categories = connection.createArrayOf("text", book.categories().toArray(String[]::new));
                    upsert.setArray(5, categories);
                    int count = upsert.executeUpdate();
                    if (count == 1) {
                        fileImport.written(1);
                    } else {
                        reject(fileImport, checked, "the database wrote " + count + " rows for it instead of 1");
                    }
                } catch (SQLException e) {
                    if (SqlErrors.isTransient(e)) {
                        throw e;
                    }
                    reject(fileImport, checked, e.getMessage());
                }
            }
        }
    }

    private static void reject(FileImport fileImport, CheckedBook book, String reason) {
        fileImport.reject(new Rejection(fileImport.fileName(), book.source(),
                List.of(new Problem("database", reason))));
    }
}
