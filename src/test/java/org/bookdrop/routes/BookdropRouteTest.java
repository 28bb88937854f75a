package org.bookdrop.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

import org.apache.camel.main.MainConfigurationProperties;
import org.bookdrop.Bookdrop;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.bookdrop.BookdropConfiguration;
import org.bookdrop.e2e.Databases;
import org.junit.jupiter.api.AfterEach;

/**
 * bookdrop's routes (routes/*.yaml, from the classpath as the jar has them) started by Camel Main
 * for one test, with bookdrop's real beans on the tests' PostgreSQL (on CrateDB when CRATEDB_URL is
 * set), a new inbox and new tables;
 * the context starts once the test has advised the routes it changes.
 */
abstract class BookdropRouteTest extends CamelMainTestSupport {

    protected Path inbox;
    protected String table;
    protected String historyTable;
    private String claimsTable;

    /** The test's tables go with it (on CrateDB they would stay). */
    @AfterEach
    void dropTables() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl());
             Statement statement = connection.createStatement()) {
            for (String name : new String[] {table, historyTable, claimsTable, claimsTable + "_crashes"}) {
                statement.execute("DROP TABLE IF EXISTS " + name);
            }
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        try {
            inbox = Files.createTempDirectory("bookdrop-route-test-").resolve("inbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String suffix = Long.toHexString(System.nanoTime());
        table = "route_books_" + suffix;
        historyTable = "route_history_" + suffix;
        Properties settings = new Properties();
        settings.setProperty("cratedb.url", databaseUrl());
        settings.setProperty("bookdrop.inbox", inbox.toString());
        settings.setProperty("bookdrop.table", table);
        settings.setProperty("bookdrop.history-table", historyTable);
        claimsTable = "route_claims_" + suffix;
        settings.setProperty("bookdrop.claims-table", claimsTable);
        settings.setProperty("bookdrop.poll-delay", "50");
        settings.setProperty("bookdrop.read-lock-interval", "100");
        // What Bookdrop's start sets when no BOOKDROP_SCHEDULE is given: poll on a fixed delay.
        settings.setProperty("bookdrop.scheduler", "none");
        settings.setProperty("bookdrop.web.port", webPort());
        context.withUseOverridePropertiesWithPropertiesComponent(settings);
    }

    /** CRATEDB_URL when it is set (the same wiring on CrateDB), else the tests' embedded PostgreSQL. */
    protected static String databaseUrl() {
        String crate = System.getenv("CRATEDB_URL");
        return crate != null && !crate.isBlank() ? crate : Databases.postgresUrl();
    }

    /** The console's port; empty (no console, and no console routes) but in the console's route tests. */
    protected String webPort() {
        return "";
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(BookdropConfiguration.class);
        // As Bookdrop's start does: the console's routes and HTTP server only with a port.
        if (webPort().isEmpty()) {
            configuration.withRoutesExcludePattern(Bookdrop.CONSOLE_ROUTES);
        } else {
            configuration.httpServer().withEnabled(true).withHost("127.0.0.1").withPort(Integer.parseInt(webPort()));
        }
    }
}
