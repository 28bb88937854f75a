package org.bookdrop.reject;

import java.util.Optional;

import org.bookdrop.check.Rejection;

/** Where a file's rejected records go: a rejects file beside it, or the screen for a dry run. */
public interface Rejects extends AutoCloseable {

    /** Takes one rejected record; parallel writers may call it at the same time. */
    void write(Rejection rejection);

    /** Where the rejected records can be read, for the report: empty when none was written. */
    Optional<String> writtenTo();

    /** Where the rejected records go, for a log line. */
    String destination();

    @Override
    void close();
}
