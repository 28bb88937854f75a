package org.bookdrop.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HashingInputStreamTest {

    private static final byte[] CONTENT = content(1_000_003);
    private static final String SHA256 = sha256(CONTENT);

    @Test
    void a_stream_read_to_its_end_in_reads_of_any_size_and_skips_gives_the_contents_hash() throws IOException {
        Random random = new Random(7);
        HashingInputStream stream = new HashingInputStream(new ByteArrayInputStream(CONTENT));
        byte[] buffer = new byte[70_000];
        while (true) {
            int choice = random.nextInt(3);
            if (choice == 0 && stream.read() < 0) {
                break;
            }
            if (choice == 1 && stream.skip(random.nextInt(5_000)) == 0 && stream.read() < 0) {
                break;
            }
            if (choice == 2 && stream.read(buffer, random.nextInt(10), 1 + random.nextInt(60_000)) < 0) {
                break;
            }
        }
        assertThat(stream.sha256()).isEqualTo(SHA256);
        assertThat(stream.complete(() -> {
            throw new AssertionError("the stream was read whole: nothing is read again");
        })).isEqualTo(SHA256);
    }

    @Test
    void a_stream_read_part_way_is_completed_from_the_file_opened_again_reading_only_the_rest() throws IOException {
        HashingInputStream stream = new HashingInputStream(new ByteArrayInputStream(CONTENT));
        stream.readNBytes(123_457);
        assertThat(stream.sha256()).as("not read whole yet").isNull();
        int[] readAgain = {0};
        String sha256 = stream.complete(() -> new ByteArrayInputStream(CONTENT) {
            @Override
            public synchronized int read(byte[] bytes, int offset, int length) {
                int n = super.read(bytes, offset, length);
                readAgain[0] += Math.max(n, 0);
                return n;
            }
        });
        assertThat(sha256).isEqualTo(SHA256);
        assertThat(readAgain[0]).as("only the bytes not read before").isEqualTo(CONTENT.length - 123_457);
        // A reader that goes on reading after that no longer changes the hash.
        stream.readNBytes(1000);
        assertThat(stream.sha256()).isEqualTo(SHA256);
    }

    @Test
    void a_stream_whose_reading_failed_gives_no_hash() throws IOException {
        InputStream failing = new InputStream() {
            private int left = 1000;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("disk gone");
                }
                left--;
                return 'x';
            }
        };
        HashingInputStream stream = new HashingInputStream(failing);
        assertThatThrownBy(() -> stream.readNBytes(5000)).isInstanceOf(IOException.class);
        assertThat(stream.complete(() -> new ByteArrayInputStream(CONTENT))).isNull();
    }

    private static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return FileHash.sha256(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
