package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bookdrop.mapping.CsvDialect;

/**
 * Reads RFC 4180 CSV, in the dialect its mapping gives (delimiter, quote, a header row naming the
 * columns or none), as rows of values; a mapping finds its columns in the header row once. Quoted
 * fields may hold the delimiter, quotes and line breaks. A row with a wrong number of fields, or
 * with bytes that are not valid in the file's character set, is a record the check rejects; the
 * rows after it are read as usual.
 */
public final class CsvReader extends RecordReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> header;
    private final CheckedDecoder text;
    private final char delimiter;

    /**
     * @param in        the file's content
     * @param delimiter the delimiter when the dialect names none (bookdrop's setting)
     * @param charset   the file's character set; null: by its byte order mark, else UTF-8
     */
    public CsvReader(InputStream in, CsvDialect dialect, char delimiter, Charset charset) {
        this.delimiter = dialect.delimiter() != null ? dialect.delimiter() : delimiter;
        CSVFormat.Builder format = CSVFormat.RFC4180.builder()
                .setDelimiter(this.delimiter)
                .setQuote(dialect.quote())
                .setIgnoreEmptyLines(true);
        if (dialect.header()) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        try {
            this.text = new CheckedDecoder(in, charset);
            this.parser = CSVParser.builder().setReader(text).setFormat(format.get()).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UnreadableFileException("cannot read the CSV header row: " + message(e), e);
        }
        this.header = dialect.header() ? parser.getHeaderNames() : null;
        if (dialect.header() && header.isEmpty()) {
            throw new UnreadableFileException("the CSV file is empty: it needs a header row naming its columns");
        }
        String bad = dialect.header() ? text.badBytes(1, Math.max(1, parser.getCurrentLineNumber())) : null;
        if (bad != null) {
            throw new UnreadableFileException("the CSV header row " + bad);
        }
        this.rows = parser.iterator();
    }

    /** The header row as the file spells it; null for a file without one. */
    public List<String> header() {
        return header;
    }

    /** The delimiter the file is read with. */
    public char delimiter() {
        return delimiter;
    }

    @Override
    protected SourceRecord readRecord() {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("cannot read the CSV from line " + line + " on: " + message(e), e);
        }
        String[] values = row.values();
        long first = Math.max(line, 1);
        String bad = text.badBytes(first, Math.max(first, parser.getCurrentLineNumber()));
        if (bad != null) {
            return SourceRecord.unreadable(0, line, original(values), bad);
        }
        if (header != null && values.length != header.size()) {
            return SourceRecord.unreadable(0, line, original(values),
                    "has " + values.length + " fields where the header row has " + header.size());
        }
        return SourceRecord.row(line, values);
    }

    private static ArrayNode original(String[] values) {
        ArrayNode row = JsonNodeFactory.instance.arrayNode(values.length);
        for (String value : values) {
            row.add(value);
        }
        return row;
    }

    private static String message(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
