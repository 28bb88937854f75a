package org.bookdrop.inbox;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks, before bookdrop takes any file, that it can do in its folders what an import does: create
 * a file in the inbox, done and error folders (creating the folders when missing), write it, rename
 * it, and move it from the inbox into done and error. Without this, a done folder that cannot be
 * written is found only after a file's rows have landed, when the file cannot be moved away.
 */
public final class FolderAccess {

    private FolderAccess() {
    }

    /** @throws FolderNotWritableException naming the folder, the user bookdrop runs as, and the fix */
    public static void check(Folders folders) {
        Path inbox = createFolder(folders.inbox(), "inbox");
        Path done = createFolder(folders.done(), "done folder");
        Path error = createFolder(folders.error(), "error folder");
        String probeName = ".bookdrop-probe-" + UUID.randomUUID();
        Path probe = inbox.resolve(probeName);
        try {
            attempt(inbox, "inbox", "create and write a file in", () -> Files.writeString(probe, "bookdrop\n"));
            Path renamed = inbox.resolve(probeName + ".renamed");
            attempt(inbox, "inbox", "rename a file in", () -> Files.move(probe, renamed));
            Path inDone = done.resolve(probeName);
            attempt(done, "done folder", "move a file from the inbox into", () -> Files.move(renamed, inDone));
            Path inError = error.resolve(probeName);
            attempt(error, "error folder", "move a file into", () -> Files.move(inDone, inError));
            attempt(error, "error folder", "create and write a file in",
                    () -> Files.writeString(error.resolve(probeName + ".note"), "bookdrop\n"));
        } finally {
            for (Path folder : new Path[] {inbox, done, error}) {
                deleteQuietly(folder.resolve(probeName));
                deleteQuietly(folder.resolve(probeName + ".renamed"));
                deleteQuietly(folder.resolve(probeName + ".note"));
            }
        }
    }

    /**
     * Whether an import could write in this folder, judged without writing anything (for a dry
     * run): empty if it looks so, else the line {@link #check} would refuse to start with.
     */
    public static Optional<String> predictRefusal(Path folder, String role) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            return Optional.of(refused(absolute, role, "create", new FileAlreadyExistsException(absolute.toString())).getMessage());
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            String what = existing.equals(absolute) ? "create and write a file in" : "create";
            IOException cause = Files.isDirectory(existing) ? new AccessDeniedException(existing.toString())
                    : new NotDirectoryException(existing.toString());
            return Optional.of(refused(absolute, role, what, cause).getMessage());
        }
        return Optional.empty();
    }

    private interface FileAction {
        void run() throws IOException;
    }

    private static Path createFolder(Path folder, String role) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw refused(folder, role, "create", e);
        }
    }

    private static void attempt(Path folder, String role, String what, FileAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw refused(folder, role, what, e);
        }
    }

    private static FolderNotWritableException refused(Path folder, String role, String what, IOException e) {
        RunningUser user = RunningUser.current();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String owner = existing == null ? "" : ownerOf(existing);
        String ownerNote = owner.isEmpty() ? "" : "; " + (existing.equals(folder) ? "it" : existing.toString())
                + " belongs to " + owner;
        String fix = owner.isEmpty() ? "make it writable for that user"
                : "make it writable for that user (chown or chmod), or run bookdrop as its owner "
                        + "(with Docker: the user: setting in docker/compose.yaml, see the README)";
        return new FolderNotWritableException("cannot " + what + " the " + role + " " + folder + " (" + reason(e) + ") as "
                + user + ownerNote + ": " + fix, e);
    }

    /** The operating system's reason, without the path that the message names already. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file, not a folder, is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String ownerOf(Path path) {
        try {
            Object uid = Files.getAttribute(path, "unix:uid");
            Object gid = Files.getAttribute(path, "unix:gid");
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            return "uid " + uid + ", gid " + gid + " (" + mode + ")";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A probe that cannot be removed is harmless: hidden files are never imported.
        }
    }
}
