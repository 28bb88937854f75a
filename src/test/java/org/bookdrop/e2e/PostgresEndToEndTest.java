package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void connects_through_a_multi_host_url_when_the_first_host_is_down() throws Exception {
        String url = Databases.postgresUrl().replaceFirst("//localhost:", "//127.0.0.1:1,localhost:");
        restartWith(url, java.util.Map.of());
        bookdrop.drop(SAMPLE_BOOKS);

        assertThat(bookdrop.awaitReport("done", "books.json").get("written").asLong()).isEqualTo(3);
    }
}
