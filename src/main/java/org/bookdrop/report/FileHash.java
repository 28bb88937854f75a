package org.bookdrop.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SHA-256 of a file's content, which names the file's content in its report and history. */
public final class FileHash {

    private FileHash() {
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to hash it: " + e.getMessage(), e);
        }
    }

    /** The hash of what the stream holds, read to its end. */
    public static String sha256(InputStream in) throws IOException {
        HashingInputStream hashing = new HashingInputStream(in);
        byte[] buffer = new byte[256 * 1024];
        while (hashing.read(buffer) >= 0) {
            // Each read is hashed as it passes.
        }
        return hashing.sha256();
    }
}
