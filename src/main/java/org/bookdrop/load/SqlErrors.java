package org.bookdrop.load;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the database or the way to it, which the same statement may survive later,
 * from a failure of the data, which it never will.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** Connection lost or refused (class 08), out of resources (53), shut down or cancelled (57). */
    public static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57"));
    }
}
