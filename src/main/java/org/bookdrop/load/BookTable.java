package org.bookdrop.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.ExchangeProperty;
import org.bookdrop.report.FileImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The books table itself: created when missing, and refreshed once after each file so that its
 * books can be searched as soon as the file is reported done.
 */
public final class BookTable {

    private static final Logger LOG = LoggerFactory.getLogger(BookTable.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final TableName table;

    public BookTable(DataSource dataSource, Dialect dialect, TableName table) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
    }

    public TableName name() {
        return table;
    }

    public void createIfMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : dialect.createTable(table)) {
                statement.execute(ddl);
            }
        }
        LOG.info("Books go into table {} on {}", table, dialect.name());
    }

    /**
     * Makes the rows of a file searchable at once, whether the file succeeded or failed part way:
     * rows already written stay written. A failed refresh does not fail the file, since its rows
     * are stored and CrateDB's own periodic refresh will show them; it is logged instead.
     */
    public void refreshAfter(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        Optional<String> refresh = dialect.refresh(table);
        if (refresh.isEmpty() || fileImport.written() == 0) {
            return;
        }
        // On its own statement, never inside a batch: CrateDB allows only writes in a batch.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(refresh.get());
        } catch (SQLException e) {
            LOG.warn("{}: could not refresh table {} ({}); its rows become searchable at CrateDB's next "
                    + "periodic refresh", fileImport.fileName(), table, e.getMessage());
        }
    }
}
