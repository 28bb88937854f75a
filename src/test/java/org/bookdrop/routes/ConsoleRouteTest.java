package org.bookdrop.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.bookdrop.report.ImportReport;
import org.junit.jupiter.api.Test;

/**
 * The wiring of routes/console.yaml: each page's route answers from its bean, a page whose query
 * fails answers with the reason and leaves its route started, and a report sent to the report
 * route reaches an open live feed.
 */
class ConsoleRouteTest extends BookdropRouteTest {

    /** Chosen at first use: Camel's test support asks for it from its constructor, before this class's fields are set. */
    private String port;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected String webPort() {
        if (port == null) {
            port = String.valueOf(freePort());
        }
        return port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_report_reaches_the_history_pages_and_an_open_live_feed() throws Exception {
        context.start();
        HttpResponse<InputStream> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + webPort() + "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BufferedReader events = new BufferedReader(new InputStreamReader(feed.body(), StandardCharsets.UTF_8));
        assertThat(events.readLine()).isEqualTo("retry: 2000");
        CompletableFuture<String> reportEvent = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = events.readLine()) != null) {
                    if (line.equals("event: report")) {
                        return events.readLine();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(1).create();
        Instant started = Instant.parse("2026-12-02T10:15:30.123Z");

        template.sendBody("seda:report", report("shelf.json", started));

        assertThat(reported.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(reportEvent.get(20, TimeUnit.SECONDS)).startsWith("data: {").contains("\"file\":\"shelf.json\"")
                .contains("\"written\":6").contains("\"startedAt\":" + started.toEpochMilli());
        feed.body().close();

        HttpResponse<String> imports = get("/imports?status=DONE&file=shelf");
        assertThat(imports.statusCode()).isEqualTo(200);
        assertThat(imports.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(imports.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'"));
        assertThat(imports.body()).contains("shelf.json").contains("/import?file=shelf.json&amp;started=" + started.toEpochMilli());
        assertThat(get("/imports?status=FAILED").body()).doesNotContain("shelf.json");

        HttpResponse<String> report = get("/import?file=shelf.json&started=" + started.toEpochMilli());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<dd id=\"report-written\">6</dd>").contains("<dd id=\"report-read\">7</dd>");
        assertThat(report.headers().map().keySet()).as("the request's headers are not echoed").doesNotContain("user-agent");

        HttpResponse<String> missing = get("/import?file=" + URLEncoder.encode("other.json", StandardCharsets.UTF_8) + "&started=1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("The history has no import of &#39;other.json&#39;");
    }

    @Test
    void a_page_whose_query_fails_answers_with_the_reason_and_its_route_stays_started() throws Exception {
        context.start();
        try (Connection connection = DriverManager.getConnection(databaseUrl()); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + historyTable);
        }

        HttpResponse<String> imports = get("/imports");

        assertThat(imports.statusCode()).isEqualTo(503);
        assertThat(imports.body()).contains("Not available just now").contains(historyTable).doesNotContain("at org.");
        assertThat(context.getRouteController().getRouteStatus("console-imports").isStarted()).isTrue();
        assertThat(get("/books").statusCode()).as("the other pages still answer").isEqualTo(200);
    }

    @Test
    void the_stylesheet_and_script_come_from_the_jar_and_nothing_else_does() throws Exception {
        context.start();
        HttpResponse<String> script = get("/assets/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("new EventSource");
        assertThat(get("/assets/console.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/assets/..%2Fapplication.properties").statusCode()).isEqualTo(404);
        assertThat(get("/assets/application.properties").statusCode()).isEqualTo(404);
    }

    private ImportReport report(String file, Instant started) {
        return new ImportReport(file, "cd".repeat(32), 321, ImportReport.Status.DONE, inbox.resolve("done").toString(),
                inbox.resolve("done").resolve(file).toString(), true, table, "bookdrop", started, started.plusMillis(40),
                started.plusMillis(50), 50, 7, 6, 0, 1, 6, 0, null, Map.of(), Map.of(), null, null, null, null, Set.of(), List.of());
    }
}
