package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees: bookdrop's MBean, Camel's route MBeans, the Prometheus endpoint, and the
 * MBean through a remote, authenticated JMX connection to a bookdrop process started with the
 * flags the README gives. On the embedded PostgreSQL.
 */
class MonitoringTest {

    private static final Path MIXED = ImportScenarios.CORPUS.resolve("mixed.ndjson");

    @TempDir
    Path work;

    private String table;
    private BookRows rows;

    @BeforeEach
    void nameTable() {
        table = "books_monitoring_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        rows = new BookRows(Databases.postgresUrl(), table);
    }

    @AfterEach
    void dropTable() throws Exception {
        rows.drop();
    }

    @Test
    void the_mbean_route_mbeans_and_prometheus_metrics_show_the_reports_counts() throws Exception {
        int metricsPort = freePort();
        try (RunningBookdrop bookdrop = RunningBookdrop.start(Databases.postgresUrl(), table,
                Files.createDirectory(work.resolve("inbox")), Map.of("bookdrop.metrics-port", String.valueOf(metricsPort)))) {
            bookdrop.drop(MIXED);
            JsonNode report = bookdrop.awaitReport("done", "mixed.ndjson");
            assertThat(report.get("rejected").asLong()).isPositive();
            assertThat(report.get("written").asLong()).isPositive();

            MBeanServerConnection server = ManagementFactory.getPlatformMBeanServer();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertCountsEqualReport(server, report));

            for (String route : List.of("intake", "check", "load", "report")) {
                Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"" + route + "\",*"), null);
                assertThat(names).as("route MBean of " + route).hasSize(1);
                assertThat((Long) server.getAttribute(names.iterator().next(), "ExchangesTotal")).as(route).isPositive();
            }

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics)
                    .contains("# TYPE bookdrop_records_read_total counter")
                    .contains("bookdrop_records_read_total " + report.get("read").asLong() + ".0")
                    .contains("bookdrop_records_rejected_total " + report.get("rejected").asLong() + ".0")
                    .contains("bookdrop_records_written " + report.get("written").asLong() + ".0")
                    .contains("bookdrop_files_total{status=\"done\"} 1.0")
                    .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"intake\"");
            // Bound to 127.0.0.1 by default: not reached through this machine's other addresses.
            for (InetAddress address : otherAddresses()) {
                assertThatThrownBy(() -> new Socket(address, metricsPort).close()).as("metrics on " + address)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private static List<InetAddress> otherAddresses() throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                Collections.list(network.getInetAddresses()).stream().filter(Inet4Address.class::isInstance).forEach(addresses::add);
            }
        }
        return addresses;
    }

    @Test
    void health_is_up_with_its_checks_and_down_naming_the_database_once_the_database_stops() throws Exception {
        int port = freePort();
        // A database of its own, so that it can be stopped under a running bookdrop.
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres own = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
        try (RunningBookdrop bookdrop = RunningBookdrop.start(own.getJdbcUrl("postgres", "postgres"), table,
                Files.createDirectory(work.resolve("inbox")), Map.of("bookdrop.metrics-port", String.valueOf(port)))) {
            HttpResponse<String> up = get(port, "/observe/health?data=true");
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"database\"").contains("\"folders\"")
                    .contains("route:intake");

            own.close();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> down = get(port, "/observe/health?data=true");
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("cannot reach the PostgreSQL at");
            });
            assertThat(get(port, "/observe/health/live").statusCode()).as("alive: a restart would not bring the database back")
                    .isEqualTo(200);
        } finally {
            own.close();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_metrics_endpoint_is_off_unless_a_port_is_set() throws Exception {
        int port = freePort();
        try (RunningBookdrop bookdrop = RunningBookdrop.start(Databases.postgresUrl(), table,
                Files.createDirectory(work.resolve("inbox")), Map.of())) {
            bookdrop.drop(ImportScenarios.SAMPLE_BOOKS);
            bookdrop.awaitReport("done", "books.json");
            try (ServerSocket stillFree = new ServerSocket(port)) {
                assertThat(stillFree.isBound()).isTrue();
            }
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.camel:type=routes,*"), null))
                    .as("JMX is on regardless").isNotEmpty();
        }
    }

    @Test
    void a_remote_authenticated_jmx_connection_reads_the_same_counts() throws Exception {
        int jmxPort = freePort();
        Path password = Files.writeString(work.resolve("jmxremote.password"), "monitor s3cret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path access = Files.writeString(work.resolve("jmxremote.access"), "monitor readonly\n");
        Path inbox = Files.createDirectory(work.resolve("inbox"));

        Map<String, String> environment = Map.of("CRATEDB_URL", Databases.postgresUrl(), "BOOKDROP_INBOX", inbox.toString(),
                "BOOKDROP_TABLE", table, "BOOKDROP_HISTORY_TABLE", RunningBookdrop.historyTable(table),
                "BOOKDROP_CLAIMS_TABLE", RunningBookdrop.claimsTable(table),
                "BOOKDROP_POLL_DELAY", "100", "BOOKDROP_READ_LOCK_INTERVAL", "200");
        // The flags of the README's "Remote JMX" section.
        List<String> jmx = List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.password.file=" + password,
                "-Dcom.sun.management.jmxremote.access.file=" + access,
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=127.0.0.1");
        try (BookdropProcess process = BookdropProcess.start(environment, jmx, work.resolve("bookdrop.log"))) {
            Path staged = Files.copy(MIXED, work.resolve("mixed.ndjson.part"));
            Files.move(staged, inbox.resolve("mixed.ndjson"));
            Path reportFile = inbox.resolve("done").resolve("mixed.ndjson.report.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(reportFile) && Files.size(reportFile) > 0
                    || !process.isAlive());
            assertThat(process.isAlive()).as("bookdrop is running; its log: %s", process.log()).isTrue();
            JsonNode report = ImportScenarios.JSON.readTree(reportFile.toFile());

            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url,
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "s3cret"}))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertCountsEqualReport(server, report));
            }
            assertThat(catchRefused(() -> JMXConnectorFactory.connect(url,
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "wrong"})))).as("a wrong password is refused").isTrue();
        }
    }

    private static void assertCountsEqualReport(MBeanServerConnection server, JsonNode report) throws Exception {
        ObjectName ingest = new ObjectName("org.bookdrop:type=Ingest");
        assertThat(server.getAttribute(ingest, "FilesDone")).isEqualTo(1L);
        assertThat(server.getAttribute(ingest, "FilesFailed")).isEqualTo(0L);
        assertThat(server.getAttribute(ingest, "FilesInProgress")).isEqualTo(0);
        assertThat(server.getAttribute(ingest, "RecordsRead")).isEqualTo(report.get("read").asLong());
        assertThat(server.getAttribute(ingest, "RecordsWritten")).isEqualTo(report.get("written").asLong());
        assertThat(server.getAttribute(ingest, "RecordsRejected")).isEqualTo(report.get("rejected").asLong());
        assertThat(server.getAttribute(ingest, "RecordsDuplicate")).isEqualTo(report.get("duplicates").asLong());
        assertThat(server.getAttribute(ingest, "CurrentFile")).isEqualTo("");
        assertThat(server.getAttribute(ingest, "LastError")).isEqualTo("");
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static boolean catchRefused(Attempt attempt) {
        try {
            attempt.run();
            return false;
        } catch (SecurityException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static int freePort() {
        return Databases.freePort();
    }
}
