package org.bookdrop.e2e;

/** The end-to-end scenarios on a real PostgreSQL server that the tests start themselves. */
class PostgresEndToEndTest extends ImportScenarios {

    @Override
    String jdbcUrl() {
        return Databases.postgresUrl();
    }

    @Override
    String textArray() {
        return "TEXT[]";
    }
}
