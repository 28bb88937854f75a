package org.bookdrop.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.camel.ExchangeProperty;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.io.input.ReaderInputStream;
import org.bookdrop.check.BookMapper;
import org.bookdrop.inbox.InboxFile;
import org.bookdrop.mapping.BookField;
import org.bookdrop.mapping.BoundField;
import org.bookdrop.mapping.BoundMapping;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.mapping.Mappings;
import org.bookdrop.mapping.RecordShape;
import org.bookdrop.reject.CsvRejectsFile;
import org.bookdrop.reject.ListedRejectsFile;
import org.bookdrop.reject.NdjsonRejectsFile;
import org.bookdrop.reject.RejectsFile;
import org.bookdrop.report.FileImport;

/**
 * Opens a dropped file as a stream of record batches for the intake route to split on, with the
 * mapping that reads it: the format is told by the mapping, or the file's extension; gzip is
 * unpacked on the fly; the text is read in the mapping's character set, a byte order mark skipped;
 * the mapping is bound to the file's shape (its CSV header row) before the first record.
 */
public final class BookFiles {

    private final int batchSize;
    private final char csvDelimiter;
    private final int maxRecordBytes;
    private final Path errorFolder;
    private final Mappings mappings;

    /**
     * @param csvDelimiter the CSV delimiter when a file's mapping names none (BOOKDROP_CSV_DELIMITER)
     * @param errorFolder  where each file's rejected records are written
     * @param mappings     which mapping reads which file
     */
    public BookFiles(int batchSize, char csvDelimiter, int maxRecordBytes, Path errorFolder, Mappings mappings) {
        this.batchSize = batchSize;
        this.csvDelimiter = csvDelimiter;
        this.maxRecordBytes = maxRecordBytes;
        this.errorFolder = errorFolder;
        this.mappings = mappings;
    }

    /** A file opened with its mapping: its records, and the mapper bound to their shape. */
    public record Opened(RecordReader reader, BookMapper mapper) {
    }

    /**
     * Opens the file (never through a link that may not be followed) with its mapping, and sends
     * its rejected records to a rejects file named after it in the error folder, in its own shape,
     * with the file's permissions.
     */
    public ReadAhead<SourceRecord> batches(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        InboxFile file = fileImport.inboxFile();
        InputStream content;
        try {
            content = file.open();
            // Hashed as it is read, unless it was hashed before (it may have been imported before).
            content = fileImport.sha256() == null ? fileImport.hashWhileReading(content) : content;
        } catch (IOException e) {
            throw new UnreadableFileException("cannot open '" + file.name() + "': " + e.getMessage(), e);
        }
        BoundedInputStream counted = counted(content);
        fileImport.countBytesWith(counted::getCount);
        Opened opened = open(counted, file.name(), mappings.forFile(file.name()));
        fileImport.mapWith(opened.mapper());
        String name = Path.of(file.name()).getFileName().toString();
        String baseName = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Path within = Path.of(file.name()).getParent();
        Path folder = within == null ? errorFolder : errorFolder.resolve(within);
        fileImport.rejectInto(rejectsFile(opened, folder, baseName, fileImport));
        return new ReadAhead<>(new Batches<>(opened.reader(), batchSize), file.name());
    }

    /** Rejected records go back in the file's own shape where people fix the file, else listed with their reasons. */
    private static RejectsFile rejectsFile(Opened opened, Path folder, String baseName, FileImport fileImport) {
        InboxFile file = fileImport.inboxFile();
        RecordReader reader = opened.reader();
        if (reader instanceof CsvReader csv) {
            return new CsvRejectsFile(folder, baseName + ".rejects.csv", file, fileImport.startedAt(), csv.header(), csv.delimiter());
        }
        if (reader instanceof MarcReader) {
            return new ListedRejectsFile(folder, baseName + ".rejects.txt", stem(baseName) + ".rejects.mrc", file,
                    fileImport.startedAt());
        }
        if (reader instanceof MarcXmlReader || reader instanceof OnixReader) {
            return new ListedRejectsFile(folder, baseName + ".rejects.txt", null, file, fileImport.startedAt());
        }
        boolean tabbed = "tabbed-json".equals(opened.mapper().mapping().mapping().format());
        return new NdjsonRejectsFile(folder, baseName + ".rejects" + (tabbed ? ".txt" : ".ndjson"), file, fileImport.startedAt());
    }

    /** {@code books.mrc} → {@code books}. */
    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Opens a file's content with a mapping: its reader, and the mapping bound to the file's shape.
     *
     * @throws UnreadableFileException when the file is not what the mapping reads (a CSV header row
     *                                 without the columns a book needs, a path a CSV row cannot have)
     */
    public Opened open(InputStream content, String fileName, Mapping fileMapping) {
        // (mappings is null where only the given mapping matters: tests, the benchmark.)
        BookFormat.Type type = BookFormat.of(fileName, fileMapping.format());
        InputStream in = type.gzip() ? gunzip(content, fileName) : new BufferedInputStream(content, 64 * 1024);
        BookFormat format = type.format() == BookFormat.XML ? xmlFormat(in, fileName) : type.format();
        // MARC and ONIX files that no mapping of their own takes are read with their format's shipped mapping.
        Mapping mapping = !fileMapping.bookdropShape() ? fileMapping
                : (mappings != null ? mappings.forFormat(format) : Mappings.shippedForFormat(format)).orElse(fileMapping);
        boolean utf8 = StandardCharsets.UTF_8.equals(mapping.encoding());
        try {
            return switch (format) {
                case MARC -> bound(new MarcReader(in), RecordShape.marc(), mapping);
                case MARCXML -> bound(new MarcXmlReader(in), RecordShape.marc(), mapping);
                case ONIX -> bound(new OnixReader(in, mapping.namesRead()), RecordShape.trees(), mapping);
                case XML -> throw new IllegalStateException("told apart above");
                case JSON -> bound(utf8 ? new JsonReader(in) : new JsonReader(decoded(in, mapping)), RecordShape.trees(), mapping);
                case NDJSON, TABBED_JSON -> {
                    boolean tabbed = type.format() == BookFormat.TABBED_JSON;
                    if (utf8) {
                        yield bound(new NdjsonReader(withoutByteOrderMark(in), maxRecordBytes, tabbed, null), RecordShape.trees(),
                                mapping);
                    }
                    CheckedDecoder decoded = decoded(in, mapping);
                    InputStream asUtf8 = ReaderInputStream.builder().setReader(decoded).setCharset(StandardCharsets.UTF_8).get();
                    yield bound(new NdjsonReader(asUtf8, maxRecordBytes, tabbed, decoded), RecordShape.trees(), mapping);
                }
                case CSV -> {
                    CsvReader csv = new CsvReader(in, mapping.csv(), csvDelimiter, mapping.encoding());
                    RecordShape shape = RecordShape.rows(csv.header(), mapping.csv());
                    Opened opened = bound(csv, shape, mapping);
                    requireColumns(opened.mapper().mapping(), csv);
                    yield opened;
                }
            };
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read '" + fileName + "': " + e.getMessage(), e);
        }
    }

    private static Opened bound(RecordReader reader, RecordShape shape, Mapping mapping) {
        try {
            return new Opened(reader, new BookMapper(mapping.bind(shape)));
        } catch (IllegalArgumentException e) {
            throw new UnreadableFileException("the mapping " + mapping.name() + " cannot read this file: " + e.getMessage(), e);
        }
    }

    /** A CSV file whose header row has none of the columns the mapping reads a title or an author from cannot give books. */
    private static void requireColumns(BoundMapping mapping, CsvReader csv) {
        if (csv.header() == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (BoundField field : mapping.fields()) {
            if (field.rule().field() != BookField.TITLE && field.rule().field() != BookField.AUTHOR) {
                continue;
            }
            if (field.sources().stream().allMatch(source -> source instanceof RecordShape.Missing)) {
                missing.add(field.sources().get(0).label());
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("the CSV header row has no " + String.join(" or ", missing) + " column (it has: "
                    + String.join(", ", csv.header().stream().map(String::strip).toList()) + "; delimiter '"
                    + (csv.delimiter() == '\t' ? "tab" : String.valueOf(csv.delimiter())) + "')");
        }
    }

    /** An .xml file is MARCXML or ONIX, as its root element says: looked at without consuming the stream. */
    private static BookFormat xmlFormat(InputStream in, String fileName) {
        in.mark(64 * 1024);
        try {
            byte[] head = in.readNBytes(64 * 1024);
            String root = XmlRoot.of(head);
            if (root == null) {
                throw new UnreadableFileException("'" + fileName + "' has no XML root element in its first 64 KB: an .xml file "
                        + "must be MARCXML or an ONIX message");
            }
            return switch (root) {
                case "collection", "record" -> BookFormat.MARCXML;
                case "ONIXMessage", "ONIXmessage" -> BookFormat.ONIX;
                default -> throw new UnreadableFileException("'" + fileName + "' is XML whose root is <" + root
                        + ">; bookdrop reads .xml files that are MARCXML (<collection> or <record>) or ONIX (<ONIXMessage>)");
            };
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read '" + fileName + "': " + e.getMessage(), e);
        } finally {
            try {
                in.reset();
            } catch (IOException e) {
                throw new UnreadableFileException("cannot read '" + fileName + "' again after its first bytes", e);
            }
        }
    }

    private static CheckedDecoder decoded(InputStream in, Mapping mapping) throws IOException {
        return new CheckedDecoder(in, mapping.encoding());
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
