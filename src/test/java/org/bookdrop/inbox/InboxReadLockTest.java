package org.bookdrop.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
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

    @Test
    void a_claim_taken_on_a_file_another_instance_has_just_moved_away_is_let_go() throws Exception {
        Path inbox = Files.createDirectory(folder.resolve("inbox"));
        Path staged = Files.writeString(folder.resolve("books.ndjson"), "{\"title\": \"A\"}\n");
        Thread.sleep(20);
        Path dropped = Files.move(staged, inbox.resolve("books.ndjson"));
        // The other instance finishes the file and moves it to done just as this one claims it.
        Set<String> claims = new HashSet<>();
        MemoryIdempotentRepository claimsThatMoveTheFile = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                try {
                    Files.move(dropped, folder.resolve("done.ndjson"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return claims.add(key);
            }

            @Override
            public boolean remove(String key) {
                return claims.remove(key);
            }
        };
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            FileEndpoint endpoint = camel.getEndpoint("file:" + inbox + "?idempotentKey=${file:name}", FileEndpoint.class);
            InboxReadLock lock = new InboxReadLock(claimsThatMoveTheFile, 1000);
            lock.setCamelContext(camel);
            lock.start();
            lock.prepareOnStartup(null, endpoint);
            GenericFile<File> file = FileConsumer.asGenericFile(inbox.toString(), dropped.toFile(), null, false);

            assertThat(lock.acquireExclusiveReadLock(null, file, new DefaultExchange(camel))).isFalse();
            assertThat(claims).as("the claim let go").isEmpty();
        }
    }
}
