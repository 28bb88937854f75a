package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxComponentTest {

    @TempDir
    Path inbox;

    /** A file whose import fails because bookdrop stops under it stays in the inbox, not in error/. */
    @Test
    void aFileStaysInTheInboxWhenCamelStopsUnderItsImport() throws Exception {
        CountDownLatch picked = new CountDownLatch(1);
        try (CamelContext camel = context(exchange -> {
            picked.countDown();
            // As an import does while Camel waits for it: go on until Camel stops waiting, then fail.
            while (!exchange.getContext().isStopping()) {
                Thread.sleep(50);
            }
            Thread.sleep(1500);
            throw new IllegalStateException("the routes are stopped");
        })) {
            camel.getShutdownStrategy().setTimeout(1);
            camel.start();
            Files.writeString(inbox.resolve("books.ndjson"), "{}\n");
            assertThat(picked.await(10, TimeUnit.SECONDS)).isTrue();
            camel.stop();
            // The import fails a moment after Camel gave up waiting; Camel's file component would move it then.
            Thread.sleep(2500);
        }
        assertThat(inbox.resolve("books.ndjson")).exists();
        assertThat(inbox.resolve("error/books.ndjson")).doesNotExist();
    }

    /** Any other failure is Camel's own: the file goes to the error folder. */
    @Test
    void aFileThatFailsWhileRunningGoesToTheErrorFolder() throws Exception {
        try (CamelContext camel = context(exchange -> {
            throw new IllegalStateException("a broken file");
        })) {
            camel.start();
            Files.writeString(inbox.resolve("books.ndjson"), "{}\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/books.ndjson")));
        }
        assertThat(inbox.resolve("books.ndjson")).doesNotExist();
    }

    private CamelContext context(Processor importing) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("inbox", new InboxComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("inbox:" + inbox + "?delay=50&moveFailed=error&move=done").routeId("intake").process(importing);
            }
        });
        return camel;
    }
}
