package org.bookdrop.load;

import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL, for running without a CrateDB: the same columns, an English full-text index on the
 * title, and nothing to refresh since a committed row is visible at once.
 */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public List<String> createTable(TableName table) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
                        + "id TEXT PRIMARY KEY, "
                        + "publication_date TIMESTAMP, "
                        + "title TEXT, "
                        + "author TEXT, "
                        + "categories " + textArray() + ")",
                "CREATE INDEX IF NOT EXISTS \"" + table.table() + "_title_fulltext\" ON " + table.quoted()
                        + " USING gin (to_tsvector('english', title))");
    }

    @Override
    public String textArray() {
        return "TEXT[]";
    }

    /** The expression of the title's GIN index, so that the index serves the search. */
    @Override
    public String titleMatches() {
        return "to_tsvector('english', title) @@ plainto_tsquery('english', ?)";
    }

    @Override
    public String titleScore() {
        return "ts_rank(to_tsvector('english', title), plainto_tsquery('english', ?))";
    }

    @Override
    public boolean scoreTakesTheWords() {
        return true;
    }

    /** Exact to the millisecond: integer arithmetic on an interval, no floating point. */
    @Override
    public String timestampFromEpochMillis(String millis) {
        return "(TIMESTAMP '1970-01-01 00:00:00' + " + millis + " * INTERVAL '1 millisecond')";
    }

    @Override
    public Optional<String> refresh(TableName table) {
        return Optional.empty();
    }
}
