package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;


/**
 * Reads a file of MARC 21 records in their exchange form (ISO 2709, {@code .mrc}), one record at a
 * time, cut apart by the record terminator: each is handed on as its bytes, with its number and
 * byte offset, and parsed in the check stage ({@link MarcRecordBytes}), on all cores. A record
 * that cannot be parsed is rejected there with its place and reason; the records after it are
 * read as usual, since the next record starts after the terminator whatever the broken one's
 * lengths say.
 */
public final class MarcReader extends RecordReader {

    /** ISO 2709's record length has five digits: a longer run without a terminator is not a record. */
    static final int MAX_RECORD_BYTES = 99_999;

    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkStart;
    private int chunkEnd;
    private byte[] record = new byte[4096];
    private int recordLength;
    private long number;
    private long offset;
    private boolean endOfFile;

    public MarcReader(InputStream in) {
        this.in = in;
    }

    @Override
    protected SourceRecord readRecord() {
        try {
            while (true) {
                long start = offset;
                boolean terminated = readUpToTerminator();
                if (recordLength == 0 && endOfFile) {
                    return null;
                }
                if (isBlank()) {
                    // Line breaks some tools put between records.
                    if (endOfFile) {
                        return null;
                    }
                    continue;
                }
                number++;
                if (recordLength > MAX_RECORD_BYTES) {
                    return SourceRecord.unreadable(number, start, null, "bad record: " + recordLength
                            + " bytes without a record terminator, more than a MARC record can have (99,999)", null);
                }
                byte[] bytes = Arrays.copyOf(record, recordLength);
                if (!terminated) {
                    return SourceRecord.unreadable(number, start, null, "the file ends inside this record "
                            + "(no record terminator after its " + recordLength + " bytes)", bytes);
                }
                return SourceRecord.marc(number, start, bytes);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file after record " + number + ": " + e.getMessage(), e);
        }
    }

    /** @return whether the record ended with its terminator (false: the file ended first) */
    private boolean readUpToTerminator() throws IOException {
        recordLength = 0;
        while (true) {
            if (chunkStart == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkStart = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    endOfFile = true;
                    return false;
                }
            }
            int end = chunkStart;
            while (end < chunkEnd && chunk[end] != Iso2709.RECORD_TERMINATOR) {
                end++;
            }
            boolean found = end < chunkEnd;
            int count = (found ? end + 1 : end) - chunkStart;
            keep(chunkStart, count);
            offset += count;
            chunkStart += count;
            if (found) {
                return true;
            }
        }
    }

    private void keep(int from, int count) {
        // A run past the longest record is counted, not kept: it is refused anyway.
        int kept = Math.min(count, Math.max(0, MAX_RECORD_BYTES + 1 - recordLength));
        if (recordLength + kept > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + kept));
        }
        System.arraycopy(chunk, from, record, recordLength, kept);
        recordLength += count;
    }

    private boolean isBlank() {
        for (int i = 0; i < Math.min(recordLength, record.length); i++) {
            byte b = record[i];
            if (b != '\n' && b != '\r' && b != ' ' && b != Iso2709.RECORD_TERMINATOR) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
