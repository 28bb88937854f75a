package org.bookdrop.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxReadLockTest {

    @TempDir
    Path folder;

    @Test
    void a_file_being_written_is_not_taken_as_moved_in_whole_and_one_renamed_after_its_last_write_is() throws Exception {
        Path inbox = Files.createDirectory(folder.resolve("inbox"));
        Path staged = folder.resolve("books.ndjson.part");
        try (OutputStream out = Files.newOutputStream(staged)) {
            for (int i = 0; i < 20; i++) {
                out.write("{\"title\": \"a line\"}\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(InboxReadLock.movedInWhole(staged)).as("after write %d", i).isFalse();
                Thread.sleep(2);
            }
        }
        // Past the file system's clock tick, so that the rename's time differs from the last write's.
        Thread.sleep(20);
        Path dropped = Files.move(staged, inbox.resolve("books.ndjson"));
        assertThat(InboxReadLock.movedInWhole(dropped)).isTrue();

        // Written to again in the inbox: a writer is at work on it, it waits like any file being written.
        Files.writeString(dropped, "{\"title\": \"one more\"}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(InboxReadLock.movedInWhole(dropped)).isFalse();
    }

    @Test
    void a_file_that_is_gone_is_not_taken() {
        assertThat(InboxReadLock.movedInWhole(folder.resolve("gone.ndjson"))).isFalse();
    }
}
