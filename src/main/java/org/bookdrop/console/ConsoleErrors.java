package org.bookdrop.console;

import org.apache.camel.Exchange;
import org.bookdrop.report.FailureMessage;

/** A page that failed (the database gone, a rejects file unreadable) answers with what went wrong, in words, not a stack trace. */
public final class ConsoleErrors {

    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        WebResponses.problem(exchange.getMessage(), 503, "Not available just now",
                cause == null ? "The page failed." : FailureMessage.of(cause));
    }
}
