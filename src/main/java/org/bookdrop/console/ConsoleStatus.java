package org.bookdrop.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bookdrop.inbox.Folders;
import org.bookdrop.report.FailureMessage;
import org.bookdrop.report.IngestStats;

/**
 * What the overview shows, as one JSON snapshot: the database and whether it answers, the inbox and
 * the files in it, the files in progress with how far each has got, the totals since start, and the
 * last error. The database is asked at most every few seconds, on a thread of its own, so that a
 * database that hangs never holds the snapshot up.
 */
public final class ConsoleStatus {

    /** The inbox is counted up to this many files; a fuller one shows "more than". */
    static final int MOST_COUNTED = 10_000;
    private static final Duration ASK_DATABASE_EVERY = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper();
    private final IngestStats stats;
    private final Folders folders;
    private final Set<String> mappingFolders;
    private final Pattern partialNames;
    private final DataSource database;
    private final String databaseKind;
    private final Clock clock;
    private final Instant startedAt;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile Instant askedAt = Instant.EPOCH;
    private volatile boolean reachable = true;
    private volatile String databaseDetail = "not asked yet";

    /**
     * @param mappingFolders the inbox subfolders that mappings take files from, which the intake looks into
     * @param partialNames   the names of files still being copied, which the intake leaves (bookdrop.partial-names)
     */
    public ConsoleStatus(IngestStats stats, Folders folders, Set<String> mappingFolders, Pattern partialNames,
                         DataSource database, String databaseKind, Clock clock) {
        this.stats = stats;
        this.folders = folders;
        this.mappingFolders = Set.copyOf(mappingFolders);
        this.partialNames = partialNames;
        this.database = database;
        this.databaseKind = databaseKind;
        this.clock = clock;
        this.startedAt = Instant.now(clock);
    }

    /** The snapshot; starts a look at the database in the background when the last is old. */
    public ObjectNode snapshot() {
        askTheDatabaseWhenDue();
        ObjectNode status = json.createObjectNode();
        status.putObject("database").put("kind", databaseKind).put("reachable", reachable).put("detail", databaseDetail);
        int inInbox = filesInInbox();
        status.put("inbox", folders.inbox().toString());
        status.put("inInbox", inInbox);
        status.put("inInboxCapped", inInbox >= MOST_COUNTED);
        ArrayNode files = status.putArray("inProgress");
        for (IngestStats.Progress file : stats.inProgress()) {
            files.addObject().put("file", file.file()).put("read", file.read()).put("written", file.written())
                    .put("rejected", file.rejected()).put("recordsPerSecond", Math.round(file.recordsPerSecond()))
                    .put("bytesRead", file.bytesRead()).put("sizeBytes", file.sizeBytes())
                    .put("startedAt", file.startedAt().toString());
        }
        status.putObject("totals").put("filesDone", stats.getFilesDone()).put("filesFailed", stats.getFilesFailed())
                .put("read", stats.getRecordsRead()).put("written", stats.getRecordsWritten())
                .put("rejected", stats.getRecordsRejected()).put("duplicates", stats.getRecordsDuplicate());
        status.put("lastError", stats.getLastError()).put("lastErrorTime", stats.getLastErrorTime());
        status.put("since", startedAt.toString());
        return status;
    }

    private void askTheDatabaseWhenDue() {
        Instant now = Instant.now(clock);
        if (Duration.between(askedAt, now).compareTo(ASK_DATABASE_EVERY) < 0 || !asking.compareAndSet(false, true)) {
            return;
        }
        askedAt = now;
        Thread ask = new Thread(() -> {
            try (Connection connection = database.getConnection()) {
                reachable = connection.isValid(3);
                databaseDetail = reachable ? "answers" : "does not answer within 3 s";
            } catch (SQLException e) {
                reachable = false;
                databaseDetail = FailureMessage.of(e);
            } finally {
                asking.set(false);
            }
        }, "bookdrop-console-database");
        ask.setDaemon(true);
        ask.start();
    }

    /**
     * Files waiting or being read where the intake looks (ReadyFiles): the inbox itself and the
     * mapping folders, not hidden files nor those still being copied; up to {@link #MOST_COUNTED}.
     */
    int filesInInbox() {
        int count = 0;
        List<Path> looked = new ArrayList<>();
        looked.add(folders.inbox());
        mappingFolders.forEach(folder -> looked.add(folders.inbox().resolve(folder)));
        for (Path folder : looked) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (!name.startsWith(".") && !partialNames.matcher(name).matches()
                            && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && ++count >= MOST_COUNTED) {
                        return count;
                    }
                }
            } catch (IOException e) {
                // A mapping folder not made yet: no file in it.
            }
        }
        return count;
    }
}
