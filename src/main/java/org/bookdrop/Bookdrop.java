package org.bookdrop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.bookdrop.cli.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bookdrop.console.WebLogin;
import org.bookdrop.report.FailureMessage;

/**
 * Starts bookdrop: Camel Main with the routes of the routes/ folder and the beans of
 * {@link BookdropConfiguration}. It runs until it is stopped (Ctrl-C or SIGTERM).
 */
public final class Bookdrop {

    private static final Logger LOG = LoggerFactory.getLogger(Bookdrop.class);

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
                serveTheConsoleWhenAPortIsSet(starting);
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
        main.configure().httpManagementServer().withEnabled(true).withHost(bind)
                .withPort(freePort(bind, port, "BOOKDROP_METRICS_PORT", "BOOKDROP_METRICS_BIND"))
                .withMetricsEnabled(true).withHealthCheckEnabled(true);
    }

    /**
     * Camel's HTTP server for the console's pages (routes/console.yaml) on bookdrop.web.port, at
     * bookdrop.web.bind, behind a login when one is set; no console routes when the port is empty.
     * Jolokia joins the management server when bookdrop.jolokia is set, behind the same login.
     */
    private static void serveTheConsoleWhenAPortIsSet(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        String port = properties.resolveProperty("bookdrop.web.port").orElse("").strip();
        boolean jolokia = Boolean.parseBoolean(properties.resolveProperty("bookdrop.jolokia").orElse("false").strip());
        String user = properties.resolveProperty("bookdrop.web.user").orElse("");
        String password = properties.resolveProperty("bookdrop.web.password").orElse("");
        boolean login = WebLogin.wanted(user, password);
        // Written only when a server will ask for it.
        Path loginFile = login && (!port.isEmpty() || jolokia) ? WebLogin.writeFile(user, password) : null;
        if (port.isEmpty()) {
            String excluded = main.configure().getRoutesExcludePattern();
            main.configure().withRoutesExcludePattern(excluded == null || excluded.isBlank() ? CONSOLE_ROUTES
                    : excluded + "," + CONSOLE_ROUTES);
        } else {
            String bind = properties.resolveProperty("bookdrop.web.bind").orElse("127.0.0.1").strip();
            var server = main.configure().httpServer().withEnabled(true).withHost(bind)
                    .withPort(freePort(bind, port, "BOOKDROP_WEB_PORT", "BOOKDROP_WEB_BIND"));
            if (login) {
                server.withAuthenticationEnabled(true).withAuthenticationPath("/*").withAuthenticationRealm("bookdrop")
                        .withBasicPropertiesFile(loginFile.toString());
            }
        }
        if (!jolokia) {
            return;
        }
        String metricsPort = properties.resolveProperty("bookdrop.metrics-port").orElse("");
        if (metricsPort.isBlank()) {
            throw new IllegalArgumentException("BOOKDROP_JOLOKIA=true serves Jolokia on the metrics port: set BOOKDROP_METRICS_PORT too");
        }
        var management = main.configure().httpManagementServer().withJolokiaEnabled(true);
        if (login) {
            management.withAuthenticationEnabled(true).withAuthenticationPath("/observe/jolokia/*")
                    .withAuthenticationRealm("bookdrop").withBasicPropertiesFile(loginFile.toString());
        } else {
            LOG.warn("Jolokia is on without a login: whoever reaches {}:{} can read and change bookdrop's MBeans "
                    + "(stop its routes, say); set BOOKDROP_WEB_USER and BOOKDROP_WEB_PASSWORD",
                    properties.resolveProperty("bookdrop.metrics-bind").orElse("127.0.0.1"), metricsPort.strip());
        }
    }

    /**
     * The port, once it is known to be free at that address: Camel's HTTP server would otherwise
     * only log that it could not listen, and bookdrop would run on without its console.
     */
    private static int freePort(String bind, String setting, String portVariable, String bindVariable) {
        int port;
        try {
            port = Integer.parseInt(setting.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(portVariable + " must be a port number, was '" + setting + "'");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "): another "
                    + "program uses the port; set " + portVariable + " to a free one (or " + bindVariable + ")");
        }
        return port;
    }

    /** The console's route file, left out when the console is off (its platform-http routes need the server). */
    public static final String CONSOLE_ROUTES = "**/console.yaml";

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
        // No console unless a test asks for one on a port of its own.
        main.addOverrideProperty("bookdrop.web.port", "");
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
