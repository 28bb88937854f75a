package org.bookdrop.e2e;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bookdrop.report.FailureMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The console on the embedded PostgreSQL; and what does not depend on the database: a database that stops, the login, Jolokia. */
class PostgresConsoleTest extends ConsoleScenarios {

    @Override
    String jdbcUrl() {
        return Databases.postgresUrl();
    }

    @Override
    String database() {
        return "postgresql";
    }

    @Test
    void the_overview_and_the_health_endpoint_say_the_database_is_down_once_it_stops() throws Exception {
        // A database of its own, so that it can be stopped under a running bookdrop.
        EmbeddedPostgres own = EmbeddedPostgres.builder().start();
        int webPort = Databases.freePort();
        int metricsPort = Databases.freePort();
        try (RunningBookdrop stopping = RunningBookdrop.start(own.getJdbcUrl("postgres", "postgres"), table,
                Files.createDirectory(work.resolve("stopping")), Map.of("bookdrop.web.port", String.valueOf(webPort),
                        "bookdrop.metrics-port", String.valueOf(metricsPort)))) {
            browser.driver.get("http://127.0.0.1:" + webPort + "/");
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("db-state"), "reachable"));

            own.close();

            browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("db-state"), "not reachable"));
            browser.screenshot(database() + "-database-down");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> health = get("http://127.0.0.1:" + metricsPort + "/observe/health", null);
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"DOWN\"");
            });
        } finally {
            own.close();
        }
    }

    @Test
    void with_a_login_set_every_page_the_feed_the_upload_and_jolokia_ask_for_it() throws Exception {
        int webPort = Databases.freePort();
        int metricsPort = Databases.freePort();
        String password = "s3cret:with=signs#!";
        try (RunningBookdrop guarded = RunningBookdrop.start(jdbcUrl(), table + "_guarded", Files.createDirectory(work.resolve("guarded")),
                Map.of("bookdrop.web.port", String.valueOf(webPort), "bookdrop.metrics-port", String.valueOf(metricsPort),
                        "bookdrop.web.user", "librarian", "bookdrop.web.password", password, "bookdrop.jolokia", "true"))) {
            String web = "http://127.0.0.1:" + webPort;
            String login = "Basic " + Base64.getEncoder().encodeToString(("librarian:" + password).getBytes(StandardCharsets.UTF_8));
            String wrong = "Basic " + Base64.getEncoder().encodeToString("librarian:guess".getBytes(StandardCharsets.UTF_8));
            for (String path : new String[] {"/", "/imports", "/books", "/assets/console.js"}) {
                assertThat(get(web + path, null).statusCode()).as(path).isEqualTo(401);
                assertThat(get(web + path, wrong).statusCode()).as(path).isEqualTo(401);
                assertThat(get(web + path, login).statusCode()).as(path).isEqualTo(200);
            }
            HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web + "/events"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(401);
            HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web + "/upload"))
                    .header("Origin", web).header("X-File-Name", "books.json")
                    .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(401);
            assertThat(Files.list(guarded.inbox()).filter(Files::isRegularFile)).isEmpty();

            // Hawtio's view: bookdrop's own MBean read through Jolokia, behind the same login.
            String jolokia = "http://127.0.0.1:" + metricsPort + "/observe/jolokia/read/org.bookdrop:type=Ingest";
            assertThat(get(jolokia, null).statusCode()).isEqualTo(401);
            HttpResponse<String> read = get(jolokia, login);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("\"FilesDone\"").contains("\"RecordsRead\"").contains("\"status\":200");
            assertThat(get("http://127.0.0.1:" + metricsPort + "/observe/health", null).statusCode())
                    .as("the health endpoint stays open for the compose healthcheck").isEqualTo(200);
            assertThat(Files.readString(java.nio.file.Path.of(System.getProperty("bookdrop.test.log", "target/bookdrop-test.log")))).as("the password is never logged")
                    .contains("bookdrop.web.password").doesNotContain(password);
        }
    }

    @Test
    void a_console_port_another_program_holds_stops_bookdrop_at_start_saying_so() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> RunningBookdrop.start(jdbcUrl(), table + "_taken", Files.createDirectory(work.resolve("taken")),
                    Map.of("bookdrop.web.port", String.valueOf(taken.getLocalPort()))))
                    .satisfies(e -> assertThat(FailureMessage.of(e)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                            .contains("set BOOKDROP_WEB_PORT to a free one"));
        }
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
