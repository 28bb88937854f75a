package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.report.FailureMessage;
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

    @Override
    void afterWrite(String table) {
        // PostgreSQL's writes are visible once committed.
    }

    @Test
    void refuses_to_start_with_a_mapping_that_has_a_mistake_naming_its_file_and_line() throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("shop.yaml"), "folder: shop\nfields:\n  title: Name\n  author: Writer\n"
                + "  publication_date:\n    from: Published\n    patterns: [dd/MM]\n");
        bookdrop.close();

        assertThatThrownBy(() -> RunningBookdrop.start(jdbcUrl(), table, bookdrop.inbox(),
                Map.of("bookdrop.mappings", mappings.toString())))
                .satisfies(e -> assertThat(FailureMessage.of(e)).isEqualTo(mappings.resolve("shop.yaml")
                        + " line 7: date pattern 'dd/MM' has no year (y); the words iso, year and first-year are the others known"));
        bookdrop = null;
    }

    @Test
    void connects_through_a_multi_host_url_when_the_first_host_is_down() throws Exception {
        String url = Databases.postgresUrl().replaceFirst("//localhost:", "//127.0.0.1:1,localhost:");
        restartWith(url, Map.of());
        bookdrop.drop(SAMPLE_BOOKS);

        assertThat(bookdrop.awaitReport("done", "books.json").get("written").asLong()).isEqualTo(3);
    }

    @Test
    void on_a_cron_schedule_the_inbox_is_imported_when_the_schedule_fires() throws Exception {
        restartWith(Map.of("bookdrop.schedule", "0/4 * * * * ?"));
        // Just after a firing, so that polling would take the file at once and the schedule not for 3 s.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Instant now = Instant.now();
            return now.atZone(ZoneOffset.UTC).getSecond() % 4 == 1 && now.getNano() < 300_000_000;
        });
        Instant dropped = Instant.now();
        bookdrop.drop(SAMPLE_BOOKS);

        JsonNode report = bookdrop.awaitReport("done", "books.json");
        assertThat(report.get("written").asLong()).isEqualTo(3);
        Instant started = Instant.parse(report.get("startedAt").asText());
        assertThat(started.atZone(ZoneOffset.UTC).getSecond() % 4).as("picked up when the schedule fired, at " + started)
                .isZero();
        // Dropped at most 1.3 s after a firing, so the next is at least 2.7 s away; polling would take it in 0.3 s.
        assertThat(Duration.between(dropped, started)).as("waited for the schedule").isGreaterThan(Duration.ofMillis(2000));
    }
}
