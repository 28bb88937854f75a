package org.bookdrop.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file dropped into the inbox, as bookdrop found it: where it is, its name within the inbox, and
 * whether it is a symbolic link. A drop folder is often writable by many producers, so a link is
 * never followed unless the operator allows it: it could point at a file that only bookdrop's
 * user may read, whose records would then land in the table and whose rejected lines would be
 * copied into a rejects file. The files bookdrop writes about a file (its rejects, its report)
 * take the file's permissions, never more open.
 *
 * @param name        the file's path within the inbox, e.g. {@code books.json}
 * @param permissions the file's permissions (its target's, for a link that is followed); null
 *                    where the file system has none, or for a link that is not followed
 */
public record InboxFile(Path path, String name, boolean link, boolean followLinks, Set<PosixFilePermission> permissions) {

    private static final Set<PosixFilePermission> READ_WRITE = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** Looks at the file without reading it, and without following it when it is a link that may not be followed. */
    public static InboxFile of(Path path, String name, boolean followLinks) {
        boolean link = Files.isSymbolicLink(path);
        Set<PosixFilePermission> permissions = null;
        if (!link || followLinks) {
            try {
                permissions = Files.getPosixFilePermissions(path);
            } catch (IOException | UnsupportedOperationException e) {
                // No POSIX permissions here (or the file is gone): files about it get the default ones.
            }
        }
        return new InboxFile(path, name, link, followLinks, permissions);
    }

    /** Whether the file is a link that bookdrop may not follow. */
    public boolean refusedLink() {
        return link && !followLinks;
    }

    /** Opens the file's content; a link that may not be followed fails to open, even if it replaced the file since it was seen. */
    public InputStream open() throws IOException {
        OpenOption[] options = followLinks ? new OpenOption[0] : new OpenOption[] {LinkOption.NOFOLLOW_LINKS};
        return Files.newInputStream(path, options);
    }

    /**
     * Creates a new file (which must not exist yet) for writing, readable and writable by no one
     * that may not read this file: its read and write permissions, and always its owner's.
     */
    public OutputStream createLike(Path file) throws IOException {
        return create(file, permissions);
    }

    /**
     * Creates a new file (which must not exist yet) for writing, with the read and write
     * permissions of {@code like}, and always its owner's; the default ones when {@code like} is null.
     */
    public static OutputStream create(Path file, Set<PosixFilePermission> like) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (like == null) {
            return Channels.newOutputStream(Files.newByteChannel(file, options));
        }
        Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        like.stream().filter(READ_WRITE::contains).forEach(mode::add);
        FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(mode);
        try {
            return Channels.newOutputStream(Files.newByteChannel(file, options, attribute));
        } catch (UnsupportedOperationException e) {
            return Channels.newOutputStream(Files.newByteChannel(file, options));
        }
    }
}
