package org.bookdrop.reject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bookdrop.check.Rejection;
import org.bookdrop.inbox.FreeNames;
import org.bookdrop.inbox.InboxFile;

/**
 * The rejected records of one file, written in the error folder in a form the user can fix and
 * drop again. The file is created at the first rejection, so a clean import leaves none; it is
 * named after the input, or, when an earlier import's rejects file has that name, after the input
 * with the import's start time (see {@link FreeNames}): an import's rejects never replace an
 * earlier one's. It is created with the input's permissions, never more open, since it holds
 * records of the input as they were.
 */
public abstract class RejectsFile implements Rejects {

    private final Path folder;
    private final String name;
    private final InboxFile source;
    private final Instant startedAt;
    private Path path;
    private Writer out;

    /**
     * @param name      the rejects file's name while it is free, e.g. {@code books.csv.rejects.csv}
     * @param source    the file whose records are rejected
     * @param startedAt when its import started, for a stamped name
     */
    protected RejectsFile(Path folder, String name, InboxFile source, Instant startedAt) {
        this.folder = folder;
        this.name = name;
        this.source = source;
        this.startedAt = startedAt;
    }

    /** Parallel writers may reject rows at the same time: one record is written whole at a time. */
    @Override
    public final synchronized void write(Rejection rejection) {
        try {
            if (out == null) {
                Files.createDirectories(folder);
                out = new BufferedWriter(new OutputStreamWriter(createUnderAFreeName(), StandardCharsets.UTF_8), 64 * 1024);
                begin(out);
            }
            write(out, rejection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + destination() + ": " + e.getMessage(), e);
        }
    }

    private OutputStream createUnderAFreeName() throws IOException {
        while (true) {
            path = FreeNames.free(folder, name, startedAt, List.of());
            try {
                return source.createLike(path);
            } catch (FileAlreadyExistsException e) {
                // Taken a moment ago by another import: the next free name.
            }
        }
    }

    /** The file's path once a record has been written, so that the file exists. */
    @Override
    public final synchronized Optional<String> writtenTo() {
        return out == null ? Optional.empty() : Optional.of(path.toString());
    }

    @Override
    public synchronized String destination() {
        return path != null ? path.toString() : folder.resolve(name).toString();
    }

    /** The rejects file's path, once it is created. */
    protected final Path path() {
        return path;
    }

    /** The file whose records are rejected. */
    protected final InboxFile source() {
        return source;
    }

    /** The import's start, for a stamped name. */
    protected final Instant startedAt() {
        return startedAt;
    }

    protected void begin(Writer writer) throws IOException {
    }

    /** Called when the rejects file is closed after at least one record; closes what else it wrote. */
    protected void end() throws IOException {
    }

    protected abstract void write(Writer writer, Rejection rejection) throws IOException;

    @Override
    public final synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
            end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }
}
