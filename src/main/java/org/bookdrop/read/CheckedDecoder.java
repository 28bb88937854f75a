package org.bookdrop.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a file's text in its character set, and remembers where bytes were not valid in it, by
 * line, instead of turning them silently into "?" or "\uFFFD" as a plain reader does: the reader
 * of the records asks, for each record, whether its lines had such bytes, and the record is
 * rejected saying where. A byte order mark is skipped; with no character set given, it tells the
 * set (UTF-8, UTF-16), and UTF-8 is taken without one.
 */
public final class CheckedDecoder extends Reader {

    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    /** Bad bytes by line: the first of each line, with its column. */
    private final TreeMap<Long, String> badLines = new TreeMap<>();
    private long line = 1;
    private long column = 1;
    private boolean endOfInput;
    private boolean flushed;

    /** @param charset null: by the byte order mark, UTF-8 without one */
    public CheckedDecoder(InputStream in, Charset charset) throws IOException {
        BOMInputStream bom = BOMInputStream.builder().setInputStream(in).setInclude(false)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
        Charset detected = bom.hasBOM() ? Charset.forName(bom.getBOMCharsetName()) : null;
        this.charset = charset == null ? (detected == null ? StandardCharsets.UTF_8 : detected)
                : charset.name().equals("UTF-16") && detected != null ? detected : charset;
        this.in = bom;
        this.decoder = this.charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    public Charset charset() {
        return charset;
    }

    /**
     * Where the lines from {@code firstLine} to {@code lastLine} had bytes not valid in the file's
     * character set, said for a rejected record; null when they had none. Lines before the first
     * are forgotten.
     */
    public String badBytes(long firstLine, long lastLine) {
        if (badLines.isEmpty()) {
            return null;
        }
        badLines.headMap(firstLine).clear();
        Map.Entry<Long, String> bad = badLines.ceilingEntry(firstLine);
        if (bad == null || bad.getKey() > lastLine) {
            return null;
        }
        return "has bytes that are not valid " + charset.name() + " at line " + bad.getKey() + ", " + bad.getValue()
                + "; fix them, or say the file's encoding in its mapping";
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(buffer, offset, count);
        return count;
    }

    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!bytes.hasRemaining() || !endOfInput && bytes.remaining() < 16) {
                if (!endOfInput) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
            }
            int start = chars.position();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            count(start);
            if (result.isError()) {
                int length = result.length();
                byte[] bad = new byte[length];
                bytes.get(bad);
                badLines.putIfAbsent(line, "column " + column + " (0x" + HexFormat.of().formatHex(bad) + ")");
                chars.put(REPLACEMENT);
                column++;
            } else if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
                break;
            } else if (result.isOverflow()) {
                break;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    /** Follows the line and column of the text decoded since {@code start}. */
    private void count(int start) {
        for (int i = start; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
