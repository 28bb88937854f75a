package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void hands_on_every_batch_in_the_files_order() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1050; i++) {
            lines.append("{\"n\": ").append(i).append("}\n");
        }
        List<Long> seen = new ArrayList<>();
        try (ReadAhead<SourceRecord> batches = new ReadAhead<>(new Batches<>(ndjson(lines.toString()), 100), "t")) {
            while (batches.hasNext()) {
                batches.next().forEach(record -> seen.add(record.line()));
            }
        }
        assertThat(seen).hasSize(1050).isSorted();
    }

    @Test
    void hands_on_the_records_before_a_break_then_the_break() throws Exception {
        try (ReadAhead<SourceRecord> batches = new ReadAhead<>(new Batches<>(new JsonReader(
                new ByteArrayInputStream("[{\"a\": 1}, {\"b\": 2}, {\"c\"".getBytes(StandardCharsets.UTF_8))), 10), "t")) {
            assertThat(batches.hasNext()).isTrue();
            assertThat(batches.next()).hasSize(2);
            assertThat(batches.hasNext()).isTrue();
            assertThatThrownBy(batches::next).isInstanceOf(UnreadableFileException.class).hasMessageContaining("not valid JSON");
            assertThat(batches.hasNext()).isFalse();
        }
    }

    @Test
    void closing_stops_the_reading_and_closes_the_file() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '\n';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = (byte) (i % 2 == 0 ? '1' : '\n');
                }
                return length;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        ReadAhead<SourceRecord> batches = new ReadAhead<>(new Batches<>(new NdjsonReader(endless, 1000), 10), "t");
        assertThat(batches.next()).hasSize(10);

        batches.close();

        assertThat(closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("bookdrop-read t"));
    }

    private static NdjsonReader ndjson(String text) {
        return new NdjsonReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }
}
