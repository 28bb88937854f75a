package org.bookdrop.console;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Message;
import org.bookdrop.history.PastImports;
import org.bookdrop.read.BookFormat;
import org.bookdrop.report.FailureMessage;

/**
 * {@code /}: the database, the inbox, the file in progress with its progress bar, the totals since
 * start, the last error, a place to drop a file, and the latest imports. The page is whole as the
 * server renders it; its script then keeps it live from {@code /events}.
 */
public final class OverviewPage {

    private static final int LATEST = 10;

    private final ConsoleStatus status;
    private final PastImports history;
    private final Map<String, String> mappingsByFolder;
    private final long maxUploadBytes;

    /** @param mappingsByFolder the mappings that take the files of an inbox folder, by folder: a dropped file may go there */
    public OverviewPage(ConsoleStatus status, PastImports history, Map<String, String> mappingsByFolder, long maxUploadBytes) {
        this.status = status;
        this.history = history;
        this.mappingsByFolder = new TreeMap<>(mappingsByFolder);
        this.maxUploadBytes = maxUploadBytes;
    }

    public void show(Message message) {
        ObjectNode now = status.snapshot();
        JsonNode database = now.get("database");
        JsonNode totals = now.get("totals");
        StringBuilder body = new StringBuilder();
        body.append("<h1>Overview</h1>\n<section class=\"cards\" id=\"live\" data-events=\"").append(LiveEvents.PATH).append("\">\n");
        body.append(card("Database", "<p id=\"db-kind\">" + Html.text(database.get("kind").asText()) + "</p>"
                + "<p id=\"db-state\" class=\"" + (database.get("reachable").asBoolean() ? "up" : "down") + "\">"
                + (database.get("reachable").asBoolean() ? "reachable" : "not reachable") + "</p>"
                + "<p id=\"db-detail\" class=\"detail\">" + Html.text(database.get("detail").asText()) + "</p>"));
        body.append(card("Inbox", "<p id=\"inbox-path\" class=\"path\">" + Html.text(now.get("inbox").asText()) + "</p>"
                + "<p><span id=\"in-inbox\" class=\"big\">" + Html.count(now.get("inInbox").asLong()) + "</span> <span id=\"in-inbox-unit\">"
                + (now.get("inInbox").asLong() == 1 ? "file" : "files") + "</span> in the inbox</p>"));
        body.append(card("Since start", "<dl class=\"totals\">"
                + total("files imported", "files-done", totals.get("filesDone"))
                + total("files failed", "files-failed", totals.get("filesFailed"))
                + total("records read", "records-read", totals.get("read"))
                + total("rows written", "records-written", totals.get("written"))
                + total("records rejected", "records-rejected", totals.get("rejected"))
                + "</dl>"));
        body.append("</section>\n");

        body.append("<section id=\"current\"><h2>In progress</h2><div id=\"current-files\">");
        if (now.get("inProgress").isEmpty()) {
            body.append("<p class=\"idle\">No file is being imported.</p>");
        } else {
            for (JsonNode file : now.get("inProgress")) {
                body.append("<p>").append(Html.text(file.get("file").asText())).append(": ")
                        .append(Html.count(file.get("read").asLong())).append(" records so far</p>");
            }
        }
        body.append("</div></section>\n");

        body.append("""
                <section id="drop">
                <h2>Drop a file</h2>
                <form id="upload" action="/upload" method="post" data-max-bytes="%d">
                <label id="dropzone" for="file-input">Drop a book file here, or <span class="link">choose one</span>
                <input id="file-input" name="file" type="file" accept="%s"></label>
                <label class="detail">Read it as <select id="upload-folder" name="folder">%s</select></label>
                <p class="detail">Reads %s; up to %s MB.</p>
                <progress id="upload-progress" max="1" value="0" hidden></progress>
                <p id="upload-status" role="status"></p>
                </form>
                <div id="upload-report" hidden></div>
                </section>
                """.formatted(maxUploadBytes, Html.text(Uploads.ACCEPTED), folderOptions(), Html.text(BookFormat.KNOWN),
                Html.count(maxUploadBytes / (1024 * 1024))));

        String lastError = now.get("lastError").asText();
        body.append("<section><h2>Last error</h2><p id=\"last-error\" class=\"").append(lastError.isEmpty() ? "idle" : "error")
                .append("\">").append(lastError.isEmpty() ? "None since start." : Html.text(lastError + " (" + now.get("lastErrorTime").asText() + ")"))
                .append("</p></section>\n");

        body.append("<section><h2>Latest imports</h2>");
        try {
            PastImports.Page latest = history.newestFirst("", "", 0, LATEST);
            body.append(ImportsPages.table(latest.rows(), "latest"));
            body.append("<p><a href=\"/imports\">All imports</a></p>");
        } catch (SQLException e) {
            body.append("<p class=\"error\">The import history cannot be read: ").append(Html.text(FailureMessage.of(e))).append("</p>");
        }
        body.append("</section>\n");
        WebResponses.html(message, Html.page("Overview", "Overview", body.toString()));
    }

    /** bookdrop's own shape (the inbox), or a mapping's (its folder): a Goodreads export goes to goodreads/. */
    private String folderOptions() {
        StringBuilder options = new StringBuilder("<option value=\"\">bookdrop's own fields (inbox/)</option>");
        mappingsByFolder.forEach((folder, mapping) -> options.append("<option value=\"").append(Html.text(folder)).append("\">")
                .append(Html.text(mapping)).append(" (inbox/").append(Html.text(folder)).append("/)</option>"));
        return options.toString();
    }

    private static String card(String title, String content) {
        return "<div class=\"card\"><h2>" + Html.text(title) + "</h2>" + content + "</div>\n";
    }

    private static String total(String label, String id, JsonNode value) {
        return "<dt>" + Html.text(label) + "</dt><dd id=\"" + id + "\">" + Html.count(value.asLong()) + "</dd>";
    }

}
