package org.bookdrop.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bookdrop.inbox.InboxFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file's report as JSON beside it ({@code NAME.report.json}), and beside a failed file a
 * note saying what went wrong ({@code NAME.error.txt}). A file that could not be moved out of the
 * inbox gets them in the error folder, if that can be written. They are created with the file's
 * own permissions, never more open: a report may quote the file's content in its error. (Camel's
 * file producer sets permissions only after writing, which leaves a moment when a private file's
 * report can be read by anyone; hence plain Java here.) A report that cannot be written is one
 * warning: the report line and the history row have it already.
 */
public final class ReportFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFiles.class);

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Path errorFolder;

    public ReportFiles(Path errorFolder) {
        this.errorFolder = errorFolder;
    }

    public void write(ImportReport report) {
        Path folder = report.moved() ? Path.of(report.folder()) : errorFolder;
        Path reportFile = folder.resolve(report.storedName() + ".report.json");
        try {
            Files.createDirectories(folder);
            replace(reportFile, json.writeValueAsBytes(report), report);
            if (report.status() == ImportReport.Status.FAILED) {
                replace(folder.resolve(report.storedName() + ".error.txt"), report.errorNote().getBytes(StandardCharsets.UTF_8),
                        report);
            }
        } catch (IOException e) {
            LOG.warn("{}: could not write its report into {} ({}); the report is in the log and the import history",
                    report.file(), folder, e.getMessage());
        }
    }

    /** A report written again for the same stored name (a file left in the inbox, imported again) replaces the last. */
    private static void replace(Path file, byte[] content, ImportReport report) throws IOException {
        Files.deleteIfExists(file);
        try (OutputStream out = InboxFile.create(file, report.permissions())) {
            out.write(content);
        }
    }
}
