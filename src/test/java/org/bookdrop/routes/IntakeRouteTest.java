package org.bookdrop.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.bookdrop.report.ImportReport;
import org.junit.jupiter.api.Test;

/**
 * The wiring of routes/intake.yaml (with check.yaml, load.yaml and errors.yaml), tested with Camel's
 * test kit: the routes as bookdrop packages them, started by Camel Main with bookdrop's real beans
 * on the tests' PostgreSQL, the report route replaced by a mock where a test only looks at what
 * reaches it, and a failing database put into the load stage with AdviceWith.
 */
class IntakeRouteTest extends BookdropRouteTest {

    private static final String GOOD = "{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"publication_date\":\"1965-08-01\"}\n"
            + "{\"title\":\"Emma\",\"author\":\"Jane Austen\",\"publication_date\":\"1815-12-23\"}\n";

    @Test
    void a_good_file_ends_in_done_and_its_report_is_sent_to_the_report_route_once() throws Exception {
        AdviceWith.adviceWith(context, "intake",
                route -> route.interceptSendToEndpoint("seda:report").skipSendToOriginalEndpoint().to("mock:report"));
        MockEndpoint report = getMockEndpoint("mock:report");
        report.expectedMessageCount(1);
        context.start();

        Files.writeString(inbox.resolve("good.ndjson"), GOOD);

        report.assertIsSatisfied(20_000);
        ImportReport sent = report.getReceivedExchanges().get(0).getMessage().getBody(ImportReport.class);
        assertThat(sent.status()).isEqualTo(ImportReport.Status.DONE);
        assertThat(List.of(sent.read(), sent.written(), sent.rejected(), sent.verified())).containsExactly(2L, 2L, 0L, 2L);
        assertThat(inbox.resolve("done").resolve("good.ndjson")).exists();
        assertThat(inbox.resolve("good.ndjson")).doesNotExist();
        Thread.sleep(500);
        report.assertIsSatisfied();
    }

    @Test
    void a_broken_file_ends_in_error_with_its_report_and_note() throws Exception {
        AdviceWith.adviceWith(context, "intake", route -> route.interceptSendToEndpoint("seda:report").to("mock:report"));
        MockEndpoint report = getMockEndpoint("mock:report");
        report.expectedMessageCount(1);
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(1).create();
        context.start();

        Files.writeString(inbox.resolve("broken.json"), "[{\"title\": \"Dune\", \"author\": ");

        report.assertIsSatisfied(20_000);
        assertThat(reported.matches(20, TimeUnit.SECONDS)).as("the report route has run").isTrue();
        ImportReport sent = report.getReceivedExchanges().get(0).getMessage().getBody(ImportReport.class);
        assertThat(sent.status()).isEqualTo(ImportReport.Status.FAILED);
        assertThat(sent.error()).startsWith("not valid JSON at line 1, column 30");
        Path error = inbox.resolve("error");
        assertThat(error.resolve("broken.json")).exists();
        assertThat(error.resolve("broken.json.report.json")).exists();
        assertThat(Files.readString(error.resolve("broken.json.error.txt"))).contains("broken.json");
    }

    @Test
    void a_database_failure_in_the_load_stage_fails_that_file_and_the_route_goes_on_with_the_next() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        AdviceWith.adviceWith(context, "load", route -> route.weaveAddFirst().process(exchange -> {
            if (fail.getAndSet(false)) {
                throw new SQLException("the database went away", "08006");
            }
        }));
        AdviceWith.adviceWith(context, "intake",
                route -> route.interceptSendToEndpoint("seda:report").skipSendToOriginalEndpoint().to("mock:report"));
        MockEndpoint report = getMockEndpoint("mock:report");
        report.expectedMessageCount(2);
        context.start();

        Files.writeString(inbox.resolve("first.ndjson"), GOOD);
        NotifyBuilder first = new NotifyBuilder(context).fromRoute("intake").whenDone(1).create();
        assertThat(first.matches(20, TimeUnit.SECONDS)).isTrue();
        Files.writeString(inbox.resolve("second.ndjson"), GOOD);

        report.assertIsSatisfied(20_000);
        ImportReport failed = report.getReceivedExchanges().get(0).getMessage().getBody(ImportReport.class);
        ImportReport done = report.getReceivedExchanges().get(1).getMessage().getBody(ImportReport.class);
        assertThat(failed.file()).isEqualTo("first.ndjson");
        assertThat(failed.status()).isEqualTo(ImportReport.Status.FAILED);
        assertThat(failed.error()).contains("the database went away");
        assertThat(inbox.resolve("error").resolve("first.ndjson")).exists();
        assertThat(done.file()).isEqualTo("second.ndjson");
        assertThat(done.status()).isEqualTo(ImportReport.Status.DONE);
        assertThat(inbox.resolve("done").resolve("second.ndjson")).exists();
        assertThat(context.getRouteController().getRouteStatus("intake").isStarted()).isTrue();
    }

    @Test
    void a_context_stopped_during_an_import_leaves_the_file_in_the_inbox() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AdviceWith.adviceWith(context, "load", route -> route.weaveAddFirst().process(exchange -> {
            loading.countDown();
            stopped.await(20, TimeUnit.SECONDS);
        }));
        AdviceWith.adviceWith(context, "intake",
                route -> route.interceptSendToEndpoint("seda:report").skipSendToOriginalEndpoint().to("mock:report"));
        context.getShutdownStrategy().setTimeout(1);
        context.start();

        Files.writeString(inbox.resolve("interrupted.ndjson"), GOOD);
        assertThat(loading.await(20, TimeUnit.SECONDS)).as("the file reached the load stage").isTrue();
        context.stop();
        stopped.countDown();
        Thread.sleep(500);

        assertThat(inbox.resolve("interrupted.ndjson")).as("left in the inbox, to be imported at the next start").exists();
        assertThat(inbox.resolve("done").resolve("interrupted.ndjson")).doesNotExist();
        assertThat(inbox.resolve("error").resolve("interrupted.ndjson")).doesNotExist();
    }
}
