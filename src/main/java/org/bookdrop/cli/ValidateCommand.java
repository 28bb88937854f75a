package org.bookdrop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.bookdrop.BookdropConfiguration;
import org.bookdrop.check.BookChecker;
import org.bookdrop.check.BookMapper;
import org.bookdrop.check.BookValidator;
import org.bookdrop.inbox.FolderAccess;
import org.bookdrop.read.Batches;
import org.bookdrop.read.BookFiles;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.read.UnreadableFileException;
import org.bookdrop.report.FileImport;
import org.slf4j.LoggerFactory;

/**
 * {@code bookdrop validate FILE...}: a dry run. Each file is read and checked exactly as an import
 * would, and each record that would be rejected is printed with its file, position and reasons.
 * Nothing is written anywhere, and no database is needed.
 */
final class ValidateCommand {

    private static final int BATCH = 1000;

    private final PrintStream out;

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<Path> files) {
        // Each rejected record is printed; the import's log line for it would say it twice.
        ((Logger) LoggerFactory.getLogger(FileImport.class)).setLevel(Level.ERROR);
        try (Settings settings = new Settings(); BookValidator validator = new BookValidator()) {
            BookFiles bookFiles = new BookFiles(BATCH, BookdropConfiguration.delimiter(settings.get("bookdrop.csv-delimiter")),
                    Integer.parseInt(settings.get("bookdrop.max-record-bytes")), Path.of("."));
            BookChecker checker = new BookChecker(new BookMapper(Boolean.parseBoolean(settings.get("bookdrop.strict"))), validator);
            int outcome = Commands.OK;
            // An import of these files would write rejects and failed files there: say now if it could not.
            Optional<String> refusal = FolderAccess.predictRefusal(Path.of(settings.get("bookdrop.error-folder")), "error folder");
            if (refusal.isPresent()) {
                out.println("bookdrop validate: an import would not start: " + refusal.get());
                outcome = Commands.FAILED;
            }
            for (Path file : files) {
                outcome = Math.max(outcome, validate(file, bookFiles, checker));
            }
            return outcome;
        }
    }

    private int validate(Path file, BookFiles bookFiles, BookChecker checker) {
        String name = file.getFileName().toString();
        FileImport fileImport = new FileImport(name, null, size(file), Instant.now());
        fileImport.rejectInto(new PrintedRejects(out));
        long valid = 0;
        try (InputStream in = Files.newInputStream(file);
             Batches<SourceRecord> batches = new Batches<>(bookFiles.reader(in, name), BATCH)) {
            while (batches.hasNext()) {
                valid += checker.check(batches.next(), fileImport).size();
            }
        } catch (UnreadableFileException | IOException e) {
            out.printf(Locale.ROOT, "%s: cannot be imported: %s (%d records read before)%n", file, e.getMessage(),
                    fileImport.read());
            return Commands.FAILED;
        }
        out.printf(Locale.ROOT, "%s: %d records, %d valid, %d would be rejected%n", file, fileImport.read(), valid,
                fileImport.rejected());
        return fileImport.rejected() > 0 ? Commands.REJECTS : Commands.OK;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
