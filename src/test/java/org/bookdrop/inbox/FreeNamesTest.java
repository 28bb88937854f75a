package org.bookdrop.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreeNamesTest {

    private static final Instant START = Instant.parse("2026-12-02T06:39:12.345Z");

    @TempDir
    Path folder;

    @Test
    void a_free_name_is_kept_as_it_is() {
        assertThat(FreeNames.free(folder, "books.ndjson", START, FileArchive.COMPANIONS)).isEqualTo(folder.resolve("books.ndjson"));
    }

    @Test
    void a_taken_name_gets_the_start_time_before_its_whole_extension() throws Exception {
        Files.writeString(folder.resolve("books.ndjson.gz"), "");
        Files.writeString(folder.resolve("books.csv"), "");
        Files.writeString(folder.resolve("README"), "");

        assertThat(FreeNames.free(folder, "books.ndjson.gz", START, List.of()).getFileName().toString())
                .isEqualTo("books-2026-12-02T063912Z.ndjson.gz");
        assertThat(FreeNames.free(folder, "books.csv", START, List.of()).getFileName().toString())
                .isEqualTo("books-2026-12-02T063912Z.csv");
        assertThat(FreeNames.free(folder, "README", START, List.of()).getFileName().toString())
                .isEqualTo("README-2026-12-02T063912Z");
    }

    @Test
    void a_name_whose_report_is_left_counts_as_taken_and_a_taken_stamp_gets_a_counter() throws Exception {
        Files.writeString(folder.resolve("books.json.report.json"), "");
        Files.writeString(folder.resolve("books-2026-12-02T063912Z.json"), "");

        assertThat(FreeNames.free(folder, "books.json", START, FileArchive.COMPANIONS).getFileName().toString())
                .isEqualTo("books-2026-12-02T063912Z-2.json");
    }
}
