package org.bookdrop.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Message;
import org.bookdrop.check.Problem;
import org.bookdrop.history.PastImports;
import org.bookdrop.inbox.Folders;
import org.bookdrop.reject.RejectsFileReader;

/**
 * {@code /imports}: the import history, newest first, by status and file name, a page at a time;
 * {@code /import}: one import's report; {@code /import/rejects}: its rejected records with their
 * reasons, and the reasons grouped with their counts; {@code /import/rejects/file}: the rejects
 * file as it is on disk. An import is named by its file and the millisecond it started.
 */
public final class ImportsPages {

    private static final int PAGE_SIZE = 25;
    private static final int REJECTS_PAGE_SIZE = 50;
    private static final List<String> STATUSES = List.of("DONE", "FAILED", "ALREADY_IMPORTED");

    private final PastImports history;
    private final Folders folders;

    public ImportsPages(PastImports history, Folders folders) {
        this.history = history;
        this.folders = folders;
    }

    public void list(Message message) throws SQLException {
        String status = WebResponses.parameter(message, "status").strip().toUpperCase(java.util.Locale.ROOT);
        if (!STATUSES.contains(status)) {
            status = "";
        }
        String file = WebResponses.parameter(message, "file");
        int page = WebResponses.page(message);
        PastImports.Page found = history.newestFirst(status, file, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>Imports</h1>\n<form class=\"filters\" method=\"get\" action=\"/imports\">");
        body.append("<label>Status <select name=\"status\"><option value=\"\">any</option>");
        for (String option : STATUSES) {
            body.append("<option").append(option.equals(status) ? " selected" : "").append(">").append(option).append("</option>");
        }
        body.append("</select></label> <label>File name <input name=\"file\" type=\"search\" value=\"").append(Html.text(file))
                .append("\"></label> <button type=\"submit\">Filter</button></form>\n");
        body.append(table(found.rows(), "imports"));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("file", file);
        body.append(Html.pager("/imports", filters, page, PAGE_SIZE, found.total()));
        WebResponses.html(message, Html.page("Imports", "Imports", body.toString()));
    }

    /** The table of imports, each opening its report. */
    static String table(List<PastImports.Row> rows, String id) {
        StringBuilder out = new StringBuilder("<table id=\"").append(id).append("\" class=\"imports\"><thead><tr>"
                + "<th>File</th><th>Status</th><th>Started</th><th class=\"n\">Read</th><th class=\"n\">Written</th>"
                + "<th class=\"n\">Rejected</th><th class=\"n\">Duplicates</th><th class=\"n\">Seconds</th></tr></thead><tbody>");
        if (rows.isEmpty()) {
            out.append("<tr class=\"empty\"><td colspan=\"8\">No imports yet.</td></tr>");
        }
        for (PastImports.Row row : rows) {
            out.append("<tr><td><a href=\"").append(link("/import", row)).append("\">").append(Html.text(row.file())).append("</a></td>")
                    .append("<td class=\"status ").append(Html.text(row.status())).append("\">").append(Html.text(row.status())).append("</td>")
                    .append("<td>").append(Html.time(row.startedAt())).append("</td>")
                    .append("<td class=\"n\">").append(Html.count(row.read())).append("</td>")
                    .append("<td class=\"n\">").append(Html.count(row.written())).append("</td>")
                    .append("<td class=\"n\">");
            if (row.rejected() > 0 && row.rejects() != null) {
                out.append("<a href=\"").append(link("/import/rejects", row)).append("\">").append(Html.count(row.rejected())).append("</a>");
            } else {
                out.append(Html.count(row.rejected()));
            }
            out.append("</td><td class=\"n\">").append(Html.count(row.duplicates())).append("</td>")
                    .append("<td class=\"n\">").append(String.format(java.util.Locale.ROOT, "%.1f", row.durationMillis() / 1000.0))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    static String link(String path, PastImports.Row row) {
        return Html.href(path, naming(row));
    }

    /** The parameters that name an import: its file and the millisecond it started. */
    private static Map<String, Object> naming(PastImports.Row row) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("file", row.file());
        parameters.put("started", row.startedAt().toEpochMilli());
        return parameters;
    }

    public void report(Message message) throws SQLException {
        Optional<PastImports.Row> found = find(message);
        if (found.isEmpty()) {
            return;
        }
        PastImports.Row row = found.get();
        StringBuilder body = new StringBuilder("<h1>").append(Html.text(row.file())).append("</h1>\n");
        body.append("<p class=\"status ").append(Html.text(row.status())).append("\" id=\"report-status\">").append(Html.text(row.status()))
                .append("</p>");
        if (row.error() != null) {
            body.append("<p class=\"error\" id=\"report-error\">").append(Html.text(row.error())).append("</p>");
        }
        body.append("<dl class=\"report\" id=\"report\">");
        item(body, "Records read", "read", Html.count(row.read()));
        item(body, "Rows written", "written", Html.count(row.written()));
        item(body, "Records rejected", "rejected", row.rejected() > 0 && row.rejects() != null
                ? "<a href=\"" + link("/import/rejects", row) + "\">" + Html.count(row.rejected()) + "</a>" : Html.count(row.rejected()));
        item(body, "Duplicates (a later record of the same id won)", "duplicates", Html.count(row.duplicates()));
        item(body, "Rows found again after the write", "verified", Html.count(row.verified()));
        if (row.deletionRequests() > 0) {
            item(body, "Deletion requests", "deletions", Html.count(row.deletionRequests())
                    + (row.deleted() == null ? " (counted, not applied)" : ", " + Html.count(row.deleted()) + " rows deleted"));
        }
        item(body, "Started", "started", Html.time(row.startedAt()));
        item(body, "Finished", "finished", Html.time(row.finishedAt()));
        item(body, "Took", "took", String.format(java.util.Locale.ROOT, "%.1f s", row.durationMillis() / 1000.0));
        item(body, "Size", "size", Html.count(row.sizeBytes()) + " bytes");
        item(body, "SHA-256", "sha256", "<code>" + Html.text(row.sha256()) + "</code>");
        item(body, "Mapping", "mapping", Html.text(row.mapping() == null ? "(not opened)" : row.mapping()));
        item(body, "Table", "table", Html.text(row.table()));
        item(body, "The file is now", "path", "<code>" + Html.text(row.path()) + "</code>");
        if (row.rejects() != null) {
            item(body, "Rejects file", "rejects", "<code>" + Html.text(row.rejects()) + "</code> <a href=\""
                    + link("/import/rejects/file", row) + "\" download>download</a>");
        }
        if (row.importedAgain() != null) {
            item(body, "Imported again because", "again", Html.text(row.importedAgain()));
        }
        body.append("</dl>");
        WebResponses.html(message, Html.page(row.file(), "Imports", body.toString()));
    }

    public void rejects(Message message) throws SQLException, IOException {
        Optional<PastImports.Row> found = find(message);
        if (found.isEmpty()) {
            return;
        }
        PastImports.Row row = found.get();
        Optional<Path> file = rejectsFile(message, row);
        if (file.isEmpty()) {
            return;
        }
        int page = WebResponses.page(message);
        RejectsFileReader.Summary summary = RejectsFileReader.read(file.get(), (page - 1) * REJECTS_PAGE_SIZE, REJECTS_PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>Rejected records of ").append(Html.text(row.file())).append("</h1>\n");
        body.append("<p><a href=\"").append(link("/import", row)).append("\">The import's report</a> · <a href=\"")
                .append(link("/import/rejects/file", row)).append("\" download>Download the rejects file</a> (<code>")
                .append(Html.text(file.get())).append("</code>)</p>\n");
        body.append("<h2>Reasons</h2><table id=\"reasons\"><thead><tr><th>Field</th><th>Reason</th><th class=\"n\">Records</th></tr></thead><tbody>");
        for (RejectsFileReader.ReasonCount reason : summary.reasons()) {
            body.append("<tr><td>").append(Html.text(reason.field())).append("</td><td>").append(Html.text(reason.reason()))
                    .append("</td><td class=\"n\">").append(Html.count(reason.count())).append("</td></tr>");
        }
        body.append("</tbody></table>\n<h2>Records</h2><table id=\"rejected\"><thead><tr><th>Where</th><th>Record</th><th>Field</th>"
                + "<th>Reason</th></tr></thead><tbody>");
        for (RejectsFileReader.Rejected rejected : summary.page()) {
            List<Problem> problems = rejected.problems();
            for (int i = 0; i < problems.size(); i++) {
                body.append("<tr>");
                if (i == 0) {
                    body.append("<td rowspan=\"").append(problems.size()).append("\">").append(Html.text(rejected.position()))
                            .append("</td><td rowspan=\"").append(problems.size()).append("\">")
                            .append(Html.text(rejected.identity())).append("</td>");
                }
                body.append("<td>").append(Html.text(problems.get(i).field())).append("</td><td>")
                        .append(Html.text(problems.get(i).reason())).append("</td></tr>");
            }
        }
        body.append("</tbody></table>");
        body.append(Html.pager("/import/rejects", naming(row), page, REJECTS_PAGE_SIZE, summary.total()));
        WebResponses.html(message, Html.page("Rejects of " + row.file(), "Imports", body.toString()));
    }

    /** The rejects file as it is on disk, to download. */
    public void rejectsFile(Message message) throws SQLException, IOException {
        Optional<PastImports.Row> found = find(message);
        if (found.isEmpty()) {
            return;
        }
        Optional<Path> file = rejectsFile(message, found.get());
        if (file.isEmpty()) {
            return;
        }
        String name = file.get().getFileName().toString().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        long size = Files.size(file.get());
        WebResponses.send(message, 200, "application/octet-stream", Files.newInputStream(file.get()));
        message.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        message.setHeader("Content-Length", size);
    }

    /** The import named by the request, or a 404 page saying which was not found. */
    private Optional<PastImports.Row> find(Message message) throws SQLException {
        String file = WebResponses.parameter(message, "file");
        long started;
        try {
            started = Long.parseLong(WebResponses.parameter(message, "started").strip());
        } catch (NumberFormatException e) {
            WebResponses.problem(message, 400, "No such import", "The address names no import (file and started).");
            return Optional.empty();
        }
        Optional<PastImports.Row> row = history.find(file, started);
        if (row.isEmpty()) {
            WebResponses.problem(message, 404, "No such import", "The history has no import of '" + file + "' started at "
                    + java.time.Instant.ofEpochMilli(started) + ".");
        }
        return row;
    }

    /** The import's rejects file, when it has one still on disk in the error folder. */
    private Optional<Path> rejectsFile(Message message, PastImports.Row row) {
        if (row.rejects() == null) {
            WebResponses.problem(message, 404, "No rejects", row.file() + " had no rejected records.");
            return Optional.empty();
        }
        Path file = Path.of(row.rejects()).toAbsolutePath().normalize();
        // The history names the file; the console serves it only from the error folder, where bookdrop writes rejects.
        if (!file.startsWith(folders.error().toAbsolutePath().normalize())) {
            WebResponses.problem(message, 403, "Not served", "The rejects file " + file + " is not in bookdrop's error folder.");
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            WebResponses.problem(message, 404, "Rejects file gone", "The rejects file " + file + " is no longer there.");
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static void item(StringBuilder body, String label, String id, String valueHtml) {
        body.append("<dt>").append(Html.text(label)).append("</dt><dd id=\"report-").append(id).append("\">").append(valueHtml)
                .append("</dd>");
    }
}
