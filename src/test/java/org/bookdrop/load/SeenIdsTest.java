package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void tells_an_id_seen_before_from_a_new_one_across_growth() {
        SeenIds seen = new SeenIds();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add("book-" + i)).as("first time %d", i).isFalse();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(seen.add("book-" + i)).as("again %d", i).isTrue();
        }
        assertThat(seen.add("book-200000")).isFalse();
        assertThat(seen.size()).isEqualTo(200_001);
    }

    @Test
    void spreads_similar_ids_apart() {
        assertThat(SeenIds.fingerprint("a")).isNotEqualTo(SeenIds.fingerprint("b"));
        assertThat(SeenIds.fingerprint("")).isNotZero();
    }
}
