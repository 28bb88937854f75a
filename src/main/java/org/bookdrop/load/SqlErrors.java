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

    /** CrateDB reports shards that are moving or recovering, and lost nodes, by these names. */
    private static final Pattern CRATEDB_UNAVAILABLE = Pattern.compile(
            "(?i)UnavailableShards|NoShardAvailable|ShardNotFound|primary shard is not active|NodeNotConnected"
                    + "|NodeDisconnected|NodeClosed|not enough active copies|ConnectTransportException");

    /**
     * Connection lost or refused (class 08), out of resources (53), shut down or cancelled (57),
     * and CrateDB's shard-unavailable errors.
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
}
