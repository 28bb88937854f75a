package org.bookdrop.check;

import java.util.List;
import java.util.stream.Collectors;

import org.bookdrop.read.SourceRecord;

/**
 * A record that was not loaded, where it stands in its file, and every reason why.
 */
public record Rejection(String file, SourceRecord record, List<Problem> problems) {

    public String reasons() {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    public String describe() {
        return file + " " + record.position() + ": " + reasons();
    }
}
