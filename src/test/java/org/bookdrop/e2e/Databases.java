package org.bookdrop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.cratedb.CrateDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The databases the end-to-end scenarios run against: a PostgreSQL that the tests start
 * themselves, always, and CrateDB when one can be reached.
 */
public final class Databases {

    private static EmbeddedPostgres postgres;
    private static CrateDBContainer crateContainer;

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
        if (crateContainer == null && dockerAvailable()) {
            crateContainer = new CrateDBContainer(DockerImageName.parse("crate:6.1"));
            crateContainer.start();
        }
        return crateContainer == null ? null
                : "jdbc:postgresql://" + crateContainer.getHost() + ":" + crateContainer.getMappedPort(5432)
                        + "/doc?user=crate";
    }

    static String whyNoCrateDb() {
        return "CrateDB scenario skipped: CRATEDB_URL is not set and no Docker engine is available for "
                + "Testcontainers. Set CRATEDB_URL=jdbc:postgresql://HOST:5432/doc?user=crate to run it.";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
