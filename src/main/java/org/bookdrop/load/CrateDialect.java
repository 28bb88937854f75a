package org.bookdrop.load;

import java.util.List;
import java.util.Optional;

/** CrateDB: the schema of CrateDB's own tutorial, and an explicit refresh after a file. */
public final class CrateDialect implements Dialect {

    @Override
    public String name() {
        return "CrateDB";
    }

    @Override
    public List<String> createTable(TableName table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
                + "id TEXT PRIMARY KEY, "
                + "publication_date TIMESTAMP, "
                + "title TEXT INDEX USING FULLTEXT WITH (analyzer = 'english'), "
                + "author TEXT, "
                + "categories " + textArray() + ")");
    }

    @Override
    public String textArray() {
        return "ARRAY(TEXT)";
    }

    /** As CrateDB's tutorial searches: MATCH on the title's full-text index, ranked by _score. */
    @Override
    public String titleMatches() {
        return "MATCH(title, ?)";
    }

    @Override
    public String titleScore() {
        return "_score";
    }

    @Override
    public boolean scoreTakesTheWords() {
        return false;
    }

    /** A number cast to a timestamp is milliseconds since the epoch, in CrateDB. */
    @Override
    public String timestampFromEpochMillis(String millis) {
        return "CAST(" + millis + " AS TIMESTAMP)";
    }

    @Override
    public Optional<String> refresh(TableName table) {
        return Optional.of("REFRESH TABLE " + table.quoted());
    }
}
