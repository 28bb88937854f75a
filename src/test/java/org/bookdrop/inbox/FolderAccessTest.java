package org.bookdrop.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check on folders that anyone, root included, is refused: a file where a folder should be. */
class FolderAccessTest {

    @TempDir
    Path work;

    @Test
    void creates_the_missing_folders_and_leaves_no_probe_behind() throws Exception {
        Folders folders = Folders.of(work.resolve("inbox").toString(), "done", "error");

        FolderAccess.check(folders);

        for (Path folder : new Path[] {folders.inbox(), folders.done(), folders.error()}) {
            assertThat(folder).isDirectory();
        }
        try (var left = Files.walk(work)) {
            assertThat(left.filter(Files::isRegularFile)).as("no probe left").isEmpty();
        }
    }

    @Test
    void refuses_a_file_in_the_place_of_a_folder_naming_the_folder_and_the_user() throws Exception {
        Files.createDirectories(work.resolve("inbox"));
        Files.writeString(work.resolve("inbox/error"), "a file");
        Folders folders = Folders.of(work.resolve("inbox").toString(), "done", "error");

        assertThatThrownBy(() -> FolderAccess.check(folders))
                .isInstanceOf(FolderNotWritableException.class)
                .hasMessageStartingWith("cannot create the error folder " + work.resolve("inbox/error")
                        + " (a file, not a folder, is in the way) as ")
                .hasMessageContaining(RunningUser.current().toString());
        assertThat(FolderAccess.predictRefusal(folders.error(), "error folder")).get().asString()
                .startsWith("cannot create the error folder " + work.resolve("inbox/error") + " (a file, not a folder, is in the way)");
    }
}
