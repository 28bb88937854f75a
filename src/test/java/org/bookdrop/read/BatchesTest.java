package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void groups_records_into_batches_of_the_given_size() {
        Batches<Integer> batches = new Batches<>(new Source(List.of(1, 2, 3, 4, 5), -1), 2);

        assertThat(batches.next()).containsExactly(1, 2);
        assertThat(batches.next()).containsExactly(3, 4);
        assertThat(batches.next()).containsExactly(5);
        assertThat(batches.hasNext()).isFalse();
    }

    @Test
    void hands_on_the_records_before_a_break_then_throws_the_break() {
        Batches<Integer> batches = new Batches<>(new Source(List.of(1, 2, 3), 2), 10);

        assertThat(batches.hasNext()).isTrue();
        assertThat(batches.next()).containsExactly(1, 2);
        assertThat(batches.hasNext()).isTrue();
        assertThatThrownBy(batches::next).hasMessage("broken after 2");
    }

    @Test
    void a_break_found_while_looking_ahead_is_thrown_by_next_not_by_hasNext() {
        Batches<Integer> batches = new Batches<>(new Source(List.of(1, 2, 3), 2), 2);

        assertThat(batches.next()).containsExactly(1, 2);
        assertThat(batches.hasNext()).isTrue();
        assertThatThrownBy(batches::next).hasMessage("broken after 2");
    }

    @Test
    void closes_its_source() throws Exception {
        Source source = new Source(List.of(1), -1);
        new Batches<>(source, 1).close();
        assertThat(source.closed).isTrue();
    }

    /** Yields the values, and breaks when it reaches the index {@code breakAt}. */
    private static final class Source implements Iterator<Integer>, Closeable {
        private final List<Integer> values;
        private final int breakAt;
        private int index;
        boolean closed;

        Source(List<Integer> values, int breakAt) {
            this.values = values;
            this.breakAt = breakAt;
        }

        @Override
        public boolean hasNext() {
            if (index == breakAt) {
                throw new UnreadableFileException("broken after " + index);
            }
            return index < values.size();
        }

        @Override
        public Integer next() {
            return values.get(index++);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
