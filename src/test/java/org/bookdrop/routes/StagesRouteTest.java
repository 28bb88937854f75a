package org.bookdrop.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.bookdrop.check.CheckedBook;
import org.bookdrop.report.ImportReport;
import org.junit.jupiter.api.Test;

/**
 * The stages the intake route calls for each batch: routes/check.yaml passes the valid books of a
 * batch on and counts the rest as rejected; routes/load.yaml writes what reaches it.
 */
class StagesRouteTest extends BookdropRouteTest {

    private static final Path MIXED = Path.of("src", "test", "resources", "corpus", "mixed.ndjson");

    @Test
    void the_check_stage_passes_only_the_valid_books_of_a_batch_to_the_load_stage() throws Exception {
        AdviceWith.adviceWith(context, "intake", route -> {
            route.interceptSendToEndpoint("direct:load").to("mock:load");
            route.interceptSendToEndpoint("seda:report").skipSendToOriginalEndpoint().to("mock:report");
        });
        MockEndpoint load = getMockEndpoint("mock:load");
        load.expectedMessageCount(1);
        MockEndpoint report = getMockEndpoint("mock:report");
        report.expectedMessageCount(1);
        context.start();

        Files.copy(MIXED, inbox.resolve("mixed.ndjson"));

        report.assertIsSatisfied(20_000);
        load.assertIsSatisfied();
        @SuppressWarnings("unchecked")
        List<CheckedBook> batch = load.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        assertThat(batch).extracting(checked -> checked.book().title()).containsExactly("Good Omens", "Small Gods");
        ImportReport sent = report.getReceivedExchanges().get(0).getMessage().getBody(ImportReport.class);
        assertThat(List.of(sent.read(), sent.written(), sent.rejected())).containsExactly(7L, 2L, 5L);
        assertThat(sent.rejects()).as("the rejected records' file").isNotNull();
        assertThat(Files.readAllLines(Path.of(sent.rejects()))).hasSize(5);
    }

    @Test
    void the_load_stage_writes_the_books_that_reach_it_into_the_table() throws Exception {
        AdviceWith.adviceWith(context, "intake", route -> route.interceptSendToEndpoint("direct:load").to("mock:load"));
        getMockEndpoint("mock:load").expectedMessageCount(1);
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(1).create();
        context.start();

        Files.copy(MIXED, inbox.resolve("mixed.ndjson"));

        assertThat(reported.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(titles()).containsExactly("Good Omens", "Small Gods");
        getMockEndpoint("mock:load").assertIsSatisfied();
    }

    private List<String> titles() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT title FROM " + table + " ORDER BY title")) {
            List<String> titles = new ArrayList<>();
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
            return titles;
        }
    }
}
