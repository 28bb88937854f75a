package org.bookdrop.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pattern of bookdrop's logback.xml, with its converter, on the events it is for and on others. */
class LibraryStackTracesTest {

    private final LoggerContext context = new LoggerContext();
    private final PatternLayout layout = new PatternLayout();

    @BeforeEach
    void layOut() {
        // As logback.xml sets them.
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        layout.setContext(context);
        layout.getInstanceConverterMap().put("bookdropEx", LibraryStackTraces::new);
        layout.setPattern("%-5level %logger{0} %msg%n%bookdropEx");
        layout.start();
    }

    @Test
    void a_broken_connection_warning_of_hikari_is_one_line() {
        String line = format(event("com.zaxxer.hikari.pool.ProxyConnection", Level.WARN,
                "bookdrop - Connection org.postgresql.jdbc.PgConnection@1 marked as broken because of SQLSTATE(08006), ErrorCode(0)"));

        assertThat(line.lines()).containsExactly(
                "WARN  ProxyConnection bookdrop - Connection org.postgresql.jdbc.PgConnection@1 marked as broken because of "
                        + "SQLSTATE(08006), ErrorCode(0)");
    }

    @Test
    void with_hikari_at_debug_its_stack_trace_is_printed() {
        context.getLogger("com.zaxxer.hikari").setLevel(Level.DEBUG);

        String text = format(event("com.zaxxer.hikari.pool.ProxyConnection", Level.WARN, "marked as broken"));

        assertThat(text).contains("java.sql.SQLException: An I/O error occurred while sending to the backend.").contains("\tat ");
    }

    @Test
    void other_loggers_and_hikaris_errors_keep_their_stack_traces() {
        assertThat(format(event("org.apache.camel.processor.errorhandler.DefaultErrorHandler", Level.WARN, "failed")))
                .contains("\tat ");
        assertThat(format(event("com.zaxxer.hikari.pool.HikariPool", Level.ERROR, "pool failed"))).contains("\tat ");
    }

    private String format(ILoggingEvent event) {
        return layout.doLayout(event);
    }

    private ILoggingEvent event(String loggerName, Level level, String message) {
        Logger logger = context.getLogger(loggerName);
        SQLException cause = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        return new LoggingEvent(Logger.class.getName(), logger, level, message, cause, null);
    }
}
