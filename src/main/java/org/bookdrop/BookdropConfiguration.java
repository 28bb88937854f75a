package org.bookdrop;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.bookdrop.check.BookChecker;
import org.bookdrop.console.BooksPages;
import org.bookdrop.console.ConsoleAssets;
import org.bookdrop.console.ConsoleErrors;
import org.bookdrop.console.ConsoleStatus;
import org.bookdrop.console.ImportsPages;
import org.bookdrop.console.LiveEvents;
import org.bookdrop.console.OverviewPage;
import org.bookdrop.console.Uploads;
import org.bookdrop.history.PastImports;
import org.bookdrop.load.BookSearch;
import org.bookdrop.check.BookValidator;
import org.bookdrop.health.DatabaseHealthCheck;
import org.bookdrop.health.FoldersHealthCheck;
import org.bookdrop.history.ImportHistory;
import org.bookdrop.inbox.FileArchive;
import org.bookdrop.inbox.FileClaims;
import org.bookdrop.inbox.FolderAccess;
import org.bookdrop.inbox.Folders;
import org.bookdrop.inbox.InboxReadLock;
import org.bookdrop.inbox.ReadyFiles;
import org.bookdrop.load.BookTable;
import org.bookdrop.load.BookWriter;
import org.bookdrop.load.Database;
import org.bookdrop.load.Retry;
import org.bookdrop.load.TableName;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.mapping.MappingException;
import org.bookdrop.mapping.Mappings;
import org.bookdrop.read.BookFiles;
import org.bookdrop.report.FileImports;
import org.bookdrop.report.ReportFiles;
import org.bookdrop.report.IngestStats;
import org.bookdrop.report.ProgressLog;

/**
 * Builds the beans that the routes call, from the {@code bookdrop.*} and {@code cratedb.url}
 * properties (application.properties; each can be overridden by its environment variable).
 * The beans depend on each other (the database before the table before the writer), so they are
 * built here in that order in plain Java rather than by one annotated method each.
 */
@Configuration
public class BookdropConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BookdropConfiguration.class);

    /** The bean that polls the inbox on bookdrop.schedule, when it is set. */
    static final String SCHEDULER = "bookdropSchedule";

    @PropertyInject(value = "bookdrop.schedule", defaultValue = "")
    private String schedule;

    @PropertyInject(value = "cratedb.url", defaultValue = "")
    private String databaseUrl;

    @PropertyInject("bookdrop.table")
    private String table;

    @PropertyInject("bookdrop.history-table")
    private String historyTable;

    @PropertyInject(value = "bookdrop.done-markers", defaultValue = "false")
    private boolean doneMarkers;

    @PropertyInject("bookdrop.claims-table")
    private String claimsTable;

    @PropertyInject(value = "bookdrop.instance", defaultValue = "")
    private String instance;

    @PropertyInject(value = "bookdrop.max-crashes", defaultValue = "3")
    private int maxCrashes;

    @PropertyInject(value = "bookdrop.import-once", defaultValue = "true")
    private boolean importOnce;

    @PropertyInject("bookdrop.progress-seconds")
    private int progressSeconds;

    @PropertyInject("bookdrop.batch-size")
    private int batchSize;

    @PropertyInject("bookdrop.writers")
    private int writers;

    @PropertyInject("bookdrop.retry-for-seconds")
    private int retryForSeconds;

    @PropertyInject("bookdrop.inbox")
    private String inbox;

    @PropertyInject("bookdrop.read-lock-interval")
    private long readLockInterval;

    @PropertyInject("bookdrop.done-folder")
    private String doneFolder;

    @PropertyInject("bookdrop.error-folder")
    private String errorFolder;

    @PropertyInject("bookdrop.csv-delimiter")
    private String csvDelimiter;

    @PropertyInject("bookdrop.max-record-bytes")
    private int maxRecordBytes;

    @PropertyInject("bookdrop.strict")
    private boolean strict;

    @PropertyInject(value = "bookdrop.max-reject-ratio", defaultValue = "1")
    private double maxRejectRatio;

    @PropertyInject(value = "bookdrop.follow-links", defaultValue = "false")
    private boolean followLinks;

    @PropertyInject(value = "bookdrop.mappings", defaultValue = "mappings")
    private String mappingsFolder;

    @PropertyInject(value = "bookdrop.mapping", defaultValue = "")
    private String forcedMapping;

    @PropertyInject(value = "bookdrop.apply-deletions", defaultValue = "false")
    private boolean applyDeletions;

    @PropertyInject("bookdrop.partial-names")
    private String partialNames;

    @PropertyInject(value = "bookdrop.web.port", defaultValue = "")
    private String webPort;

    @PropertyInject(value = "bookdrop.web.bind", defaultValue = "127.0.0.1")
    private String webBind;

    @PropertyInject(value = "bookdrop.web.max-upload-mb", defaultValue = "1024")
    private long maxUploadMb;

    @Override
    public void configure(CamelContext camel) throws Exception {
        // Before anything else: a folder bookdrop cannot write would be found only after a file's rows landed.
        Folders folders = Folders.of(inbox, doneFolder, errorFolder);
        FolderAccess.check(folders);
        // Mappings next: a mapping file with a mistake stops bookdrop before it takes a file.
        Mappings mappings = mappings(Path.of(mappingsFolder), strict, forcedMapping);
        for (String folder : mappings.folders()) {
            Path mapped = folders.inbox().resolve(folder);
            if (mapped.equals(folders.done()) || mapped.equals(folders.error())) {
                throw new MappingException("a mapping takes the files of the inbox folder " + folder
                        + ", which is bookdrop's done or error folder; give the mapping another folder");
            }
        }
        // One connection per writer, and one for the refresh and the verifications around them.
        Database database = Database.open(databaseUrl, writers + 1);
        closeWithCamel(camel, database);
        Retry retry = new Retry(Duration.ofSeconds(retryForSeconds), Duration.ofMillis(500), Duration.ofSeconds(30));
        BookTable books = new BookTable(database.dataSource(), database.dialect(), TableName.parse(table), retry, writers);
        books.createIfMissing();
        ImportHistory history = new ImportHistory(database.dataSource(), database.dialect(), TableName.parse(historyTable),
                books.name(), retry, importOnce);
        history.createIfMissing();
        FileClaims claims = new FileClaims(database.dataSource(), database.dialect(), TableName.parse(claimsTable),
                instance.isBlank() ? InetAddress.getLocalHost().getHostName() : instance.strip(), maxCrashes);
        claims.createAndReleaseLeftovers();
        IngestStats stats = new IngestStats(Clock.systemUTC());
        Monitoring.expose(camel, stats);

        Registry registry = camel.getRegistry();
        if (!schedule.isBlank()) {
            QuartzScheduledPollConsumerScheduler scheduler = new QuartzScheduledPollConsumerScheduler();
            scheduler.setCron(schedule.strip());
            registry.bind(SCHEDULER, scheduler);
        }
        registry.bind("folders", folders);
        registry.bind("fileImports", new FileImports(folders, Clock.systemUTC(), maxRejectRatio, stats, followLinks,
                books.name().toString()));
        registry.bind("fileArchive", new FileArchive(folders, claims));
        registry.bind("reportFiles", new ReportFiles(folders.error()));
        registry.bind("progressLog", new ProgressLog(Clock.systemUTC(), Duration.ofSeconds(progressSeconds)));
        registry.bind("mappings", mappings);
        registry.bind("bookFiles", new BookFiles(batchSize, delimiter(csvDelimiter), maxRecordBytes, folders.error(), mappings));
        registry.bind("bookChecker", new BookChecker(new BookValidator()));
        BookWriter writer = new BookWriter(database.dataSource(), database.dialect(), books.name(), writers, retry, applyDeletions);
        closeWithCamel(camel, writer);
        registry.bind("bookWriter", writer);
        registry.bind("importHistory", history);
        // The books' database as camel-jdbc names it (routes/report.yaml appends the history through it).
        registry.bind("bookdropDatabase", database.dataSource());
        registry.bind("fileClaims", claims);
        registry.bind("inboxReadLock", new InboxReadLock(claims, readLockInterval));
        registry.bind("readyFiles", new ReadyFiles(doneMarkers, mappings.folders()));
        registry.bind("bookTable", books);
        // Beside Camel's own route checks, at /observe/health on the management server (bookdrop.metrics-port).
        registry.bind("databaseHealthCheck", new DatabaseHealthCheck(database.jdbcUrl(), database.kind()));
        registry.bind("foldersHealthCheck", new FoldersHealthCheck(folders));
        console(camel, database, folders, mappings, stats, books.name(), history.name());
    }

    /**
     * The console's beans (routes/console.yaml calls them), and its live feed and uploads on the
     * console's HTTP server once it runs. Its queries use a small pool of their own, so that a page
     * never waits for a writer's connection, nor holds one up.
     */
    private void console(CamelContext camel, Database database, Folders folders, Mappings mappings, IngestStats stats,
                         TableName books, TableName historyTable) throws Exception {
        Registry registry = camel.getRegistry();
        DataSource readers = database.readerPool(2);
        ConsoleStatus status = new ConsoleStatus(stats, folders, mappings.folders(), Pattern.compile(partialNames), readers,
                database.kind(), Clock.systemUTC());
        LiveEvents events = new LiveEvents(status);
        registry.bind("liveEvents", events);
        if (webPort.isBlank()) {
            return;
        }
        // The console's routes reach its server through this engine, told the port: Camel's own finds the server
        // by its type, and finds two (and falls back to port 8080) when the management server runs too.
        int port = Integer.parseInt(webPort.strip());
        registry.bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, new VertxPlatformHttpEngine() {
            @Override
            public int getServerPort() {
                return port;
            }
        });
        PastImports pastImports = new PastImports(readers, historyTable);
        long maxUploadBytes = maxUploadMb * 1024 * 1024;
        Map<String, String> mappingsByFolder = new TreeMap<>();
        for (Mapping mapping : mappings.all()) {
            if (mapping.folder() != null) {
                mappingsByFolder.put(mapping.folder(), mapping.name());
            }
        }
        registry.bind("overviewPage", new OverviewPage(status, pastImports, mappingsByFolder, maxUploadBytes));
        registry.bind("importsPages", new ImportsPages(pastImports, folders));
        registry.bind("booksPages", new BooksPages(new BookSearch(readers, database.dialect(), books), books.toString()));
        registry.bind("consoleAssets", new ConsoleAssets());
        registry.bind("consoleErrors", new ConsoleErrors());
        Uploads uploads = new Uploads(folders.inbox(), mappingsByFolder.keySet(), maxUploadBytes, Clock.systemUTC());
        camel.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                MainHttpServer server = context.hasService(MainHttpServer.class);
                events.serveOn(server.getRouter());
                uploads.serveOn(server.getRouter());
                String host = webBind.strip().equals("0.0.0.0") ? "localhost" : webBind.strip();
                LOG.info("The console is at http://{}:{}/ ({} into {})", host, server.getPort(), database.kind(), books);
            }
        });
        closeWithCamel(camel, events);
    }

    /**
     * The mappings: shipped, and the user's from their folder; with {@code forced} (a mapping's
     * file or name) every file is read with that one.
     */
    public static Mappings mappings(Path folder, boolean strict, String forced) {
        Mappings mappings = Mappings.load(folder, strict);
        if (forced != null && !forced.isBlank()) {
            mappings = mappings.forcing(mappings.named(forced.strip()));
        }
        for (Mapping mapping : mappings.all()) {
            LOG.debug("Mapping {} from {}", mapping.name(), mapping.origin());
        }
        return mappings;
    }

    /** One character, or the word {@code tab}. */
    public static char delimiter(String setting) {
        if (setting.equalsIgnoreCase("tab") || setting.equals("\\t")) {
            return '\t';
        }
        if (setting.length() != 1) {
            throw new IllegalArgumentException("bookdrop.csv-delimiter must be one character or 'tab', was '" + setting + "'");
        }
        return setting.charAt(0);
    }

    /** Camel stops its services after its routes, so no route still writes when the pool closes. */
    static void closeWithCamel(CamelContext camel, AutoCloseable resource) throws Exception {
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                resource.close();
            }
        }, true, true);
    }
}
