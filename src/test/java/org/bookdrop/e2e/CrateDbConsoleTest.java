package org.bookdrop.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The console's scenarios on CrateDB (CRATEDB_URL, or a Testcontainers CrateDB where Docker runs); skipped, saying why, without one. */
class CrateDbConsoleTest extends ConsoleScenarios {

    @Override
    String jdbcUrl() {
        String url = Databases.crateDbUrl();
        assumeTrue(url != null, Databases::whyNoCrateDb);
        return url;
    }

    @Override
    String database() {
        return "cratedb";
    }
}
