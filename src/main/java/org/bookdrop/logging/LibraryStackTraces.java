package org.bookdrop.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Prints an exception's stack trace as logback does, except for the warnings of libraries that
 * report, with a stack trace each, events that bookdrop handles and tells in a line of its own:
 * HikariCP, while the database restarts, logs every broken connection ("marked as broken because
 * of SQLSTATE(08006)") with a full trace between bookdrop's retry lines. Their message line stays;
 * their trace is printed only when that library's logger is at DEBUG.
 */
public final class LibraryStackTraces extends ThrowableProxyConverter {

    /** Loggers whose warnings are events, not faults: one line each is enough. */
    static final List<String> EVENT_LOGGERS = List.of("com.zaxxer.hikari");

    @Override
    public String convert(ILoggingEvent event) {
        if (event.getThrowableProxy() != null && isEvent(event) && !debugEnabled(event)) {
            return "";
        }
        return super.convert(event);
    }

    /** A warning (not an error) of one of those libraries. */
    private static boolean isEvent(ILoggingEvent event) {
        String name = event.getLoggerName();
        return event.getLevel() == Level.WARN
                && EVENT_LOGGERS.stream().anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."));
    }

    private boolean debugEnabled(ILoggingEvent event) {
        if (getContext() instanceof LoggerContext loggers) {
            Logger logger = loggers.getLogger(event.getLoggerName());
            return logger.isDebugEnabled();
        }
        return false;
    }
}
