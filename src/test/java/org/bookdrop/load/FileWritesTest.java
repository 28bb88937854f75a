package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FileWritesTest {

    private static BatchIds ids(int from, int to) {
        return BatchIds.of(IntStream.range(from, to).mapToObj(i -> "id-" + i).toList());
    }

    private static BatchIds ids(String... ids) {
        return BatchIds.of(List.of(ids));
    }

    @Test
    void an_id_is_in_flight_from_the_start_of_its_batch_to_its_end_whatever_the_batches_sizes() throws Exception {
        try (FileWrites writes = new FileWrites()) {
            BatchIds first = ids(0, 5000);
            BatchIds second = ids(5000, 10_000);
            assertThat(writes.anyInFlight(first)).as("nothing in flight").isFalse();
            writes.started(first);
            writes.started(second);
            assertThat(writes.anyInFlight(ids("id-4999"))).isTrue();

            writes.finished(first, null);
            assertThat(writes.anyInFlight(ids("id-0", "id-4999", "elsewhere"))).isFalse();
            assertThat(writes.anyInFlight(ids("elsewhere", "id-5000"))).isTrue();

            // A batch as big as all the ids in flight, then one bigger than they are.
            writes.finished(second, null);
            assertThat(writes.anyInFlight(second)).isFalse();
            BatchIds small = ids("a", "b");
            writes.started(small);
            assertThat(writes.anyInFlight(ids(0, 100))).isFalse();
            assertThat(writes.anyInFlight(ids("a"))).isTrue();
            BatchIds hundred = ids(0, 100);
            writes.started(hundred);
            writes.finished(hundred, null);
            assertThat(writes.anyInFlight(ids("a"))).as("only the finished batch's ids leave").isTrue();
            writes.finished(small, null);
            assertThat(writes.anyInFlight(ids("a", "b"))).isFalse();
            writes.awaitAll();
        }
    }

    @Test
    void an_id_holding_the_samples_separator_is_never_sampled_as_the_sample_fills_or_after() {
        try (FileWrites writes = new FileWrites()) {
            writes.written(List.of("a", "b\u001Fc", "d"));
            assertThat(writes.sampleIds()).containsExactly("a", "d");

            List<String> many = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                many.add(i % 2 == 0 ? "sep\u001F" + i : "plain-" + i);
            }
            writes.written(many);
            assertThat(writes.sampleIds()).hasSize(FileWrites.SAMPLE_SIZE).noneMatch(id -> id.contains(FileWrites.SAMPLE_SEPARATOR))
                    .anyMatch(id -> id.startsWith("plain-"));
        }
    }

    @Test
    void ids_deleted_by_the_file_leave_its_sample_and_its_written_rows_until_written_again() {
        try (FileWrites writes = new FileWrites()) {
            writes.written(List.of("a", "b", "c"));
            writes.deleted(List.of("b", "c"));
            assertThat(writes.sampleIds()).containsExactly("a");

            writes.written(List.of("c"));
            List<String> handed = new ArrayList<>();
            WrittenIds.Counts counts = writes.forEachWrittenChunk(10, handed::addAll);

            assertThat(handed).containsExactlyInAnyOrder("a", "c");
            assertThat(counts).isEqualTo(new WrittenIds.Counts(4, 2));
            assertThat(writes.sampleIds()).containsExactlyInAnyOrder("a", "c");
        }
    }

    @Test
    void the_first_failure_is_kept_and_thrown() {
        try (FileWrites writes = new FileWrites()) {
            BatchIds a = ids("a");
            BatchIds b = ids("b");
            writes.started(a);
            writes.started(b);
            writes.finished(a, new IllegalStateException("first"));
            writes.finished(b, new IllegalStateException("second"));

            assertThat(catchThrowable(writes::throwIfFailed)).hasMessage("first");
        }
    }
}
