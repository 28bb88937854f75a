package org.bookdrop.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.camel.ExchangeProperty;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.bookdrop.inbox.InboxFile;
import org.bookdrop.reject.CsvRejectsFile;
import org.bookdrop.reject.NdjsonRejectsFile;
import org.bookdrop.report.FileImport;

/**
 * Opens a dropped file as a stream of record batches for the intake route to split on: the
 * format is told by the file's extension, gzip is unpacked on the fly, and a UTF-8 byte order
 * mark is skipped.
 */
public final class BookFiles {

    private final int batchSize;
    private final char csvDelimiter;
    private final int maxRecordBytes;
    private final Path errorFolder;

    /** @param errorFolder where each file's rejected records are written */
    public BookFiles(int batchSize, char csvDelimiter, int maxRecordBytes, Path errorFolder) {
        this.batchSize = batchSize;
        this.csvDelimiter = csvDelimiter;
        this.maxRecordBytes = maxRecordBytes;
        this.errorFolder = errorFolder;
    }

    /**
     * Opens the file (never through a link that may not be followed), and sends its rejected
     * records to a rejects file named after it in the error folder, with the file's permissions.
     */
    public Batches<SourceRecord> batches(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        InboxFile file = fileImport.inboxFile();
        InputStream content;
        try {
            content = file.open();
        } catch (IOException e) {
            throw new UnreadableFileException("cannot open '" + file.name() + "': " + e.getMessage(), e);
        }
        BoundedInputStream counted = counted(content);
        fileImport.countBytesWith(counted::getCount);
        RecordReader reader = reader(counted, file.name());
        String name = Path.of(file.name()).getFileName().toString();
        String baseName = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Path within = Path.of(file.name()).getParent();
        Path folder = within == null ? errorFolder : errorFolder.resolve(within);
        fileImport.rejectInto(reader instanceof CsvReader csv
                ? new CsvRejectsFile(folder, baseName + ".rejects.csv", file, fileImport.startedAt(), csv.header(), csvDelimiter)
                : new NdjsonRejectsFile(folder, baseName + ".rejects.ndjson", file, fileImport.startedAt()));
        return new Batches<>(reader, batchSize);
    }

    public RecordReader reader(InputStream content, String fileName) {
        BookFormat.Type type = BookFormat.of(fileName);
        InputStream in = type.gzip() ? gunzip(content, fileName) : new BufferedInputStream(content, 64 * 1024);
        return switch (type.format()) {
            case JSON -> new JsonReader(in);
            case NDJSON -> new NdjsonReader(withoutByteOrderMark(in), maxRecordBytes);
            case CSV -> new CsvReader(withoutByteOrderMark(in), csvDelimiter);
        };
    }

    private static BoundedInputStream counted(InputStream content) {
        try {
            return BoundedInputStream.builder().setInputStream(content).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream gunzip(InputStream content, String fileName) {
        try {
            return new BufferedInputStream(new GZIPInputStream(content, 64 * 1024), 64 * 1024);
        } catch (IOException e) {
            throw new UnreadableFileException("'" + fileName + "' is named .gz but is not gzip data: " + e.getMessage(), e);
        }
    }

    private static InputStream withoutByteOrderMark(InputStream in) {
        try {
            return BOMInputStream.builder().setInputStream(in).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
