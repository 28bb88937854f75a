package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads one JSON value per line. Each line is handed on as it is ({@link JsonLine}) and read as
 * JSON in the check stage, where the lines of a batch are read in parallel. A line that is not
 * valid JSON is a record of its own that the check rejects; the lines after it are read as usual. A line longer than the record
 * size limit is skipped without being held in memory, and rejected with that reason.
 */
public final class NdjsonReader extends RecordReader {

    private final InputStream in;
    private final int maxRecordBytes;
    private final boolean tabbed;
    private final CheckedDecoder decoded;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineNumber;
    private boolean endOfFile;

    /** @param in the file's content in UTF-8, without a byte order mark */
    public NdjsonReader(InputStream in, int maxRecordBytes) {
        this(in, maxRecordBytes, false, null);
    }

    /**
     * @param in      the file's content in UTF-8, without a byte order mark
     * @param tabbed  each line is tab-separated columns whose last is the JSON record (Open Library's dumps)
     * @param decoded where the content was decoded from another character set, to say which lines had bad bytes; or null
     */
    public NdjsonReader(InputStream in, int maxRecordBytes, boolean tabbed, CheckedDecoder decoded) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.tabbed = tabbed;
        this.decoded = decoded;
    }

    @Override
    protected SourceRecord readRecord() {
        try {
            while (!endOfFile) {
                boolean tooLong = readLine();
                lineNumber++;
                if (tooLong) {
                    return SourceRecord.unreadable(0, lineNumber, TextNode.valueOf(lineText() + "..."),
                            "the line is longer than " + maxRecordBytes + " bytes (bookdrop.max-record-bytes)");
                }
                if (isBlank()) {
                    continue;
                }
                String bad = decoded == null ? null : decoded.badBytes(lineNumber, lineNumber);
                if (bad != null) {
                    return SourceRecord.unreadable(0, lineNumber, TextNode.valueOf(lineText()), bad);
                }
                if (tabbed) {
                    return tabbedLine();
                }
                return SourceRecord.jsonLine(lineNumber, Arrays.copyOf(line, lineLength));
            }
            return null;
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file after line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the next line, without its line break, keeping at most the limit of it.
     *
     * @return whether the line was longer than the limit
     */
    private boolean readLine() throws IOException {
        lineLength = 0;
        long length = 0;
        while (true) {
            if (chunkStart == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkStart = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    endOfFile = true;
                    return length > maxRecordBytes;
                }
            }
            int newline = chunkStart;
            while (newline < chunkEnd && chunk[newline] != '\n') {
                newline++;
            }
            int count = newline - chunkStart;
            keep(chunkStart, (int) Math.min(count, Math.max(0, maxRecordBytes - length)));
            length += count;
            chunkStart = newline;
            if (newline < chunkEnd) {
                chunkStart++;
                return length > maxRecordBytes;
            }
        }
    }

    private void keep(int from, int count) {
        if (count == 0) {
            return;
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(chunk, from, line, lineLength, count);
        lineLength += count;
    }

    /** The JSON of the line's last column, with the columns before it kept for the rejects file. */
    private SourceRecord tabbedLine() {
        int tab = lineLength - 1;
        while (tab >= 0 && line[tab] != '\t') {
            tab--;
        }
        if (tab < 0) {
            return SourceRecord.unreadable(0, lineNumber, TextNode.valueOf(lineText()),
                    "has no tab: its last tab-separated column should be a JSON record");
        }
        String columns = new String(line, 0, tab, StandardCharsets.UTF_8);
        return SourceRecord.jsonLine(lineNumber, Arrays.copyOfRange(line, tab + 1, lineLength), columns);
    }

    private boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private String lineText() {
        return JsonLine.text(line, lineLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
