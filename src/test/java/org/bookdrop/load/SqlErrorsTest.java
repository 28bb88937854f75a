package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void a_busy_or_unreachable_database_is_worth_another_try_and_a_bad_value_is_not() {
        assertThat(SqlErrors.isTransient(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("ERROR: rejected execution of org.elasticsearch.transport."
                + "TransportService$7@19a5cf02 on EsThreadPoolExecutor[name = crate-1/write, queue capacity = 200]",
                "XX000"))).as("the write thread pool's queue full").isTrue();
        assertThat(SqlErrors.isTransient(new SQLException("ERROR: NoShardAvailableActionException", "XX000"))).isTrue();

        assertThat(SqlErrors.isTransient(new SQLException("ERROR: Cannot cast value `x` to type `timestamp`", "22P02")))
                .isFalse();
        assertThat(SqlErrors.isTransient(new SQLException("ERROR: CircuitBreakingException: [query] Data too large",
                "XX000"))).as("a statement too big for the memory breaker: written row by row instead").isFalse();
        assertThat(SqlErrors.isAboutTheStatement(new SQLException("ERROR: Relation 'books' unknown", "42P01"))).isTrue();
    }
}
