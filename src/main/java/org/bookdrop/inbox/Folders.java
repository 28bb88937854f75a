package org.bookdrop.inbox;

import java.nio.file.Path;

/**
 * The inbox and the folders that imported and failed files are moved to. A relative done or error
 * folder lies inside the inbox.
 */
public record Folders(Path inbox, Path done, Path error) {

    public static Folders of(String inbox, String done, String error) {
        Path inboxPath = Path.of(inbox).toAbsolutePath().normalize();
        return new Folders(inboxPath, inboxPath.resolve(done).normalize(), inboxPath.resolve(error).normalize());
    }
}
