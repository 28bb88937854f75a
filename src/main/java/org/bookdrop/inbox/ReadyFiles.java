package org.bookdrop.inbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.bookdrop.report.FileImport;

/**
 * Which files of the inbox are ready to be read: those in the inbox itself, and in the subfolders
 * that mappings take files from (no other subfolder is looked into: done/ and error/ among them).
 * Without markers, every such file (the read lock then waits for it to stop changing). With
 * markers, only a file whose producer has written {@code NAME.done} beside it, for producers that
 * cannot write a file whole and then move it in; the marker itself is never read as a book file,
 * and is removed when its file is done with.
 */
public final class ReadyFiles implements GenericFileFilter<File> {

    static final String MARKER = ".done";

    private final boolean markers;
    private final Set<String> folders;

    /** @param folders the inbox subfolders that mappings take files from */
    public ReadyFiles(boolean markers, Set<String> folders) {
        this.markers = markers;
        this.folders = Set.copyOf(folders);
    }

    /** The marker a producer writes beside a file once it is whole: {@code NAME.done}. */
    public static Path markerOf(Path file) {
        return file.resolveSibling(file.getFileName() + MARKER);
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return folders.contains(file.getRelativeFilePath());
        }
        if (!markers) {
            return true;
        }
        String path = file.getAbsoluteFilePath();
        return !path.endsWith(MARKER) && Files.exists(Path.of(path + MARKER));
    }

    /** Removes the file's marker, once the file has been moved to done or error (not when it stays in the inbox). */
    public void removeMarker(@Header(Exchange.FILE_PATH) String path,
                             @ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        if (!markers || path == null || fileImport == null || !fileImport.moved()) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(path + MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the marker " + path + MARKER + ": " + e.getMessage(), e);
        }
    }
}
