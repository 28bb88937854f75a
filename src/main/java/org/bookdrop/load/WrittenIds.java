package org.bookdrop.load;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ids one file has written, kept in a temporary file rather than in memory, so that they can
 * be looked up again after the table's refresh however large the file was. Deleted when closed.
 */
public final class WrittenIds implements AutoCloseable {

    private final Path path;
    private BufferedWriter out;

    public WrittenIds() {
        try {
            this.path = Files.createTempFile("bookdrop-written-ids-", ".txt");
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the written ids: " + e.getMessage(), e);
        }
    }

    /** An id may hold a line break (nothing refuses one), so line breaks and backslashes are escaped. */
    public synchronized void add(Collection<String> ids) {
        try {
            for (String id : ids) {
                out.write(id.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the written ids to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Hands the ids back in chunks of the given size, in the order they were added. */
    public synchronized void forEachChunk(int size, Consumer<List<String>> chunkConsumer) {
        try {
            out.flush();
            try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                List<String> chunk = new ArrayList<>(size);
                String line;
                while ((line = in.readLine()) != null) {
                    chunk.add(unescape(line));
                    if (chunk.size() == size) {
                        chunkConsumer.accept(chunk);
                        chunk = new ArrayList<>(size);
                    }
                }
                if (!chunk.isEmpty()) {
                    chunkConsumer.accept(chunk);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the written ids from " + path + ": " + e.getMessage(), e);
        }
    }

    private static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder id = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                id.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                id.append(c);
            }
        }
        return id.toString();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
