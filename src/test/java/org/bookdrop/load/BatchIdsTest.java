package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BatchIdsTest {

    @Test
    void each_id_once_in_the_order_it_first_comes_with_the_place_of_its_last_record() {
        BatchIds ids = BatchIds.of(List.of("b", "a", "b", "c", "a", "b"));

        assertThat(ids.size()).isEqualTo(3);
        assertThat(List.of(ids.id(0), ids.id(1), ids.id(2))).containsExactly("b", "a", "c");
        assertThat(List.of(ids.last(0), ids.last(1), ids.last(2))).containsExactly(5, 4, 3);
        assertThat(ids.contains("a")).isTrue();
        assertThat(ids.contains("d")).isFalse();
        assertThat(BatchIds.of(List.of()).size()).isZero();
        assertThat(BatchIds.of(List.of()).contains("a")).isFalse();
    }

    @Test
    void ids_whose_hashes_collide_stay_apart() {
        // "Aa" and "BB" have the same String hash, as do all their concatenations.
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB", "AaAa");
        BatchIds ids = BatchIds.of(colliding);

        assertThat(ids.size()).isEqualTo(4);
        assertThat(ids.last(0)).isEqualTo(4);
        assertThat(ids.contains("BBBB")).isTrue();
        assertThat(ids.contains("AaAaAa")).isFalse();
        assertThat(ids.anyIn(BatchIds.of(List.of("x", "BBAa")))).isTrue();
        assertThat(ids.anyIn(BatchIds.of(List.of("x", "AaAaBB")))).isFalse();
    }

    @Test
    void gives_what_a_linked_hash_map_of_the_last_records_gives_for_batches_with_many_repeats() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int size = random.nextInt(6000);
            List<String> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add("id-" + random.nextInt(Math.max(1, size / 2)));
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                expected.put(batch.get(i), i);
            }
            BatchIds ids = BatchIds.of(batch);
            Map<String, Integer> got = new LinkedHashMap<>();
            for (int k = 0; k < ids.size(); k++) {
                got.put(ids.id(k), ids.last(k));
            }
            assertThat(got).containsExactlyEntriesOf(expected);
            assertThat(batch).allMatch(ids::contains);
            assertThat(ids.contains("elsewhere")).isFalse();
        }
    }
}
