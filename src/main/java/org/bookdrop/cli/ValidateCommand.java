package org.bookdrop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.bookdrop.BookdropConfiguration;
import org.bookdrop.check.BookChecker;
import org.bookdrop.check.BookValidator;
import org.bookdrop.inbox.FolderAccess;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.mapping.Mappings;
import org.bookdrop.read.Batches;
import org.bookdrop.read.BookFiles;
import org.bookdrop.read.ReadAhead;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.read.UnreadableFileException;
import org.bookdrop.report.FileImport;
import org.slf4j.LoggerFactory;

/**
 * {@code bookdrop validate [--mapping M] FILE...}: a dry run. Each file is read and checked exactly
 * as an import would (with the mapping named, or the one that would read it), and each record that
 * would be rejected is printed with its file, position and reasons; then, per file, how many
 * records gave each book field a value, so that a source that maps to nothing shows at once.
 * Nothing is written anywhere, and no database is needed.
 */
final class ValidateCommand {

    private static final int BATCH = 1000;

    private final PrintStream out;
    private final String mappingName;

    /** @param mappingName the mapping every file is read with (a file or a name), or null for each file's own */
    ValidateCommand(PrintStream out, String mappingName) {
        this.out = out;
        this.mappingName = mappingName;
    }

    int run(List<Path> files) {
        // Each rejected record is printed; the import's log line for it would say it twice.
        ((Logger) LoggerFactory.getLogger(FileImport.class)).setLevel(Level.ERROR);
        Settings settings = new Settings();
        try (BookValidator validator = new BookValidator()) {
            // As an import reads them: --mapping, else BOOKDROP_MAPPING, else each file's own mapping.
            Mappings mappings = BookdropConfiguration.mappings(Path.of(settings.get("bookdrop.mappings")),
                    Boolean.parseBoolean(settings.get("bookdrop.strict")), mappingName != null ? mappingName : settings.get("bookdrop.mapping"));
            BookFiles bookFiles = new BookFiles(BATCH, BookdropConfiguration.delimiter(settings.get("bookdrop.csv-delimiter")),
                    Integer.parseInt(settings.get("bookdrop.max-record-bytes")), Path.of("."), mappings);
            BookChecker checker = new BookChecker(validator);
            int outcome = Commands.OK;
            // An import of these files would write rejects and failed files there: say now if it could not.
            Optional<String> refusal = FolderAccess.predictRefusal(Path.of(settings.get("bookdrop.error-folder")), "error folder");
            if (refusal.isPresent()) {
                out.println("bookdrop validate: an import would not start: " + refusal.get());
                outcome = Commands.FAILED;
            }
            for (Path file : files) {
                outcome = Math.max(outcome, validate(file, bookFiles, mappings.forFile(file.getFileName().toString()), checker));
            }
            return outcome;
        }
    }

    private int validate(Path file, BookFiles bookFiles, Mapping mapping, BookChecker checker) {
        String name = file.getFileName().toString();
        FileImport fileImport = new FileImport(name, null, size(file), Instant.now());
        fileImport.rejectInto(new PrintedRejects(out));
        long valid = 0;
        String with = mapping.name().equals(Mappings.BOOKDROP) ? "" : " (mapping " + mapping.name() + ")";
        try (InputStream in = Files.newInputStream(file)) {
            BookFiles.Opened opened = bookFiles.open(in, name, mapping);
            fileImport.mapWith(opened.mapper());
            try (ReadAhead<SourceRecord> batches = new ReadAhead<>(new Batches<>(opened.reader(), BATCH), name)) {
                while (batches.hasNext()) {
                    valid += checker.check(batches.next(), fileImport).stream().filter(book -> !book.deletion()).count();
                }
            }
        } catch (UnreadableFileException | IOException e) {
            out.printf(Locale.ROOT, "%s%s: cannot be imported: %s (%d records read before)%n", file, with, e.getMessage(),
                    fileImport.read());
            return Commands.FAILED;
        }
        String deletions = fileImport.deletionRequests() == 0 ? ""
                : ", " + fileImport.deletionRequests() + " deletion request" + (fileImport.deletionRequests() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "%s%s: %d records, %d valid%s, %d would be rejected%n", file, with, fileImport.read(), valid,
                deletions, fileImport.rejected());
        out.println("  values found: " + found(fileImport.valuesFound(), fileImport.read()));
        return fileImport.rejected() > 0 ? Commands.REJECTS : Commands.OK;
    }

    /** {@code id 3, title 3, ..., categories 0 (no record has one)}. */
    private static String found(Map<String, Long> found, long records) {
        StringBuilder text = new StringBuilder();
        found.forEach((field, count) -> {
            text.append(text.isEmpty() ? "" : ", ").append(field).append(' ').append(count);
            if (count == 0 && records > 0) {
                text.append(" (no record has one)");
            }
        });
        return text.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
