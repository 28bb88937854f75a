package org.bookdrop.report;

import java.sql.SQLException;

import org.bookdrop.inbox.FolderNotWritableException;
import org.bookdrop.mapping.MappingException;
import org.bookdrop.read.UnreadableFileException;

/**
 * Says in one line why a file failed, naming the cause a user can act on rather than the wrapper
 * that carried it through the routes.
 */
public final class FailureMessage {

    private FailureMessage() {
    }

    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableFileException || cause instanceof TooManyRejectsException
                    || cause instanceof FolderNotWritableException || cause instanceof MappingException) {
                return cause.getMessage();
            }
            if (cause instanceof SQLException sql) {
                return "database error " + sql.getSQLState() + ": " + sql.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
