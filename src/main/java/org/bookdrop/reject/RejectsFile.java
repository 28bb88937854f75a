package org.bookdrop.reject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.bookdrop.check.Rejection;

/**
 * The rejected records of one file, written beside it in the error folder in a form the user can
 * fix and drop again. The file is created at the first rejection, so a clean import leaves none;
 * a rejects file from an earlier import of the same name is replaced.
 */
public abstract class RejectsFile implements Rejects {

    private final Path path;
    private Writer out;

    protected RejectsFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Parallel writers may reject rows at the same time: one record is written whole at a time. */
    @Override
    public final synchronized void write(Rejection rejection) {
        try {
            if (out == null) {
                Files.createDirectories(path.getParent());
                out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 64 * 1024);
                begin(out);
            }
            write(out, rejection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file's path once a record has been written, so that the file exists. */
    @Override
    public final synchronized Optional<String> writtenTo() {
        return out == null ? Optional.empty() : Optional.of(path.toString());
    }

    @Override
    public String destination() {
        return path.toString();
    }

    protected void begin(Writer writer) throws IOException {
    }

    protected abstract void write(Writer writer, Rejection rejection) throws IOException;

    @Override
    public final synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }
}
