package org.bookdrop.load;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;

/**
 * Tells a failure of the database or the way to it, which the same statement may survive later,
 * from a failure of the data, which it never will.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * CrateDB reports shards that are moving or recovering, and lost nodes, by these names; and a
     * node too busy to take the write now: its write thread pool's queue full ("rejected execution
     * of ..."). A write tried again after a pause then goes in: that pause is bookdrop's
     * back-pressure on a loaded cluster. (A tripped memory circuit breaker is not among them: a
     * statement too big for it would trip it again; written row by row, its rows go in.)
     */
    private static final Pattern CRATEDB_UNAVAILABLE = Pattern.compile(
            "(?i)UnavailableShards|NoShardAvailable|ShardNotFound|primary shard is not active|NodeNotConnected"
                    + "|NodeDisconnected|NodeClosed|not enough active copies|ConnectTransportException"
                    + "|rejected execution|EsRejectedExecution");

    /**
     * Connection lost or refused (class 08), out of resources (53), shut down or cancelled (57),
     * CrateDB's shard-unavailable errors, and a CrateDB node too busy to take the write now.
     */
    public static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57"))) {
            return true;
        }
        return e.getMessage() != null && CRATEDB_UNAVAILABLE.matcher(e.getMessage()).find();
    }

    /**
     * A failure of the statement itself rather than of a row: the table is missing (42P01), a
     * permission or a syntax is wrong (class 42), the login or the schema (28, 3D, 3F). Writing
     * the rows one by one would only fail each of them the same way, so the file fails instead.
     */
    public static boolean isAboutTheStatement(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("42") || state.startsWith("28") || state.startsWith("3D")
                || state.startsWith("3F"));
    }
}
