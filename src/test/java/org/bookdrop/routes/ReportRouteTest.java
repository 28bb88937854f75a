package org.bookdrop.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.bookdrop.report.ImportReport;
import org.junit.jupiter.api.Test;

/** The wiring of routes/report.yaml: each report becomes its JSON file, a failed file's note, and a row of the history. */
class ReportRouteTest extends BookdropRouteTest {

    @Test
    void a_failed_report_is_written_as_json_with_its_note_and_appended_to_the_history() throws Exception {
        context.start();
        Path error = inbox.resolve("error");
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(1).create();

        template.sendBody("seda:report", report("broken.json", ImportReport.Status.FAILED, error, true, "not valid JSON at line 3"));

        assertThat(reported.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(error.resolve("broken.json.report.json"))).contains("\"status\" : \"FAILED\"")
                .contains("not valid JSON at line 3");
        assertThat(Files.readString(error.resolve("broken.json.error.txt"))).startsWith("broken.json could not be imported.")
                .contains("not valid JSON at line 3");
        assertThat(history()).containsExactly("broken.json FAILED 7");
    }

    @Test
    void a_report_that_cannot_be_written_into_its_folder_still_reaches_the_history() throws Exception {
        context.start();
        // The folder the report names is a file: nothing can be written into it.
        Path notAFolder = Files.writeString(Files.createDirectories(inbox.getParent()).resolve("done-is-a-file"), "x");
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(1).create();

        template.sendBody("seda:report", report("books.json", ImportReport.Status.DONE, notAFolder, true, null));

        assertThat(reported.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(history()).containsExactly("books.json DONE 7");
        assertThat(context.getRouteController().getRouteStatus("report").isStarted()).isTrue();
    }

    @Test
    void the_history_insert_goes_through_camel_jdbc_and_is_tried_again_while_the_database_is_unreachable() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AdviceWith.adviceWith(context, "report", route -> route.weaveByToUri("jdbc:*").before().process(exchange -> {
            // The connection is lost twice (SQLState 08006), as while the database restarts.
            if (attempts.incrementAndGet() <= 2) {
                throw new SQLException("An I/O error occurred while sending to the backend", "08006");
            }
        }));
        MockEndpoint jdbc = getMockEndpoint("mock:jdbc");
        AdviceWith.adviceWith(context, "report", route -> route.weaveByToUri("jdbc:*").after().to("mock:jdbc"));
        jdbc.expectedMessageCount(1);
        jdbc.expectedHeaderReceived("CamelJdbcUpdateCount", 1);
        context.start();
        Path done = inbox.resolve("done");
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(1).create();

        template.sendBody("seda:report", report("later.json", ImportReport.Status.DONE, done, true, null));

        assertThat(reported.matches(20, TimeUnit.SECONDS)).isTrue();
        jdbc.assertIsSatisfied();
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(history()).containsExactly("later.json DONE 7");
    }

    @Test
    void a_history_that_refuses_the_row_is_a_warning_and_the_route_takes_the_next_report() throws Exception {
        context.start();
        try (Connection connection = DriverManager.getConnection(databaseUrl()); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + historyTable);
        }
        Path done = inbox.resolve("done");
        NotifyBuilder reported = new NotifyBuilder(context).fromRoute("report").whenDone(2).create();

        template.sendBody("seda:report", report("first.json", ImportReport.Status.DONE, done, true, null));
        template.sendBody("seda:report", report("second.json", ImportReport.Status.DONE, done, true, null));

        assertThat(reported.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(done.resolve("first.json.report.json")).exists();
        assertThat(done.resolve("second.json.report.json")).exists();
        assertThat(context.getRouteController().getRouteStatus("report").isStarted()).isTrue();
    }

    private ImportReport report(String file, ImportReport.Status status, Path folder, boolean moved, String error) {
        Instant now = Instant.now();
        return new ImportReport(file, "ab".repeat(32), 123, status, folder.toString(), folder.resolve(file).toString(), moved,
                table, "bookdrop", now, null, now, 5, 7, 0, 7, 0, 0, 0, null, Map.of(), Map.of(), null, error, null, null,
                Set.of(), List.of());
    }

    private List<String> history() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT file, status, records_read FROM " + historyTable)) {
            List<String> found = new java.util.ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getLong(3));
            }
            return found;
        }
    }
}
