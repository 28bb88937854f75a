package org.bookdrop.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record that was not loaded, where it stands in its file, and every reason why.
 */
public record Rejection(String file, String position, List<Problem> problems) {

    public String describe() {
        return file + " " + position + ": "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
