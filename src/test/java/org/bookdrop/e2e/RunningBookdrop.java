package org.bookdrop.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.bookdrop.Bookdrop;

/**
 * bookdrop as a user runs it (the same Camel Main, routes and configuration), started inside the
 * test with its own inbox and table, against the database the test names.
 */
final class RunningBookdrop implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Main main;
    private final Path inbox;

    private RunningBookdrop(Main main, Path inbox) {
        this.main = main;
        this.inbox = inbox;
    }

    /** Starts bookdrop; its import history and file claims go to {@code TABLE_history} and {@code TABLE_claims} unless the settings say otherwise. */
    static RunningBookdrop start(String jdbcUrl, String table, Path inbox, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("bookdrop.history-table", historyTable(table));
        all.putIfAbsent("bookdrop.claims-table", claimsTable(table));
        Main main = Bookdrop.create(jdbcUrl, inbox, table, all);
        main.start();
        return new RunningBookdrop(main, inbox);
    }

    /** Copies the file into the inbox the way a user would: written beside it, then moved in. */
    void drop(Path file) throws IOException {
        Path staged = Files.copy(file, inbox.resolveSibling(file.getFileName() + ".part"));
        Files.move(staged, inbox.resolve(file.getFileName()));
    }

    /** Waits for the report that the reporting route writes beside the file, in done or error. */
    JsonNode awaitReport(String folder, String fileName) {
        return awaitReport(folder, fileName, Duration.ofSeconds(30));
    }

    JsonNode awaitReport(String folder, String fileName, Duration atMost) {
        Path report = inbox.resolve(folder).resolve(fileName + ".report.json");
        await().atMost(atMost).until(() -> Files.exists(report) && Files.size(report) > 0);
        try {
            return JSON.readTree(report.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String historyTable(String table) {
        return table + "_history";
    }

    static String claimsTable(String table) {
        return table + "_claims";
    }

    Path inbox() {
        return inbox;
    }

    @Override
    public void close() {
        main.stop();
    }
}
