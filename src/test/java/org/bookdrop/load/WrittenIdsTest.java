package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class WrittenIdsTest {

    @Test
    void hands_back_each_distinct_id_once_in_chunks_and_counts_rows_and_ids() {
        List<String> first = IntStream.range(0, 5000).mapToObj(i -> "id-" + i).toList();
        List<String> again = IntStream.range(4000, 6000).mapToObj(i -> "id-" + i).toList();
        List<List<String>> chunks = new ArrayList<>();
        WrittenIds.Counts counts;
        try (WrittenIds ids = new WrittenIds()) {
            ids.add(first);
            ids.add(again);
            ids.add(List.of("line\nbreak", "back\\slash", "line\nbreak", "Zoë 日本語 😀", "a\rreturn"));
            counts = ids.forEachDistinctChunk(1000, Set.of(), chunk -> chunks.add(List.copyOf(chunk)));
        }

        assertThat(counts.rows()).isEqualTo(7005);
        assertThat(counts.distinct()).isEqualTo(6004);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.size()).isLessThanOrEqualTo(1000));
        List<String> all = chunks.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(6004).doesNotHaveDuplicates()
                .contains("id-0", "id-5999", "line\nbreak", "back\\slash", "Zoë 日本語 😀", "a\rreturn");
    }

    /** A process killed with kill -9 cannot delete its files: there are none by name to leave behind. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void keeps_no_file_by_name_in_the_temporary_folder() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countWrittenIdFiles(temporary);
        try (WrittenIds ids = new WrittenIds()) {
            ids.add(IntStream.range(0, 10_000).mapToObj(i -> "id-" + i).toList());
            assertThat(countWrittenIdFiles(temporary)).isEqualTo(before);
            assertThat(ids.forEachDistinctChunk(100_000, Set.of(), chunk -> { }).distinct()).isEqualTo(10_000);
            ids.add(List.of("id-10000"));
            assertThat(ids.forEachDistinctChunk(100_000, Set.of(), chunk -> { }).distinct()).as("read again after more ids").isEqualTo(10_001);
        }
    }

    @Test
    void ids_deleted_since_they_were_written_are_left_out_and_not_counted() {
        try (WrittenIds ids = new WrittenIds()) {
            ids.add(List.of("a", "b", "c", "b"));
            List<String> handed = new ArrayList<>();

            WrittenIds.Counts counts = ids.forEachDistinctChunk(10, Set.of("b", "never-written"), handed::addAll);

            assertThat(handed).containsExactlyInAnyOrder("a", "c");
            assertThat(counts).isEqualTo(new WrittenIds.Counts(4, 2));
        }
    }

    private static long countWrittenIdFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("bookdrop-written-ids-")).count();
        }
    }

    @Test
    void nothing_written_counts_nothing() {
        try (WrittenIds ids = new WrittenIds()) {
            assertThat(ids.forEachDistinctChunk(10, Set.of(), chunk -> { })).isEqualTo(new WrittenIds.Counts(0, 0));
        }
    }
}
