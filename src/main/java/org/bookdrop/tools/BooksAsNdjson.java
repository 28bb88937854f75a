package org.bookdrop.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.bookdrop.book.Book;
import org.bookdrop.check.BookChecker;
import org.bookdrop.check.BookValidator;
import org.bookdrop.check.CheckedBook;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.read.Batches;
import org.bookdrop.read.BookFiles;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.report.FileImport;

/**
 * Writes the books of a file, read and checked as an import reads them, as NDJSON in bookdrop's
 * own shape: the same rows, in the format that costs least to read. The benchmark holds the ONIX
 * feed against its own books written so, so that the two rates differ by the reading of the feed
 * alone, not by its rows (an ONIX Product's row is about a third bigger than a book of the
 * benchmark's NDJSON file). A file with records that are rejected or that ask for a deletion is
 * refused: its books would not be all of its records.
 */
final class BooksAsNdjson {

    private BooksAsNdjson() {
    }

    /** @return the number of books written */
    static long write(Path file, Mapping mapping, Path ndjson) throws IOException {
        String name = file.getFileName().toString();
        BookFiles files = new BookFiles(5000, ',', 16 * 1024 * 1024, file.getParent(), null);
        BookChecker checker = new BookChecker(new BookValidator());
        FileImport fileImport = new FileImport(name, null, Files.size(file), Instant.now());
        long written = 0;
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(ndjson), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            BookFiles.Opened opened = files.open(in, name, mapping);
            fileImport.mapWith(opened.mapper());
            try (Batches<SourceRecord> batches = new Batches<>(opened.reader(), 5000)) {
                while (batches.hasNext()) {
                    var batch = batches.next();
                    var checked = checker.check(batch, fileImport);
                    if (checked.size() != batch.size() || checked.stream().anyMatch(CheckedBook::deletion)) {
                        throw new IllegalStateException(name + " has records that are rejected or ask for a deletion, "
                                + "in the batch from " + batch.get(0).position());
                    }
                    for (CheckedBook each : checked) {
                        line(json, each.book());
                        json.flush();
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        return written;
    }

    private static void line(JsonGenerator json, Book book) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", book.id());
        json.writeStringField("title", book.title());
        json.writeStringField("author", book.author());
        LocalDateTime date = book.publicationDate();
        if (date != null) {
            json.writeStringField("publication_date",
                    date.toLocalTime().equals(LocalTime.MIDNIGHT) ? date.toLocalDate().toString() : date.toString());
        }
        json.writeArrayFieldStart("categories");
        for (String category : book.categories()) {
            json.writeString(category);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
