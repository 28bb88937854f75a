package org.bookdrop.console;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How every console answer leaves: the request's headers dropped (Camel's HTTP consumers would
 * echo them back), its content type, and headers that keep a page from running anything but the
 * console's own script, from being framed by another site, or from being cached.
 */
final class WebResponses {

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private WebResponses() {
    }

    static void send(Message message, int status, String contentType, Object body) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Content-Security-Policy", POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "same-origin");
        message.setHeader("Cache-Control", "no-store");
        message.setBody(body);
    }

    static void html(Message message, String page) {
        send(message, 200, HTML, page);
    }

    /** A page saying what went wrong, in words, with the status that says so to the browser. */
    static void problem(Message message, int status, String title, String detail) {
        send(message, status, HTML, Html.page(title, "", "<h1>" + Html.text(title) + "</h1><p class=\"error\">"
                + Html.text(detail) + "</p>"));
    }

    /** A query parameter (Camel puts them in the message's headers), blank when absent. */
    static String parameter(Message message, String name) {
        Object value = message.getHeader(name);
        if (value instanceof java.util.List<?> values) {
            value = values.isEmpty() ? null : values.get(0);
        }
        return value == null ? "" : value.toString();
    }

    /** The page number asked for, from 1. */
    static int page(Message message) {
        try {
            return Math.max(1, Math.min(1_000_000, Integer.parseInt(parameter(message, "page").strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
