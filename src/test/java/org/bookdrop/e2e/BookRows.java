package org.bookdrop.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads back what bookdrop wrote, straight from the database with plain JDBC. */
final class BookRows {

    record Row(String id, String title, String author, LocalDateTime publicationDate, List<String> categories) {
    }

    private final String jdbcUrl;
    private final String table;

    BookRows(String jdbcUrl, String table) {
        this.jdbcUrl = jdbcUrl;
        this.table = table;
    }

    List<Row> all() throws SQLException {
        List<Row> rows = new ArrayList<>();
        // The categories joined by a separator no category holds: CrateDB writes an array's text
        // form without escaping quotes and backslashes, so the driver's getArray would lose them.
        query("SELECT id, title, author, publication_date, array_to_string(categories, '\u001F'), "
                + "coalesce(array_length(categories, 1), 0), categories IS NULL FROM " + table + " ORDER BY id", result -> {
            String categories = result.getString(5);
            rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
                    result.getObject(4, LocalDateTime.class),
                    result.getBoolean(7) ? null : result.getInt(6) == 0 ? List.of() : Arrays.asList(categories.split("\u001F", -1))));
        });
        return rows;
    }

    long count() throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM " + table).get(0).get(0));
    }

    /** Each row of the query as its columns' text. */
    List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        query(sql, result -> {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                row.add(result.getString(i));
            }
            rows.add(row);
        });
        return rows;
    }

    /** Drops the books table, its import history and its file claims. */
    void drop() throws SQLException {
        dropBooks();
        execute("DROP TABLE IF EXISTS " + RunningBookdrop.historyTable(table));
        execute("DROP TABLE IF EXISTS " + RunningBookdrop.claimsTable(table));
        execute("DROP TABLE IF EXISTS " + RunningBookdrop.claimsTable(table) + "_crashes");
    }

    /** Drops the books table only, under a running bookdrop. */
    void dropBooks() throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                reader.read(result);
            }
        }
    }
}
