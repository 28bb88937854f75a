package org.bookdrop.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.camel.Message;

/** {@code /assets/NAME}: the console's stylesheet and script, from the jar; nothing else is served from there. */
public final class ConsoleAssets {

    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> assets;

    public ConsoleAssets() {
        this.assets = Map.of("console.css", load("console.css"), "console.js", load("console.js"));
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void serve(Message message) {
        String name = WebResponses.parameter(message, "name");
        byte[] asset = assets.get(name);
        if (asset == null) {
            WebResponses.problem(message, 404, "Not found", "The console has no asset " + name + ".");
            return;
        }
        WebResponses.send(message, 200, TYPES.get(name), asset);
        message.setHeader("Cache-Control", "max-age=300");
    }
}
