package org.bookdrop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.bookdrop.e2e.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The one-shot commands with their output and exit codes; import runs on the embedded PostgreSQL. */
class CommandsTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final Path SAMPLE = Path.of("sample-data", "books.json");

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String table;
    private Map<String, String> settings;

    @BeforeEach
    void pointAtTheTestDatabase() {
        table = "books_cli_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        // As -D options on the command line: read by the commands over application.properties.
        settings = Map.of("cratedb.url", Databases.postgresUrl(), "bookdrop.table", table,
                "bookdrop.history-table", table + "_history", "bookdrop.error-folder", work.resolve("error").toString());
        settings.forEach(System::setProperty);
    }

    @AfterEach
    void clearAndDrop() throws Exception {
        settings.keySet().forEach(System::clearProperty);
        sql("DROP TABLE IF EXISTS " + table);
        sql("DROP TABLE IF EXISTS " + table + "_history");
    }

    @Test
    void validate_prints_each_record_that_would_be_rejected_and_exits_by_the_worst_outcome() throws Exception {
        assertThat(run("validate", SAMPLE.toString())).isEqualTo(0);
        assertThat(output()).contains("books.json: 3 records, 3 valid, 0 would be rejected");

        assertThat(run("validate", SAMPLE.toString(), CORPUS.resolve("mixed.ndjson").toString())).isEqualTo(2);
        assertThat(output()).contains("mixed.ndjson line 2: author: must not be blank")
                .contains("mixed.ndjson line 7: record: must be a JSON object, found an array")
                .contains("mixed.ndjson: 7 records, 2 valid, 5 would be rejected");

        assertThat(run("validate", CORPUS.resolve("mixed.ndjson").toString(), CORPUS.resolve("truncated.json").toString()))
                .isEqualTo(3);
        assertThat(output()).contains("truncated.json: cannot be imported: not valid JSON at line 3");

        assertThat(work.resolve("error")).as("a dry run writes nothing").doesNotExist();
        assertThat(tableExists()).as("nor touches the database").isFalse();
    }

    @Test
    void import_loads_the_files_where_they_are_and_exits_by_the_worst_outcome() throws Exception {
        Path books = Files.copy(SAMPLE, work.resolve("books.json"));
        assertThat(run("import", books.toString())).isEqualTo(0);
        assertThat(output()).contains("books.json: 3 read, 3 written, 0 rejected, 0 duplicates, 3 verified");
        assertThat(books).as("left where it was").exists();
        assertThat(count()).isEqualTo(3);

        assertThat(run("import", CORPUS.resolve("mixed.ndjson").toString())).isEqualTo(2);
        assertThat(output()).contains("mixed.ndjson: 7 read, 2 written, 5 rejected");
        assertThat(work.resolve("error/mixed.ndjson.rejects.ndjson")).exists();

        assertThat(run("import", CORPUS.resolve("truncated.json").toString())).isEqualTo(3);
        assertThat(output()).contains("truncated.json FAILED: not valid JSON");
        assertThat(work.resolve("error/truncated.json.error.txt")).exists();

        assertThat(run("import", books.toString())).as("imported before: nothing left to land").isEqualTo(0);
        assertThat(output()).contains("books.json: already imported at");
        assertThat(count()).as("3 + 2 of mixed.ndjson + the 1 record before truncated.json broke").isEqualTo(6);
    }

    @Test
    @Timeout(120)
    void import_takes_the_files_named_without_waiting_for_done_markers() throws Exception {
        System.setProperty("bookdrop.done-markers", "true");
        try {
            assertThat(run("import", Files.copy(SAMPLE, work.resolve("books.json")).toString())).isEqualTo(0);
            assertThat(output()).contains("books.json: 3 read, 3 written");
        } finally {
            System.clearProperty("bookdrop.done-markers");
        }
    }

    @Test
    @Timeout(120)
    void import_uses_its_own_inbox_whatever_inbox_a_system_property_names() throws Exception {
        Path otherInbox = Files.createDirectories(work.resolve("watched"));
        Path waiting = Files.copy(CORPUS.resolve("mixed.ndjson"), otherInbox.resolve("mixed.ndjson"));
        System.setProperty("bookdrop.inbox", otherInbox.toString());
        try {
            assertThat(run("import", Files.copy(SAMPLE, work.resolve("books.json")).toString())).isEqualTo(0);
            assertThat(output()).contains("books.json: 3 read, 3 written");
            assertThat(waiting).as("the other inbox's file untouched").exists();
            assertThat(System.getProperty("bookdrop.inbox")).as("given back").isEqualTo(otherInbox.toString());
        } finally {
            System.clearProperty("bookdrop.inbox");
        }
    }

    @Test
    void import_serves_no_console_metrics_or_jolokia_so_a_running_bookdrops_ports_do_not_stop_it() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> running = Map.of("bookdrop.metrics-port", String.valueOf(taken.getLocalPort()),
                    "bookdrop.web.port", String.valueOf(taken.getLocalPort()), "bookdrop.jolokia", "true");
            running.forEach(System::setProperty);
            try {
                assertThat(run("import", Files.copy(SAMPLE, work.resolve("books.json")).toString())).isEqualTo(0);
                assertThat(output()).contains("books.json: 3 read, 3 written");
            } finally {
                running.keySet().forEach(System::clearProperty);
            }
        }
    }

    @Test
    void import_reads_a_file_named_through_a_symbolic_link() throws Exception {
        Path books = Files.copy(SAMPLE, work.resolve("books.json"));
        Path link = Files.createSymbolicLink(work.resolve("link-to-books.json"), books);
        assertThat(run("import", link.toString())).isEqualTo(0);
        assertThat(output()).contains("books.json: 3 read, 3 written");
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void import_and_validate_say_in_one_line_when_the_error_folder_cannot_be_written() throws Exception {
        Path blocked = work.resolve("error");
        Files.writeString(blocked, "a file where the error folder should be");

        assertThat(run("import", SAMPLE.toString())).isEqualTo(3);
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("bookdrop import: cannot start: cannot create the error folder " + blocked
                + " (a file, not a folder, is in the way) as user ");
        assertThat(said.lines().filter(line -> line.contains("cannot start"))).hasSize(1);
        assertThat(tableExists()).as("nothing started").isFalse();

        assertThat(run("validate", SAMPLE.toString())).isEqualTo(3);
        assertThat(output()).contains("bookdrop validate: an import would not start: cannot create the error folder " + blocked
                + " (a file, not a folder, is in the way) as user ")
                .contains("books.json: 3 records, 3 valid, 0 would be rejected");
    }

    @Test
    void validate_with_a_mapping_prints_how_many_records_gave_each_field_a_value() throws Exception {
        Path export = Path.of("src/test/resources/sources/goodreads_library_export.csv");

        assertThat(run("validate", "--mapping", "goodreads", export.toString())).isEqualTo(2);
        assertThat(output())
                .contains("goodreads_library_export.csv line 6: ISBN13 -> id: '9780316769484' has a wrong check digit")
                .contains("goodreads_library_export.csv (mapping goodreads): 5 records, 4 valid, 1 would be rejected")
                .contains("  values found: id 4, title 5, author 5, publication_date 5, categories 5");

        Path mine = work.resolve("shop.yaml");
        Files.writeString(mine, "fields:\n  title: Title\n  author: Writer\n  categories: Genre\n");
        assertThat(run("validate", "--mapping", mine.toString(), export.toString())).isEqualTo(3);
        assertThat(output()).contains("cannot be imported: the CSV header row has no Writer column");

        Files.writeString(mine, "fields:\n  title: Title\n  author: Author\n  categories: Genre\n");
        assertThat(run("validate", "--mapping", mine.toString(), export.toString())).isEqualTo(0);
        assertThat(output()).contains("categories 0 (no record has one)");
    }

    @Test
    void validate_and_import_read_every_file_with_the_mapping_bookdrop_mapping_names_unless_told_another() throws Exception {
        Path export = Path.of("src/test/resources/sources/goodreads_library_export.csv");
        System.setProperty("bookdrop.mapping", "goodreads");
        try {
            assertThat(run("validate", export.toString())).isEqualTo(2);
            assertThat(output()).contains("goodreads_library_export.csv (mapping goodreads): 5 records, 4 valid, 1 would be rejected");
            assertThat(run("import", export.toString())).isEqualTo(2);
            assertThat(output()).contains("goodreads_library_export.csv (mapping goodreads): 5 read, 4 written, 1 rejected");

            System.setProperty("bookdrop.mapping", "nosuch");
            assertThat(run("validate", export.toString())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("no mapping file nosuch, and no mapping of that name");
            assertThat(run("import", export.toString())).as("said before anything starts, as for --mapping").isEqualTo(1);
        } finally {
            System.clearProperty("bookdrop.mapping");
        }
    }

    @Test
    void import_with_a_mapping_file_loads_a_foreign_shape_and_a_bad_mapping_is_one_line() throws Exception {
        Path shop = work.resolve("shop.yaml");
        Files.writeString(shop, """
                fields:
                  id:
                    template: "shop-{SKU}"
                  title: Name
                  author: Writer
                  publication_date:
                    from: Published
                    patterns: [dd/MM/yyyy]
                """);
        Path file = Files.writeString(work.resolve("stock.csv"), "SKU,Name,Writer,Published\n17,Emma,Jane Austen,23/12/1815\n");

        assertThat(run("import", "--mapping", shop.toString(), file.toString())).isEqualTo(0);
        assertThat(output()).contains("stock.csv (mapping shop): 1 read, 1 written");
        assertThat(count()).isEqualTo(1);

        Files.writeString(shop, "fields:\n  title: Name\n  writer: Writer\n");
        assertThat(run("import", "--mapping", shop.toString(), file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bookdrop import: " + shop + " line 3: 'writer' is not a field of a book");
        assertThat(run("validate", "--mapping", "nosuch", file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no mapping file nosuch, and no mapping of that name");
    }

    @Test
    void import_says_in_one_line_when_the_database_cannot_be_reached_and_exits_3() throws Exception {
        System.setProperty("cratedb.url", "jdbc:postgresql://127.0.0.1:1/doc?user=crate");
        assertThat(run("import", SAMPLE.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bookdrop import: cannot start: database error 08001: Connection to 127.0.0.1:1 refused");
    }

    @Test
    void a_wrong_command_line_exits_1_and_help_names_the_settings() throws Exception {
        assertThat(run("import", work.resolve("missing.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no readable file");
        assertThat(run("validate")).isEqualTo(1);
        assertThat(run("import", "--help")).isEqualTo(0);
        assertThat(output()).contains("Usage: java -jar bookdrop.jar import [--mapping FILE|NAME] FILE...")
                .contains("CRATEDB_URL").contains("Exit codes");
        assertThat(run("validate", "--help")).isEqualTo(0);
        assertThat(output()).contains("BOOKDROP_STRICT").doesNotContain("CRATEDB_URL");
    }

    @Test
    void help_names_every_format_read_and_each_command_its_mapping_option() throws Exception {
        assertThat(run("help")).isEqualTo(0);
        assertThat(output()).contains("JSON, NDJSON, CSV, MARC 21 and ONIX for Books 3.0/3.1")
                .contains(".mrc, .marc, .marcxml, .onix or .xml (MARCXML or ONIX)");

        for (String command : new String[] {"import", "validate"}) {
            assertThat(run(command, "--help")).isEqualTo(0);
            assertThat(output()).contains("Usage: java -jar bookdrop.jar " + command + " [--mapping FILE|NAME] FILE...")
                    .contains("  --mapping FILE|NAME   read every file with this mapping: a mapping file, or a name such as goodreads");
        }
    }

    @Test
    void help_lists_the_mapping_and_deletion_settings_each_command_reads_with_their_values_now() throws Exception {
        Map<String, String> given = Map.of("bookdrop.mappings", "my-mappings", "bookdrop.mapping", "goodreads",
                "bookdrop.apply-deletions", "true");
        given.forEach(System::setProperty);
        try {
            assertThat(run("import", "--help")).isEqualTo(0);
            assertThat(output().lines()).anyMatch(line -> line.matches("  BOOKDROP_APPLY_DELETIONS +true +true: an ONIX Product .*"))
                    .anyMatch(line -> line.matches("  BOOKDROP_MAPPINGS +my-mappings +folder of your own mapping files.*"))
                    .anyMatch(line -> line.matches("  BOOKDROP_MAPPING +goodreads +a mapping that reads every file.*"))
                    .anyMatch(line -> line.matches("  BOOKDROP_CLAIMS_TABLE +file_claims +.*"))
                    .anyMatch(line -> line.matches("  BOOKDROP_MAX_CRASHES +3 +.*"));

            assertThat(run("validate", "--help")).isEqualTo(0);
            assertThat(output().lines()).anyMatch(line -> line.matches("  BOOKDROP_MAPPINGS +my-mappings +.*"))
                    .anyMatch(line -> line.matches("  BOOKDROP_MAPPING +goodreads +.*"))
                    .anyMatch(line -> line.matches("  BOOKDROP_ERROR_FOLDER +.*"))
                    .as("validate deletes nothing")
                    .noneMatch(line -> line.startsWith("  BOOKDROP_APPLY_DELETIONS "));
        } finally {
            given.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void help_logs_nothing() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            assertThat(run("import", "--help")).isEqualTo(0);
            assertThat(run("validate", "--help")).isEqualTo(0);
        } finally {
            root.detachAppender(logged);
        }
        // Settings once started and stopped a Camel context: "Apache Camel 4.17.0 (camel-1) is shutting down", three lines.
        assertThat(logged.list).filteredOn(event -> event.getThreadName().equals(Thread.currentThread().getName()))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private long count() throws Exception {
        try (Connection connection = DriverManager.getConnection(Databases.postgresUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private boolean tableExists() throws Exception {
        try (Connection connection = DriverManager.getConnection(Databases.postgresUrl());
             ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(Databases.postgresUrl());
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
