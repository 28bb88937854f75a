package org.bookdrop.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.tools.GenerateBooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser (headless Chromium through Selenium) against a running bookdrop:
 * a file dropped on the page is imported and its report shows without a reload, its rejects are
 * read with their reasons, its books are found, values that look like HTML stay text, and uploads
 * that must be refused are. Each database runs them through a subclass. Screenshots of each page
 * go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleScenarios {

    static final long MAX_UPLOAD_MB = 1;

    /** A folder of the class's own (a @TempDir field is not there yet in @BeforeAll). */
    Path work;

    String table;
    BookRows rows;
    RunningBookdrop bookdrop;
    Browser browser;
    String base;
    int port;

    abstract String jdbcUrl();

    /** A name for the screenshots of this database's run. */
    abstract String database();

    /** Why this class's scenarios are skipped (no database, no browser), or null when they run. */
    String skipped;

    @BeforeAll
    void start() throws Exception {
        String url;
        try {
            url = jdbcUrl();
            browser = Browser.start();
        } catch (TestAbortedException e) {
            // Said by each scenario, so that each is counted as skipped with the reason.
            skipped = e.getMessage();
            System.err.println(skipped);
            return;
        }
        work = Files.createTempDirectory("bookdrop-console-test");
        table = "books_console_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        rows = new BookRows(url, table);
        port = Databases.freePort();
        bookdrop = RunningBookdrop.start(url, table, Files.createDirectory(work.resolve("inbox")),
                Map.of("bookdrop.web.port", String.valueOf(port), "bookdrop.web.max-upload-mb", String.valueOf(MAX_UPLOAD_MB)));
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (bookdrop != null) {
            bookdrop.close();
        }
        if (rows != null) {
            rows.drop();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void skipWithTheReason() {
        assumeTrue(skipped == null, () -> skipped);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    private WebElement awaitElement(By by) {
        return browser.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void awaitText(By by, String text) {
        browser.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).as("no script of the data ran")
                .isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void a_file_dropped_on_the_page_is_imported_and_its_report_appears_with_its_counts_without_a_reload() throws Exception {
        Path file = write("catalogue.ndjson", """
                {"id": "eco-1", "title": "The Name of the Rose", "author": "Umberto Eco", "publication_date": "1980-09-01", "categories": ["mystery"]}
                {"id": "eco-2", "title": "Foucault's Pendulum", "author": "Umberto Eco", "publication_date": "1988-10-01"}
                {"id": "eco-3", "title": "Baudolino", "author": "Umberto Eco", "publication_date": "2000-01-01"}
                {"id": "eco-4", "title": "The Island of the Day Before", "author": "Umberto Eco", "publication_date": "12/31/1994"}
                {"id": "eco-5", "author": "Umberto Eco"}
                """);
        browser.driver.get(base + "/");
        awaitElement(By.id("dropzone"));
        browser.screenshot(database() + "-overview");
        browser.driver.executeScript("window.bookdropSameVisit = true;");

        browser.driver.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());

        awaitText(By.id("upload-counts"), "5 read, 3 written, 2 rejected");
        assertThat(browser.driver.executeScript("return window.bookdropSameVisit === true;"))
                .as("the report came to the page the file was dropped on, without a reload").isEqualTo(true);
        assertThat(browser.driver.findElement(By.id("latest")).getText()).contains("catalogue.ndjson");
        // The totals follow from the next status event, a second at most after the report.
        browser.waiting(Duration.ofSeconds(10)).until(driver -> !driver.findElement(By.id("records-read")).getText().equals("0"));
        browser.screenshot(database() + "-overview-after-upload");
        JsonNode report = bookdrop.awaitReport("done", "catalogue.ndjson");
        assertThat(report.get("written").asLong()).isEqualTo(3);

        browser.driver.findElement(By.id("upload-rejects-link")).click();
        WebElement reasons = awaitElement(By.id("reasons"));
        assertThat(reasons.getText()).contains("publication_date").contains("is not an ISO date").contains("title");
        String records = browser.driver.findElement(By.id("rejected")).getText();
        assertThat(records).contains("line 4").contains("'12/31/1994' is not an ISO date").contains("line 5");
        browser.screenshot(database() + "-rejects");

        String download = browser.driver.findElement(By.linkText("Download the rejects file")).getAttribute("href");
        HttpResponse<String> rejects = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rejects.statusCode()).isEqualTo(200);
        assertThat(rejects.body().lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"_rejected\""));

        browser.driver.findElement(By.linkText("The import's report")).click();
        awaitElement(By.id("report"));
        assertThat(browser.driver.findElement(By.id("report-read")).getText()).isEqualTo("5");
        assertThat(browser.driver.findElement(By.id("report-written")).getText()).isEqualTo("3");
        assertThat(browser.driver.findElement(By.id("report-sha256")).getText()).isEqualTo(report.get("sha256").asText());
        browser.screenshot(database() + "-import");

        browser.driver.findElement(By.linkText("Imports")).click();
        awaitElement(By.id("imports"));
        assertThat(browser.driver.findElement(By.id("imports")).getText()).contains("catalogue.ndjson");
        browser.screenshot(database() + "-imports");
    }

    @Test
    void a_big_file_shows_its_progress_on_the_overview_while_it_loads() throws Exception {
        Path big = work.resolve("catalogue-300k.ndjson");
        GenerateBooks.main(new String[] {"--count", "300000", "--out", big.toString()});
        // A bookdrop and a table of its own: 300,000 made-up books would crowd the other scenarios' searches.
        String bigTable = table + "_big";
        int bigPort = Databases.freePort();
        try (RunningBookdrop loading = RunningBookdrop.start(jdbcUrl(), bigTable, Files.createDirectory(work.resolve("big")),
                Map.of("bookdrop.web.port", String.valueOf(bigPort)))) {
            browser.driver.get("http://127.0.0.1:" + bigPort + "/");
            awaitElement(By.id("current-files"));

            loading.drop(big);

            // The box is drawn again at each status event: read it whole, or look again.
            String progress = browser.waiting(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(driver -> {
                List<WebElement> boxes = driver.findElements(By.cssSelector("#current-files .file-progress"));
                if (boxes.isEmpty()) {
                    return null;
                }
                double bytesRead = Double.parseDouble(boxes.get(0).findElement(By.tagName("progress")).getAttribute("value"));
                return bytesRead > 0 ? boxes.get(0).getText() : null;
            });
            browser.screenshot(database() + "-overview-in-progress");
            assertThat(progress).contains("catalogue-300k.ndjson").contains("records so far").contains("a second")
                    .contains("% of the file read");
            awaitText(By.id("latest"), "catalogue-300k.ndjson");
            assertThat(loading.awaitReport("done", "catalogue-300k.ndjson", Duration.ofSeconds(120)).get("written").asLong())
                    .isEqualTo(300_000);
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.cssSelector("#current-files p"),
                    "No file is being imported."));
        } finally {
            new BookRows(jdbcUrl(), bigTable).drop();
        }
    }

    @Test
    void a_goodreads_export_dropped_on_the_page_with_its_mapping_chosen_is_read_through_that_mapping() throws Exception {
        browser.driver.get(base + "/");
        awaitElement(By.id("dropzone"));
        new Select(browser.driver.findElement(By.id("upload-folder"))).selectByValue("goodreads");

        browser.driver.findElement(By.id("file-input")).sendKeys(
                Path.of("src/test/resources/sources/goodreads_library_export.csv").toAbsolutePath().toString());

        awaitText(By.id("upload-counts"), "5 read, 4 written, 1 rejected");
        assertThat(browser.driver.findElement(By.id("upload-report")).getText())
                .contains("goodreads/goodreads_library_export.csv: DONE");
        JsonNode report = bookdrop.awaitReport("done/goodreads", "goodreads_library_export.csv");
        assertThat(report.get("mapping").asText()).isEqualTo("goodreads");
        browser.driver.findElement(By.id("upload-rejects-link")).click();
        awaitElement(By.id("rejected"));
        assertThat(browser.driver.findElement(By.id("rejected")).getText()).contains("line ");
    }

    @Test
    void a_title_searched_is_found_and_an_authors_books_are_listed_by_date() throws Exception {
        bookdrop.drop(write("search.json", """
                [{"id": "le-guin-1", "title": "A Wizard of Earthsea", "author": "Ursula K. Le Guin", "publication_date": "1968-01-01", "categories": ["fantasy"]},
                 {"id": "le-guin-2", "title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "publication_date": "1969-03-01", "categories": ["science fiction", "\\"hard\\" sf, {a\\\\b}"]},
                 {"id": "le-guin-3", "title": "The Dispossessed", "author": "Ursula K. Le Guin", "publication_date": "1974-05-01"}]
                """));
        bookdrop.awaitReport("done", "search.json");

        browser.driver.get(base + "/books");
        WebElement words = awaitElement(By.name("q"));
        words.sendKeys("wizards");
        words.submit();
        awaitText(By.id("books"), "A Wizard of Earthsea");
        assertThat(browser.driver.findElement(By.id("books")).getText()).doesNotContain("The Dispossessed");
        browser.screenshot(database() + "-books");

        browser.driver.findElement(By.linkText("Ursula K. Le Guin")).click();
        awaitText(By.id("books"), "The Dispossessed");
        List<String> titles = browser.driver.findElements(By.cssSelector("#books td.title")).stream().map(WebElement::getText).toList();
        assertThat(titles).containsExactly("A Wizard of Earthsea", "The Left Hand of Darkness", "The Dispossessed");

        browser.driver.get(base + "/books?category=" + URLEncoder.encode("science fiction", StandardCharsets.UTF_8));
        awaitText(By.id("books"), "The Left Hand of Darkness");
        assertThat(browser.driver.findElements(By.cssSelector("#books td.title"))).hasSize(1);
        // A category is shown as it is stored, quotes and backslashes too, and its link finds its books.
        List<WebElement> tags = browser.driver.findElements(By.cssSelector("#books a.tag"));
        assertThat(tags).extracting(WebElement::getText).containsExactly("science fiction", "\"hard\" sf, {a\\b}");
        tags.get(1).click();
        awaitText(By.id("books"), "The Left Hand of Darkness");
        assertThat(browser.driver.findElements(By.cssSelector("#books td.title"))).hasSize(1);

        browser.driver.get(base + "/books/authors");
        awaitText(By.id("authors"), "Ursula K. Le Guin");
        assertThat(browser.driver.findElement(By.id("authors")).getText()).contains("Ursula K. Le Guin 3");
        browser.screenshot(database() + "-authors");
    }

    @Test
    void a_title_and_a_file_name_that_look_like_html_are_shown_as_text_on_every_page() throws Exception {
        String fileName = "<img src=x onerror=alert(1)>.json";
        String title = "<script>alert(1)</script> Tempest";
        browser.driver.get(base + "/");
        awaitElement(By.id("latest"));

        bookdrop.drop(write(fileName, """
                [{"id": "xss-1", "title": "<script>alert(1)</script> Tempest", "author": "<b onmouseover=alert(2)>Mallory</b>", "categories": ["<i>x</i>"]},
                 {"id": "xss-2", "title": "<img src=x onerror=alert(3)>", "publication_date": "<svg onload=alert(4)>"}]
                """));
        // The new row arrives live on the open overview, from the report event.
        awaitText(By.id("latest"), fileName);
        assertNoAlert();

        for (String page : List.of("/", "/imports", "/imports?file=" + URLEncoder.encode("<img", StandardCharsets.UTF_8),
                "/books?q=tempest", "/books/authors")) {
            browser.driver.get(base + page);
            awaitElement(By.tagName("main"));
            assertNoAlert();
            assertThat(browser.driver.findElements(By.cssSelector("main img, main script, main svg, main b, main i")))
                    .as("no element made of the data on %s", page).isEmpty();
        }
        browser.driver.get(base + "/imports");
        assertThat(browser.driver.findElement(By.id("imports")).getText()).contains(fileName);
        browser.driver.findElement(By.linkText(fileName)).click();
        awaitElement(By.id("report"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(fileName);
        browser.driver.findElement(By.id("report-rejected")).findElement(By.tagName("a")).click();
        awaitElement(By.id("rejected"));
        assertNoAlert();
        assertThat(browser.driver.findElement(By.id("rejected")).getText()).contains("<svg onload=alert(4)>");
        assertThat(browser.driver.findElements(By.cssSelector("main img, main svg"))).isEmpty();

        browser.driver.get(base + "/books?q=tempest");
        awaitText(By.id("books"), title);
        assertThat(browser.driver.findElement(By.id("books")).getText()).contains("<b onmouseover=alert(2)>Mallory</b>");
        assertNoAlert();
        browser.screenshot(database() + "-html-as-text");
    }

    @Test
    void an_upload_over_the_limit_is_refused_on_the_page_and_by_the_server() throws Exception {
        Path big = work.resolve("big.ndjson");
        byte[] line = "{\"id\": \"big\", \"title\": \"Big\"}\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written <= (MAX_UPLOAD_MB * 1024 * 1024) + 1; written += line.length) {
                out.write(line);
            }
        }
        browser.driver.get(base + "/");
        awaitElement(By.id("dropzone"));
        browser.driver.findElement(By.id("file-input")).sendKeys(big.toAbsolutePath().toString());
        awaitText(By.id("upload-status"), "over the console's limit of 1 MB");
        browser.screenshot(database() + "-upload-refused");

        HttpResponse<String> refused = upload("big.ndjson", Files.readAllBytes(big), base);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("big.ndjson is " + String.format("%,d", Files.size(big)) + " bytes, over the console's limit of 1 MB");
        assertThat(inboxFiles()).noneMatch(name -> name.contains("big"));
    }

    @Test
    void an_upload_from_another_site_or_for_a_file_bookdrop_does_not_read_is_refused() throws Exception {
        HttpResponse<String> crossSite = upload("books.json", "[]".getBytes(StandardCharsets.UTF_8), "http://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("only from bookdrop's own page");

        HttpResponse<String> badName = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Origin", base).header("X-File-Name", "100%zz.json")
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("is not percent-encoded");

        HttpResponse<String> unread = upload("tool.exe", "MZ".getBytes(StandardCharsets.UTF_8), base);
        assertThat(unread.statusCode()).isEqualTo(415);
        assertThat(unread.body()).contains("has an extension bookdrop does not read");
        assertThat(inboxFiles()).noneMatch(name -> name.contains("tool"));
    }

    @Test
    void a_name_with_a_path_stays_in_the_inbox_and_a_broken_off_upload_leaves_nothing() throws Exception {
        HttpResponse<String> climbing = upload("../../escaped.json",
                "[{\"id\": \"escaped-1\", \"title\": \"Escaped\", \"author\": \"Houdini\"}]".getBytes(StandardCharsets.UTF_8), base);
        assertThat(climbing.statusCode()).isEqualTo(201);
        assertThat(climbing.body()).contains("\"file\":\"escaped.json\"");
        assertThat(bookdrop.awaitReport("done", "escaped.json").get("written").asLong()).isEqualTo(1);
        assertThat(work.resolve("escaped.json")).doesNotExist();

        // A browser that goes away after a part of its file: the upload is dropped, and no file is left to import.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + base + "\r\n"
                    + "X-File-Name: halfway.ndjson\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write("{\"id\": \"half\", \"title\": \"Half\"}\n".repeat(100).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(inboxFiles()).noneMatch(name -> name.contains("halfway") || name.startsWith(".upload-")));
        Thread.sleep(1000);
        assertThat(Files.exists(bookdrop.inbox().resolve("done/halfway.ndjson"))).isFalse();
        assertThat(Files.exists(bookdrop.inbox().resolve("error/halfway.ndjson"))).isFalse();
    }

    /** The files in the inbox itself and its subfolders but done and error, hidden ones too. */
    private List<String> inboxFiles() throws IOException {
        try (Stream<Path> files = Files.walk(bookdrop.inbox())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(bookdrop.inbox().resolve("done")) && !file.startsWith(bookdrop.inbox().resolve("error")))
                    .map(file -> file.getFileName().toString()).toList();
        }
    }

    HttpResponse<String> upload(String name, byte[] content, String origin) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/upload"))
                .header("Origin", origin).header("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
