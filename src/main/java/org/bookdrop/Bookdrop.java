package org.bookdrop;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.bookdrop.cli.Commands;
import org.bookdrop.report.FailureMessage;

/**
 * Starts bookdrop: Camel Main with the routes of the routes/ folder and the beans of
 * {@link BookdropConfiguration}. It runs until it is stopped (Ctrl-C or SIGTERM).
 */
public final class Bookdrop {

    private Bookdrop() {
    }

    public static Main create() {
        Main main = new Main();
        main.configure().addConfiguration(BookdropConfiguration.class);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport starting) {
                pollOnTheScheduleWhenOneIsSet(starting);
                servePrometheusMetricsWhenAPortIsSet(starting);
            }
        });
        return main;
    }

    /** The file consumer's scheduler: Quartz when bookdrop.schedule is set (see BookdropConfiguration), else a fixed delay. */
    private static void pollOnTheScheduleWhenOneIsSet(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        String schedule = properties.resolveProperty("bookdrop.schedule").orElse("");
        properties.addOverrideProperty("bookdrop.scheduler", schedule.isBlank() ? "none" : "#" + BookdropConfiguration.SCHEDULER);
    }

    /** Camel's management HTTP server with its Micrometer metrics and health checks, on bookdrop.metrics-port if set, at bookdrop.metrics-bind. */
    private static void servePrometheusMetricsWhenAPortIsSet(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        String port = properties.resolveProperty("bookdrop.metrics-port").orElse("");
        if (port.isBlank()) {
            return;
        }
        String bind = properties.resolveProperty("bookdrop.metrics-bind").orElse("127.0.0.1").strip();
        main.configure().metrics().withEnabled(true);
        // Routes started, and bookdrop's own checks (database, folders). Not the consumer checks: the inbox's
        // consumer reads "not yet polled" until its first poll, an hour after start with an hourly BOOKDROP_SCHEDULE.
        main.configure().health().withEnabled(true);
        main.configure().health().setConsumersEnabled(false);
        // Each check by name with its state, also when all are up (the default shows only the overall status then).
        main.configure().health().withExposureLevel("full");
        main.configure().httpManagementServer().withEnabled(true).withHost(bind).withPort(Integer.parseInt(port.strip()))
                .withMetricsEnabled(true).withHealthCheckEnabled(true);
    }

    /**
     * bookdrop with some settings given, over any other source, watching the inbox closely: for
     * the benchmark and the tests, which drop files and wait for them.
     *
     * @param settings property names and values, e.g. {@code bookdrop.table}
     */
    public static Main create(String jdbcUrl, Path inbox, String table, Map<String, String> settings) {
        Main main = create();
        main.addOverrideProperty("cratedb.url", jdbcUrl);
        main.addOverrideProperty("bookdrop.inbox", inbox.toString());
        main.addOverrideProperty("bookdrop.table", table);
        main.addOverrideProperty("bookdrop.poll-delay", "100");
        main.addOverrideProperty("bookdrop.read-lock-interval", "200");
        settings.forEach(main::addOverrideProperty);
        return main;
    }

    public static void main(String[] args) throws Exception {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        int exitCode;
        try {
            exitCode = create().run(args);
        } catch (Exception e) {
            // One line saying what to fix (a database that cannot be reached, say), not a stack trace.
            System.err.println("bookdrop cannot start: " + FailureMessage.of(e));
            exitCode = 1;
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
