package org.bookdrop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.commons.io.file.PathUtils;
import org.bookdrop.Bookdrop;
import org.bookdrop.BookdropConfiguration;
import org.bookdrop.inbox.ReadyFiles;
import org.bookdrop.report.FailureMessage;
import org.bookdrop.report.ImportReport;

/**
 * {@code bookdrop import FILE...}: imports the files now, through the same routes as the watched
 * inbox, and exits when each has its report. The files are imported from a private inbox that
 * holds links to them (copies where a link cannot be made), so they stay where they are; records
 * rejected and files that fail go to the error folder as usual, relative to the working folder.
 */
final class ImportCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final String mapping;

    /** @param mapping the mapping every file is read with (a file or a name), or null for each file's own */
    ImportCommand(PrintStream out, PrintStream err, String mapping) {
        this.out = out;
        this.err = err;
        this.mapping = mapping;
    }

    int run(List<Path> files) throws Exception {
        BlockingQueue<ImportReport> reports = new LinkedBlockingQueue<>();
        Settings settings = new Settings();
        // A mapping with a mistake (--mapping, else BOOKDROP_MAPPING) is a wrong command line: said before anything starts.
        BookdropConfiguration.mappings(Path.of(settings.get("bookdrop.mappings")),
                Boolean.parseBoolean(settings.get("bookdrop.strict")), mapping != null ? mapping : settings.get("bookdrop.mapping"));
        String errorFolder = Path.of("").toAbsolutePath().resolve(settings.get("bookdrop.error-folder")).toString();
        boolean doneMarkers = Boolean.parseBoolean(settings.get("bookdrop.done-markers"));
        if (settings.get("cratedb.url").isEmpty()) {
            err.println("bookdrop import: CRATEDB_URL is not set, so the books go into an embedded PostgreSQL that is "
                    + "gone when the command ends; set CRATEDB_URL to load them into CrateDB");
        }
        Path inbox = Files.createTempDirectory("bookdrop-import-");
        Main main = Bookdrop.create();
        Map<String, String> own = new LinkedHashMap<>();
        own.put("bookdrop.inbox", inbox.toString());
        own.put("bookdrop.done-folder", inbox.resolve("done").toString());
        own.put("bookdrop.error-folder", errorFolder);
        own.put("bookdrop.schedule", "");
        own.put("bookdrop.poll-delay", "100");
        // A one-shot import has no console, metrics or Jolokia: they would only compete for the ports of a running bookdrop's.
        own.put("bookdrop.web.port", "");
        own.put("bookdrop.metrics-port", "");
        own.put("bookdrop.jolokia", "false");
        if (mapping != null) {
            Path file = Path.of(mapping);
            own.put("bookdrop.mapping", Files.isRegularFile(file) ? file.toAbsolutePath().toString() : mapping);
        }
        own.forEach(main::addOverrideProperty);
        // A -D option of the same name would win over them (Camel reads system properties first): with
        // -Dbookdrop.inbox=... the command watched that inbox and waited for ever. Set aside while it runs.
        Map<String, String> setAside = new LinkedHashMap<>();
        for (String name : own.keySet()) {
            String value = System.getProperty(name);
            if (value != null) {
                setAside.put(name, value);
                System.clearProperty(name);
            }
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().getManagementStrategy().addEventNotifier(new ReportsPublished(reports));
            }
        });
        try {
            try {
                main.start();
            } catch (Exception e) {
                err.println("bookdrop import: cannot start: " + FailureMessage.of(e));
                return Commands.FAILED;
            }
            for (Path file : files) {
                stage(file, inbox, doneMarkers);
            }
            int outcome = Commands.OK;
            for (int i = 0; i < files.size(); i++) {
                ImportReport report = reports.take();
                // The done folder is this command's own, and goes when it ends: the file stays where it was.
                boolean inOwnDoneFolder = report.moved() && Path.of(report.folder()).startsWith(inbox.resolve("done"));
                out.println(inOwnDoneFolder ? report.outcome() : report.summary());
                outcome = Math.max(outcome, switch (report.status()) {
                    case FAILED -> Commands.FAILED;
                    case DONE -> report.rejected() > 0 ? Commands.REJECTS : Commands.OK;
                    case ALREADY_IMPORTED -> Commands.OK;
                });
            }
            return outcome;
        } finally {
            main.stop();
            setAside.forEach(System::setProperty);
            PathUtils.deleteDirectory(inbox);
        }
    }

    /**
     * A hard link to the file (or a copy) under a staging name the inbox ignores, then moved in
     * whole. The file the user named is linked, not a symbolic link on the way to it: the inbox
     * refuses symbolic links, but the user chose this file.
     */
    private static void stage(Path file, Path inbox, boolean doneMarkers) throws IOException {
        Path staged = inbox.resolve(file.getFileName() + ".part");
        try {
            Files.createLink(staged, file.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file.toRealPath(), staged, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path inInbox = inbox.resolve(file.getFileName().toString());
        Files.move(staged, inInbox);
        if (doneMarkers) {
            // With BOOKDROP_DONE_MARKERS the inbox takes a file once its NAME.done is beside it: the file named is whole.
            Files.createFile(ReadyFiles.markerOf(inInbox));
        }
    }

    /** Hands on each report once the report route is done with it: logged, written, and in the history. */
    private static final class ReportsPublished extends EventNotifierSupport {

        private final BlockingQueue<ImportReport> reports;

        ReportsPublished(BlockingQueue<ImportReport> reports) {
            this.reports = reports;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            if ("report".equals(exchange.getFromRouteId()) && exchange.getVariable("report") instanceof ImportReport report) {
                reports.add(report);
            }
        }
    }
}
