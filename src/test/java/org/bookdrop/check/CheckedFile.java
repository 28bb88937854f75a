package org.bookdrop.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bookdrop.book.Book;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.read.Batches;
import org.bookdrop.read.BookFiles;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.reject.Rejects;
import org.bookdrop.report.FileImport;

/**
 * A file read and checked as an import reads and checks it, without a database: the books it
 * gives, its rejected records as {@code position: reasons}, and the ids its deletion requests name.
 * For the tests of readers and mappings.
 */
public record CheckedFile(List<Book> books, List<String> rejected, List<String> deletions) {

    private static final BookValidator VALIDATOR = new BookValidator();

    /** Reads the content as a file of that name, with that mapping (a MARC or ONIX file: its own format's mapping when this is bookdrop's). */
    public static CheckedFile read(Mapping mapping, String fileName, byte[] content) {
        BookFiles files = new BookFiles(1000, ',', 1 << 20, null, null);
        BookFiles.Opened opened = files.open(new ByteArrayInputStream(content), fileName, mapping);
        FileImport fileImport = new FileImport(fileName, null, content.length, Instant.EPOCH);
        fileImport.mapWith(opened.mapper());
        List<String> rejected = new ArrayList<>();
        fileImport.rejectInto(new Rejects() {
            @Override
            public synchronized void write(Rejection rejection) {
                rejected.add(rejection.record().position() + ": " + rejection.reasons());
            }

            @Override
            public Optional<String> writtenTo() {
                return Optional.empty();
            }

            @Override
            public String destination() {
                return "the test";
            }

            @Override
            public void close() {
            }
        });
        List<Book> books = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        BookChecker checker = new BookChecker(VALIDATOR);
        try (Batches<SourceRecord> batches = new Batches<>(opened.reader(), 1000)) {
            while (batches.hasNext()) {
                for (CheckedBook checked : checker.check(batches.next(), fileImport)) {
                    if (checked.deletion()) {
                        deletions.add(checked.book().id());
                    } else {
                        books.add(checked.book());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CheckedFile(books, rejected, deletions);
    }
}
