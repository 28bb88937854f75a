package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inbox that belongs to another user than bookdrop's, as when a host folder is mounted into a
 * container that runs under another uid: bookdrop refuses to start, in one line naming the folder,
 * the user it runs as, the folder's owner and the fix, before it takes any file.
 *
 * <p>As root the test makes the inbox another user's and runs bookdrop without the capability to
 * override file permissions (setpriv), which is what a container's user is without; as any other
 * user it takes its own write permission away.
 */
class UnwritableFoldersTest {

    @TempDir
    Path work;

    @Test
    void refuses_to_start_naming_the_folder_the_user_and_the_owner_when_it_cannot_write_in_the_inbox() throws Exception {
        Path inbox = Files.createDirectory(work.resolve("inbox"));
        List<String> launcher = asAUserWhoCannotWrite(inbox);
        Path log = work.resolve("bookdrop.log");

        try (BookdropProcess bookdrop = BookdropProcess.start(launcher,
                Map.of("BOOKDROP_INBOX", inbox.toString(), "CRATEDB_URL", Databases.postgresUrl()), List.of(), log)) {
            assertThat(bookdrop.awaitExit(Duration.ofSeconds(60))).as("exit code; log:%n%s", bookdrop.log()).isEqualTo(1);
            String said = bookdrop.log();
            assertThat(said).contains("bookdrop cannot start: cannot create the done folder " + inbox.resolve("done")
                    + " (permission denied) as user ");
            assertThat(said).containsPattern("belongs to uid \\d+, gid \\d+ \\(r-xr-xr-x|belongs to uid 1000, gid 1000 \\(rwxr-xr-x");
            assertThat(said).contains("make it writable for that user (chown or chmod), or run bookdrop as its owner");
            assertThat(said).as("one line, no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(inbox.resolve("done")).doesNotExist();
    }

    /** The launcher under which bookdrop cannot write in the folder; the folder is made so. */
    private static List<String> asAUserWhoCannotWrite(Path folder) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            return List.of();
        }
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(folder, users.lookupPrincipalByName("1000"));
        Files.getFileAttributeView(folder, java.nio.file.attribute.PosixFileAttributeView.class)
                .setGroup(users.lookupPrincipalByGroupName("1000"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> launcher = List.of("setpriv", "--inh-caps=-dac_override,-fowner", "--bounding-set=-dac_override,-fowner");
        List<String> probe = new java.util.ArrayList<>(launcher);
        probe.addAll(List.of("sh", "-c", "touch '" + folder + "/probe'"));
        Process check = new ProcessBuilder(probe).redirectErrorStream(true).start();
        boolean refused = check.waitFor() != 0;
        assumeTrue(refused, "skipped: as root, setpriv could not run a process that the folder's permissions bind "
                + "(needs util-linux's setpriv and the capability to drop capabilities)");
        return launcher;
    }
}
