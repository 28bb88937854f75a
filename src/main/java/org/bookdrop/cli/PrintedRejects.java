package org.bookdrop.cli;

import java.io.PrintStream;
import java.util.Optional;

import org.bookdrop.check.Rejection;
import org.bookdrop.reject.Rejects;

/** A dry run's rejected records: one line each on the screen, with file, position and reasons. */
final class PrintedRejects implements Rejects {

    private final PrintStream out;

    PrintedRejects(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(Rejection rejection) {
        out.println(rejection.describe());
    }

    @Override
    public Optional<String> writtenTo() {
        return Optional.empty();
    }

    @Override
    public String destination() {
        return "the screen";
    }

    @Override
    public void close() {
        out.flush();
    }
}
