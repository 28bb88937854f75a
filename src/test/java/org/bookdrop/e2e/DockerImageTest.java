package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image of docker/Dockerfile, built and run where a Docker engine is (with the host's network,
 * as docker/compose.yaml runs it): its start-up check with an inbox mounted from the host that
 * belongs to another uid, and the same inbox imported when the container runs as its owner, with
 * remote JMX on and a second java command run beside bookdrop in the container. Skipped, saying
 * why, without a Docker engine (CI builds the image's Maven steps instead: .ci/dockerfile-build-steps).
 */
class DockerImageTest {

    private static final String IMAGE = "bookdrop:test";
    private static final Path SAMPLE_BOOKS = Path.of("sample-data", "books.json");

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheImage() throws Exception {
        Result info = docker(Duration.ofSeconds(30), "info", "--format", "{{.ServerVersion}}");
        assumeTrue(info.code() == 0, () -> "Docker image test skipped: no Docker engine answers (docker info: "
                + info.output().strip() + ")");
        Result build = docker(Duration.ofMinutes(15), "build", "--network", "host", "-f", "docker/Dockerfile", "-t", IMAGE, ".");
        assertThat(build.code()).as("docker build:%n%s", build.output()).isZero();
    }

    @Test
    void refuses_to_start_in_one_line_when_the_mounted_inbox_belongs_to_another_uid() throws Exception {
        Path inbox = ownedBy1000(Files.createDirectory(work.resolve("inbox")));

        Result run = docker(Duration.ofMinutes(2), "run", "--rm", "--network", "host", "-v", inbox + ":/inbox",
                "-e", "CRATEDB_URL=" + Databases.postgresUrl(), IMAGE);

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("bookdrop cannot start: cannot create the done folder /inbox/done (permission denied) "
                + "as user bookdrop (uid 999, gid 999); /inbox belongs to uid 1000, gid 1000 (rwxr-xr-x): make it writable "
                + "for that user (chown or chmod), or run bookdrop as its owner (with Docker: the user: setting");
        assertThat(run.output()).doesNotContain("\tat ");
    }

    @Test
    void run_as_the_inbox_owner_it_imports_and_another_java_command_runs_beside_it() throws Exception {
        Path inbox = ownedBy1000(Files.createDirectory(work.resolve("inbox")));
        String name = "bookdrop-test-" + ProcessHandle.current().pid();
        String table = "docker_books_" + ProcessHandle.current().pid();
        Result started = docker(Duration.ofMinutes(1), "run", "-d", "--name", name, "--network", "host", "--user", "1000:1000",
                "-v", inbox + ":/inbox", "-e", "CRATEDB_URL=" + Databases.postgresUrl(), "-e", "BOOKDROP_TABLE=" + table,
                "-e", "BOOKDROP_HISTORY_TABLE=" + table + "_history", "-e", "BOOKDROP_CLAIMS_TABLE=" + table + "_claims",
                "-e", "BOOKDROP_JMX_PORT=19010", "-e", "BOOKDROP_JMX_PASSWORD=s3cret", IMAGE);
        assertThat(started.code()).as(started.output()).isZero();
        try {
            Files.copy(SAMPLE_BOOKS, inbox.resolve("books.json.part"));
            Files.move(inbox.resolve("books.json.part"), inbox.resolve("books.json"));
            Path report = inbox.resolve("done/books.json.report.json");
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(report) && Files.size(report) > 0);
            assertThat(Files.readString(report)).contains("\"status\" : \"DONE\"").contains("\"written\" : 3");
            assertThat(Files.getAttribute(report, "unix:uid")).as("written by the inbox's owner").isEqualTo(1000);

            // A second JVM in the container: it does not inherit bookdrop's JMX port.
            Result validate = docker(Duration.ofMinutes(1), "exec", name, "java", "-jar", "/opt/bookdrop/bookdrop.jar",
                    "validate", "/inbox/done/books.json");
            assertThat(validate.code()).as(validate.output()).isZero();
            assertThat(validate.output()).contains("books.json: 3 records, 3 valid, 0 would be rejected");
        } finally {
            Result logs = docker(Duration.ofSeconds(30), "logs", name);
            docker(Duration.ofMinutes(1), "rm", "-f", name);
            new BookRows(Databases.postgresUrl(), table).execute("DROP TABLE IF EXISTS " + table);
            System.err.println(logs.output().lines().filter(line -> line.contains("report")).toList());
        }
    }

    private static Path ownedBy1000(Path folder) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(folder, users.lookupPrincipalByName("1000"));
        Files.getFileAttributeView(folder, PosixFileAttributeView.class).setGroup(users.lookupPrincipalByGroupName("1000"));
        return folder;
    }

    private record Result(int code, String output) {
    }

    private static Result docker(Duration atMost, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, "no docker command: " + e.getMessage());
        }
        // Read as it comes, so that a long build never blocks on a full pipe.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e.getMessage());
            }
        });
        reader.start();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        reader.join();
        return new Result(process.isAlive() ? -1 : process.exitValue(), output.toString());
    }
}
