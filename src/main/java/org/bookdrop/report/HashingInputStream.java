package org.bookdrop.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a file's content, taken from its bytes as the import reads them, so that the file
 * is read once, not once to hash it and once more to import it. A reader that stops before the
 * end (a file that breaks part way, a gzip stream read to its trailer) leaves the rest to
 * {@link #complete}, which hashes only the bytes not read.
 *
 * <p>Its methods hold its lock: the import reads it on a thread of its own, and completes it on the
 * route's; once complete, the bytes a reader still reads are no longer part of the hash.
 */
public final class HashingInputStream extends FilterInputStream {

    /** Opens the file again, at its start. */
    @FunctionalInterface
    public interface Reopen {
        InputStream open() throws IOException;
    }

    private final MessageDigest digest;
    private long hashedBytes;
    private boolean failed;
    private volatile String sha256;
    /** The byte a one-byte read reads into (a gzip header is read so). */
    private final byte[] one = new byte[1];

    public HashingInputStream(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public synchronized int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(bytes, offset, length);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
        if (sha256 == null) {
            if (n > 0) {
                digest.update(bytes, offset, n);
                hashedBytes += n;
            } else if (n < 0) {
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
        }
        return n;
    }

    /** Skipped bytes are read, so that they are hashed too. */
    @Override
    public synchronized long skip(long count) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(count, 0), 64 * 1024)];
        long skipped = 0;
        while (skipped < count) {
            int n = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
            if (n < 0) {
                break;
            }
            skipped += n;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
        // Not supported: the bytes are hashed once, as they pass.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark and reset are not supported");
    }

    /** The content's hash, hex, once every byte was read; else null. */
    public String sha256() {
        return sha256;
    }

    /**
     * The content's hash, hashing the bytes the reader did not read from the file opened again;
     * null when reading the file failed (it is then hashed again from its start, or not at all).
     */
    public synchronized String complete(Reopen file) throws IOException {
        if (sha256 != null || failed) {
            return sha256;
        }
        try (InputStream rest = file.open()) {
            rest.skipNBytes(hashedBytes);
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = rest.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        sha256 = HexFormat.of().formatHex(digest.digest());
        return sha256;
    }
}
