package org.bookdrop.console;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.bookdrop.report.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's live feed, {@code /events}, as Server-Sent Events: a {@code status} event with the
 * overview's snapshot every second, and a {@code report} event as each file's report is published
 * (the report route calls {@link #reported}). Served by a handler on the console's own Vert.x
 * router (the one Camel's platform-http serves the pages from, behind the same authentication),
 * because a stream that stays open needs to know when its browser went away, and a Camel exchange
 * answers once.
 */
public final class LiveEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    static final String PATH = "/events";

    private record Client(HttpServerResponse response, Context context) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ConsoleStatus status;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bookdrop-console-events");
        thread.setDaemon(true);
        return thread;
    });

    public LiveEvents(ConsoleStatus status) {
        this.status = status;
    }

    /** Serves {@code /events} on the router, and starts the status ticks. */
    public void serveOn(Router router) {
        router.get(PATH).handler(this::open);
        ticks.scheduleWithFixedDelay(() -> {
            if (!clients.isEmpty()) {
                try {
                    send("status", status.snapshot());
                } catch (RuntimeException e) {
                    LOG.debug("Console status not sent: {}", e.getMessage());
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void open(RoutingContext request) {
        HttpServerResponse response = request.response();
        response.setChunked(true);
        response.putHeader("Content-Type", "text/event-stream; charset=utf-8");
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Accel-Buffering", "no");
        Client client = new Client(response, request.vertx().getOrCreateContext());
        response.closeHandler(closed -> clients.remove(client));
        response.exceptionHandler(failed -> clients.remove(client));
        // How long a browser waits before it reconnects after the stream broke (bookdrop restarted, say).
        response.write("retry: 2000\n\n");
        response.write(event("status", status.snapshot()));
        clients.add(client);
    }

    /** Tells every open console that a file's report is out. */
    public void reported(ImportReport report) {
        if (clients.isEmpty()) {
            return;
        }
        ObjectNode event = json.createObjectNode()
                .put("file", report.file()).put("status", report.status().name())
                .put("read", report.read()).put("written", report.written()).put("rejected", report.rejected())
                .put("duplicates", report.duplicates()).put("verified", report.verified())
                .put("durationMillis", report.durationMillis()).put("error", report.error())
                .put("summary", report.summary()).put("hasRejects", report.rejects() != null)
                .put("startedAt", report.startedAt().toEpochMilli());
        send("report", event);
    }

    private void send(String name, ObjectNode data) {
        String event = event(name, data);
        for (Client client : clients) {
            client.context().runOnContext(ignored -> {
                HttpServerResponse response = client.response();
                if (response.closed() || response.ended()) {
                    clients.remove(client);
                } else if (response.writeQueueFull()) {
                    // A browser that does not read: it misses this event, and catches up with the next status.
                    LOG.debug("A console does not keep up; an event is skipped for it");
                } else {
                    response.write(event);
                }
            });
        }
    }

    private String event(String name, ObjectNode data) {
        try {
            // JSON is written on one line, so the event's one data line holds it whole.
            return "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        for (Client client : clients) {
            client.context().runOnContext(ignored -> {
                if (!client.response().ended() && !client.response().closed()) {
                    client.response().end();
                }
            });
        }
        clients.clear();
    }
}
