package org.bookdrop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.cratedb.CrateDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The databases the end-to-end scenarios run against: a PostgreSQL that the tests start
 * themselves, always, and CrateDB when one can be reached.
 */
public final class Databases {

    private static EmbeddedPostgres postgres;
    private static GenericContainer<?> crateContainer;
    private static String crateUrl;
    private static String whyNoContainer;

    private Databases() {
    }

    /** One embedded PostgreSQL for the whole test run; each test works in its own table. */
    public static synchronized String postgresUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * CRATEDB_URL when it is set; otherwise a CrateDB container when Docker is there; otherwise
     * null, and {@link #whyNoCrateDb()} says why.
     */
    static synchronized String crateDbUrl() {
        String url = System.getenv("CRATEDB_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (crateContainer == null && whyNoContainer == null) {
            if (!dockerAvailable()) {
                whyNoContainer = "no Docker engine is available for Testcontainers";
            } else {
                try {
                    crateUrl = startCrateContainer();
                } catch (RuntimeException e) {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    whyNoContainer = "Testcontainers could not start CrateDB on this Docker engine (" + e.getMessage()
                            + (root == e ? "" : "; at the root: " + root) + ")";
                    crateContainer = null;
                }
            }
        }
        return crateContainer == null ? null : crateUrl;
    }

    private static String startCrateContainer() {
        DockerImageName image = DockerImageName.parse("crate:6.1");
        pulledOnce(image);
        if (bridgeNetworkAvailable()) {
            CrateDBContainer container = new CrateDBContainer(image);
            started(container);
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/doc?user=crate";
        }
        // An engine without a bridge network (run with "bridge": "none"): the CrateDB module maps
        // ports, which needs one, so the same image runs on the host's network instead, on ports
        // free on this machine, bound to 127.0.0.1.
        int http = freePort();
        int psql = freePort();
        int transport = freePort();
        started(new GenericContainer<>(image).withNetworkMode("host")
                .withCommand("crate", "-Cdiscovery.type=single-node", "-Cnetwork.host=127.0.0.1",
                        "-Chttp.port=" + http, "-Cpsql.port=" + psql, "-Ctransport.tcp.port=" + transport)
                .waitingFor(Wait.forLogMessage(".*\\bstarted\\b.*", 1).withStartupTimeout(Duration.ofMinutes(3))));
        return "jdbc:postgresql://127.0.0.1:" + psql + "/doc?user=crate";
    }

    /**
     * The image on the engine, pulled once if it is missing. An engine that cannot reach a registry
     * answers that at once, and the scenarios are skipped with its words, where Testcontainers' own
     * pull would try again for two minutes first.
     */
    private static void pulledOnce(DockerImageName image) {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image.asCanonicalNameString()).exec();
            return;
        } catch (NotFoundException e) {
            // Not on this engine: pulled below.
        }
        try {
            client.pullImageCmd(image.getUnversionedPart()).withTag(image.getVersionPart())
                    .exec(new ResultCallback.Adapter<PullResponseItem>()).awaitCompletion(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + image, e);
        }
    }

    private static void started(GenericContainer<?> container) {
        container.start();
        crateContainer = container;
        // Testcontainers' reaper is off (pom.xml: its image may not be reachable); the container goes with the tests.
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    }

    private static boolean bridgeNetworkAvailable() {
        return !DockerClientFactory.instance().client().listNetworksCmd().withNameFilter("bridge").exec().isEmpty();
    }

    /** A port free on this machine just now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String whyNoCrateDb() {
        return "CrateDB scenario skipped: CRATEDB_URL is not set and " + whyNoContainer
                + ". Set CRATEDB_URL=jdbc:postgresql://HOST:5432/doc?user=crate to run it.";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
