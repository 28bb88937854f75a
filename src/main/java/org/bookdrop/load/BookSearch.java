package org.bookdrop.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.bookdrop.book.BookRow;

/**
 * The books table as its readers see it, through the queries of CrateDB's own tutorial: a
 * full-text search on the title (MATCH on CrateDB, the title's GIN index on PostgreSQL), an
 * author's books by publication date, and the count of books per author. Every value a person
 * typed is a bound parameter; only the table's name and the dialect's fixed SQL are spelled in.
 */
public final class BookSearch {

    /** One book as a page shows it; {@code published} is the date part of its publication date, or null. */
    public record Row(String id, String title, String author, String published, List<String> categories) {
    }

    /** One page of results, with how many there are in all. */
    public record Page<T>(List<T> rows, long total) {
    }

    /** An author with the count of their books. */
    public record AuthorCount(String author, long books) {
    }

    /**
     * What to look for; blank parts are not filtered on.
     *
     * @param words    words of the title, matched through the full-text index
     * @param author   a part of the author's name, in any case
     * @param category one of the book's categories, as it is spelled
     */
    public record Query(String words, String author, String category) {

        boolean hasWords() {
            return words != null && !words.isBlank();
        }
    }

    /**
     * The columns a page shows, the categories joined by the separator no category can hold:
     * CrateDB writes an array's text form without escaping a quote or a backslash in an element,
     * so the driver's own reading of the array would lose them.
     */
    private static final String COLUMNS = "SELECT id, title, author, publication_date, array_to_string(categories, '"
            + BookRow.CATEGORY_SEPARATOR + "') FROM ";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;

    public BookSearch(DataSource dataSource, Dialect dialect, TableName table) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
    }

    /** The books matching the query, best title matches first (by title without words), a page at a time. */
    public Page<Row> find(Query query, int offset, int limit) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (query.hasWords()) {
            conditions.add(dialect.titleMatches());
            values.add(query.words().strip());
        }
        if (query.author() != null && !query.author().isBlank()) {
            conditions.add("author ILIKE ?");
            values.add("%" + likeLiteral(query.author().strip()) + "%");
        }
        if (query.category() != null && !query.category().isBlank()) {
            conditions.add("? = ANY(categories)");
            values.add(query.category().strip());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Object> pageValues = new ArrayList<>(values);
        String order;
        if (query.hasWords()) {
            order = dialect.titleScore() + " DESC, title";
            if (dialect.scoreTakesTheWords()) {
                pageValues.add(query.words().strip());
            }
        } else {
            order = "title";
        }
        pageValues.add(limit);
        pageValues.add(offset);
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = BoundStatements.prepare(connection, COLUMNS
                    + table.quoted() + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", pageValues);
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            return new Page<>(rows, count(connection, where, values));
        }
    }

    /** An author's books, oldest first, those without a date last. */
    public Page<Row> byAuthor(String author, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = BoundStatements.prepare(connection, COLUMNS
                    + table.quoted() + " WHERE author = ? ORDER BY publication_date ASC NULLS LAST, title LIMIT ? OFFSET ?",
                    List.of(author, limit, offset));
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            return new Page<>(rows, count(connection, " WHERE author = ?", List.of(author)));
        }
    }

    /** Authors by the number of their books, most first. */
    public Page<AuthorCount> authors(int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<AuthorCount> rows = new ArrayList<>();
            try (PreparedStatement select = BoundStatements.prepare(connection, "SELECT author, count(*) AS books FROM " + table.quoted()
                    + " WHERE author IS NOT NULL GROUP BY author ORDER BY books DESC, author LIMIT ? OFFSET ?",
                    List.of(limit, offset));
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new AuthorCount(result.getString(1), result.getLong(2)));
                }
            }
            long total;
            try (PreparedStatement count = BoundStatements.prepare(connection, "SELECT count(DISTINCT author) FROM " + table.quoted(), List.of());
                 ResultSet result = count.executeQuery()) {
                result.next();
                total = result.getLong(1);
            }
            return new Page<>(rows, total);
        }
    }

    private long count(Connection connection, String where, List<Object> values) throws SQLException {
        try (PreparedStatement count = BoundStatements.prepare(connection, "SELECT count(*) FROM " + table.quoted() + where, values);
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }


    private static Row row(ResultSet result) throws SQLException {
        String date = result.getString(4);
        String categories = result.getString(5);
        return new Row(result.getString(1), result.getString(2), result.getString(3),
                date == null ? null : date.substring(0, Math.min(10, date.length())),
                categories == null || categories.isEmpty() ? List.of() : List.of(categories.split(BookRow.CATEGORY_SEPARATOR)));
    }

    /** The text as a LIKE pattern matching it literally: both databases escape with a backslash by default. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
