package org.bookdrop.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bookdrop as its own process ({@code java org.bookdrop.Bookdrop} on the test class path), set up
 * by environment variables as a user would, for what needs a real process: remote JMX, a kill,
 * a signal.
 */
final class BookdropProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private BookdropProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param environment the settings, e.g. CRATEDB_URL, BOOKDROP_INBOX
     * @param jvmOptions  options before the main class, e.g. -D flags
     * @param log         where its output goes
     */
    static BookdropProcess start(Map<String, String> environment, List<String> jvmOptions, Path log) throws IOException {
        return start(List.of(), environment, jvmOptions, log);
    }

    /** @param launcher a command that runs the JVM, e.g. one that drops privileges; empty for none */
    static BookdropProcess start(List<String> launcher, Map<String, String> environment, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The log as a user sees it (not the tests' log file), into this process's log.
        command.add("-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath());
        // Surefire's class path reaches the packaged routes twice; take them from the project.
        command.add("-Dcamel.main.routes-include-pattern=file:routes/*.yaml");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.bookdrop.Bookdrop"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new BookdropProcess(builder.start(), log);
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it is still running after the time given. */
    int awaitExit(java.time.Duration atMost) throws InterruptedException {
        return process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is cleaned up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as {@code kill} or a container stop sends; waits for the exit and gives its code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
