package org.bookdrop.reject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.bookdrop.check.Rejection;
import org.bookdrop.inbox.FreeNames;
import org.bookdrop.inbox.InboxFile;

/**
 * Rejects of MARC and ONIX input, whose records people fix in the system that exported them, not
 * in the file: a text file listing each rejected record by its place in the file and its identity
 * there (a MARC control number, an ONIX RecordReference), with every reason. For binary MARC the
 * rejected records themselves are also written, byte for byte, to a {@code .mrc} file beside it
 * (named in the list's first lines), ready for a MARC editor and to be dropped again once fixed.
 */
public final class ListedRejectsFile extends RejectsFile {

    private final String rawName;
    private Path rawPath;
    private OutputStream raw;

    /**
     * @param name    the list's name while it is free, e.g. {@code books.mrc.rejects.txt}
     * @param rawName the name of the file of rejected records as the input holds them (e.g.
     *                {@code books.rejects.mrc}), or null where the records are listed only
     */
    public ListedRejectsFile(Path folder, String name, String rawName, InboxFile source, Instant startedAt) {
        super(folder, name, source, startedAt);
        this.rawName = rawName;
    }

    @Override
    protected void begin(Writer writer) throws IOException {
        writer.write("# The records of " + source().name() + " that bookdrop rejected: where each is in the file, "
                + "how the file names it, and why.\n");
        if (rawName != null) {
            rawPath = rawFile();
            writer.write("# The records themselves, as the file holds them: " + rawPath + "\n");
        }
    }

    private Path rawFile() throws IOException {
        Path folder = path().getParent();
        while (true) {
            Path candidate = FreeNames.free(folder, rawName, startedAt(), List.of());
            try {
                raw = new BufferedOutputStream(source().createLike(candidate), 64 * 1024);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // Taken a moment ago by another import: the next free name.
            }
        }
    }

    @Override
    protected void write(Writer writer, Rejection rejection) throws IOException {
        String identity = rejection.record().identity();
        writer.write(rejection.record().position());
        if (identity != null && !identity.isBlank()) {
            writer.write(" [" + identity.strip() + "]");
        }
        writer.write(": ");
        writer.write(rejection.reasons().replace('\n', ' '));
        writer.write('\n');
        byte[] bytes = rejection.record().rawBytes();
        if (raw != null && bytes != null) {
            raw.write(bytes);
        }
    }

    @Override
    protected void end() throws IOException {
        if (raw != null) {
            raw.close();
        }
    }
}
