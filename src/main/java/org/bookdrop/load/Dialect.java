package org.bookdrop.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The SQL in which CrateDB and PostgreSQL differ for bookdrop: the table's definition and how
 * new rows are made visible to searches. Everything else is the same SQL for both.
 */
public interface Dialect {

    String name();

    /** Statements that create the books table, and its full-text index, when they are missing. */
    List<String> createTable(TableName table);

    /** How the database spells the type of a column holding a list of text. */
    String textArray();

    /**
     * A timestamp made of a number of milliseconds since 1970-01-01 (UTC). The set-based upsert
     * sends the dates so: CrateDB reads a number far faster than it parses a date's text.
     */
    String timestampFromEpochMillis(String millis);

    /** The statement that makes rows written so far visible to searches, where one is needed. */
    Optional<String> refresh(TableName table);

    /**
     * A condition that a row's title matches the words of one bound parameter, through the
     * title's English full-text index.
     */
    String titleMatches();

    /**
     * How well a row matching {@link #titleMatches()} matches, best first when sorted descending;
     * it takes the same words as a bound parameter where {@link #scoreTakesTheWords()} says so.
     */
    String titleScore();

    boolean scoreTakesTheWords();

    /** Tells the two apart by asking the server, so that any JDBC URL can point at either. */
    static Dialect of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT version()")) {
            version.next();
            return version.getString(1).contains("CrateDB") ? new CrateDialect() : new PostgresDialect();
        }
    }
}
