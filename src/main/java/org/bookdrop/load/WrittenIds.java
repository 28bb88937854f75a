package org.bookdrop.load;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ids one file has written, kept in temporary files rather than in memory, so that however
 * large the file, they can be counted (an id written twice counts once) and looked up again after
 * the table's refresh. The ids are spread over {@value #BUCKETS} files by hash, so an id always
 * lands in the same one and each file can be read back into memory on its own: memory needed is a
 * {@value #BUCKETS}th of the ids.
 *
 * <p>Each file's name is removed as soon as it is open (where the system allows it, as Linux
 * does): its space is the system's again when it is closed or when the process ends, even by
 * {@code kill -9}, so nothing is left behind in the temporary folder. Elsewhere the files are
 * deleted when closed.
 */
public final class WrittenIds implements AutoCloseable {

    static final int BUCKETS = 128;

    /**
     * @param rows     rows written, an id written twice counting twice
     * @param distinct distinct ids written and not deleted later by the same file
     */
    public record Counts(long rows, long distinct) {
    }

    private final FileChannel[] files = new FileChannel[BUCKETS];
    private final BufferedOutputStream[] buckets = new BufferedOutputStream[BUCKETS];
    /** The files whose names could not be removed while open; deleted when closed. */
    private final List<Path> named = new ArrayList<>();
    private long rows;

    /** An id may hold a line break (nothing refuses one), so line breaks and backslashes are escaped. */
    public synchronized void add(Collection<String> ids) {
        try {
            for (String id : ids) {
                BufferedOutputStream out = bucket(id);
                // In UTF-8 as the JVM writes it (a writer's encoder cost more than the rest of adding an id).
                byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
                if (needsEscape(bytes)) {
                    bytes = id.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.write('\n');
            }
            rows += ids.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the written ids to a temporary file: " + e.getMessage(), e);
        }
    }

    /**
     * Hands back the distinct ids in chunks of the given size, bucket after bucket, leaving out
     * those deleted since they were written.
     */
    public synchronized Counts forEachDistinctChunk(int size, Set<String> deletedSince, Consumer<List<String>> chunkConsumer) {
        long distinct = 0;
        List<String> chunk = new ArrayList<>(size);
        try {
            for (int b = 0; b < BUCKETS; b++) {
                if (buckets[b] == null) {
                    continue;
                }
                buckets[b].flush();
                Set<String> ids = new LinkedHashSet<>();
                // From the start; reading leaves the position at the end, where later ids are added.
                files[b].position(0);
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(files[b]),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    ids.add(unescape(line));
                }
                ids.removeAll(deletedSince);
                distinct += ids.size();
                for (String id : ids) {
                    chunk.add(id);
                    if (chunk.size() == size) {
                        chunkConsumer.accept(chunk);
                        chunk = new ArrayList<>(size);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the written ids back from their temporary file: " + e.getMessage(), e);
        }
        if (!chunk.isEmpty()) {
            chunkConsumer.accept(chunk);
        }
        return new Counts(rows, distinct);
    }

    /** In UTF-8, a backslash or a line break byte is never part of another character. */
    private static boolean needsEscape(byte[] id) {
        for (byte b : id) {
            if (b == '\\' || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private BufferedOutputStream bucket(String id) throws IOException {
        // The hash code mixed, so that ids alike (book-1, book-2...) fill the buckets evenly.
        int b = (int) (((id.hashCode() * 0x9E3779B97F4A7C15L) >>> 40) % BUCKETS);
        if (buckets[b] == null) {
            Path path = Files.createTempFile("bookdrop-written-ids-", ".txt");
            files[b] = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                Files.delete(path);
            } catch (IOException e) {
                named.add(path);
            }
            buckets[b] = new BufferedOutputStream(Channels.newOutputStream(files[b]));
        }
        return buckets[b];
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
            for (int b = 0; b < BUCKETS; b++) {
                if (files[b] != null) {
                    files[b].close();
                    files[b] = null;
                    buckets[b] = null;
                }
            }
            for (Path path : named) {
                Files.deleteIfExists(path);
            }
            named.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
