package org.bookdrop.inbox;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.bookdrop.report.FileImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each file, once its import is over, to the done folder (imported) or the error folder
 * (failed), under its own name, or under a name stamped with the import's start when an earlier
 * file took that name (see {@link FreeNames}), so that the archive of what was imported keeps
 * every file. bookdrop moves files here, before the report is made, rather than through Camel's
 * {@code move} option, which runs after the report and replaces a file of the same name: the
 * report must say where the file really went.
 *
 * <p>Then the file's claim is released. A file that cannot be moved (a folder it may not write)
 * stays where it is and keeps its claim, so that it is not imported again and again; its import
 * fails saying why. A file whose import failed because bookdrop is stopping stays in the inbox
 * too: the next start releases the claim and imports it again from the start.
 */
public final class FileArchive {

    private static final Logger LOG = LoggerFactory.getLogger(FileArchive.class);

    /** Files that bookdrop writes beside a file under its name; a name is free only when these are too. */
    public static final List<String> COMPANIONS = List.of(".report.json", ".error.txt");

    private final Folders folders;
    private final FileClaims claims;

    public FileArchive(Folders folders, FileClaims claims) {
        this.folders = folders;
        this.claims = claims;
    }

    public void archive(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport, CamelContext camel) {
        if (fileImport == null) {
            return;
        }
        InboxFile file = fileImport.inboxFile();
        if (fileImport.failure() != null && (camel.isStopping() || camel.isStopped())) {
            fileImport.leftInInbox("bookdrop stopped before the file was done; it stays in the inbox and is imported "
                    + "again from the start at the next start");
            LOG.warn("{}: bookdrop stopped before the file was done; it stays in the inbox and is imported again at the "
                    + "next start", fileImport.fileName());
            return;
        }
        Path folder = fileImport.failure() == null ? folders.done() : folders.error();
        Path within = Path.of(file.name()).getParent();
        Path target = within == null ? folder : folder.resolve(within);
        try {
            Path stored = moveUnderAFreeName(file.path(), target, fileImport);
            fileImport.movedTo(stored);
        } catch (IOException e) {
            String why = "could not move it to " + target + " (" + FolderAccess.reason(e) + ") as " + RunningUser.current()
                    + ": it stays in the inbox, claimed by instance " + claims.instance() + ", and is not taken again "
                    + "until bookdrop restarts; make the folder writable for that user (see the README), then restart bookdrop";
            fileImport.leftInInbox(why);
            LOG.error("{}: {}", fileImport.fileName(), why);
            return;
        }
        claims.remove(file.name());
    }

    private static Path moveUnderAFreeName(Path source, Path folder, FileImport fileImport) throws IOException {
        Files.createDirectories(folder);
        String name = source.getFileName().toString();
        while (true) {
            Path target = FreeNames.free(folder, name, fileImport.startedAt(), COMPANIONS);
            try {
                // Without REPLACE_EXISTING: a file that took the name a moment ago is never replaced.
                return Files.move(source, target);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("{} was taken meanwhile; trying the next free name", target);
            }
        }
    }
}
