package org.bookdrop.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    /** Copies the file into a subfolder of the inbox (made if missing) under a name, written beside it, then moved in. */
    void dropInto(String folder, Path file, String name) throws IOException {
        Path target = Files.createDirectories(inbox.resolve(folder));
        Path staged = Files.copy(file, target.resolve(name + ".part"));
        Files.move(staged, target.resolve(name));
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

    /**
     * Waits until the folder holds reports of {@code count} imports of files named
     * {@code fileName} (kept under stamped names beside each other), and gives them oldest first.
     */
    List<JsonNode> awaitReports(String folder, String fileName, int count) {
        Path dir = inbox.resolve(folder);
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            found.addAll(reportsIn(dir, fileName));
            return found.size() >= count;
        });
        found.sort(Comparator.comparing(report -> report.get("startedAt").asText()));
        return found;
    }

    private static List<JsonNode> reportsIn(Path dir, String fileName) throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return reports;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".report.json")).toList()) {
                try {
                    JsonNode report = JSON.readTree(file.toFile());
                    if (report != null && fileName.equals(report.path("file").asText())) {
                        reports.add(report);
                    }
                } catch (IOException e) {
                    // Being written: read at the next look.
                }
            }
        }
        return reports;
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
