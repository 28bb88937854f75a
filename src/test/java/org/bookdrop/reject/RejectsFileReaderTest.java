package org.bookdrop.reject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bookdrop.check.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsFileReaderTest {

    @TempDir
    Path folder;

    @Test
    void reads_ndjson_rejects_and_groups_reasons_without_the_records_own_values() throws Exception {
        Path file = Files.writeString(folder.resolve("books.json.rejects.ndjson"), """
                {"title":"A","_rejected":{"file":"books.json","position":"record 2 (line 3)","line":3,"reasons":[{"field":"publication_date","reason":"'12/31/1999' is not an ISO date"}]}}
                {"title":"B","_rejected":{"file":"books.json","position":"record 5 (line 9)","line":9,"reasons":[{"field":"publication_date","reason":"'1999/12' is not an ISO date"},{"field":"author","reason":"must not be blank"}]}}
                {"_rejected":{"file":"books.json","position":"line 12","line":12,"reasons":[{"field":"record","reason":"not valid JSON; a ; in it"}]},"original":"{oops"}
                """);

        RejectsFileReader.Summary summary = RejectsFileReader.read(file, 1, 1);

        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.page()).singleElement().satisfies(rejected -> {
            assertThat(rejected.position()).isEqualTo("record 5 (line 9)");
            assertThat(rejected.problems()).containsExactly(new Problem("publication_date", "'1999/12' is not an ISO date"),
                    new Problem("author", "must not be blank"));
        });
        assertThat(summary.reasons()).extracting(RejectsFileReader.ReasonCount::field, RejectsFileReader.ReasonCount::reason,
                RejectsFileReader.ReasonCount::count).containsExactly(
                tuple("publication_date", "… is not an ISO date", 2L),
                tuple("author", "must not be blank", 1L),
                tuple("record", "not valid JSON; a ; in it", 1L));
    }

    @Test
    void reads_csv_rejects_by_their_first_column() throws Exception {
        Path file = Files.writeString(folder.resolve("shop.csv.rejects.csv"), """
                _rejected,Title,Author
                "line 3: Author: must not be blank; Published: '31.12.99' matches none of the patterns",No Author,
                "line 7: Title: must not be blank",,Someone
                """);

        RejectsFileReader.Summary summary = RejectsFileReader.read(file, 0, 10);

        assertThat(summary.page()).extracting(RejectsFileReader.Rejected::position).containsExactly("line 3", "line 7");
        assertThat(summary.page().get(0).problems()).containsExactly(new Problem("Author", "must not be blank"),
                new Problem("Published", "'31.12.99' matches none of the patterns"));
        assertThat(summary.reasons()).extracting(RejectsFileReader.ReasonCount::count).containsExactly(1L, 1L, 1L);
    }

    @Test
    void reads_listed_rejects_of_marc_and_onix_with_their_identities() throws Exception {
        Path file = Files.writeString(folder.resolve("library.mrc.rejects.txt"), """
                # The records of library.mrc that bookdrop rejected: where each is in the file, how the file names it, and why.
                # The records themselves, as the file holds them: /x/library.rejects.mrc
                record 2 (byte 1,204) [DLC-12883376]: 245$a: must not be blank
                Product 12 (line 340): record: the Product has no end tag
                Product 1 (line 9) [org.john-doe.some-id]: /DescriptiveDetail/Contributor[ContributorRole=A01] -> author: must not be blank; {/DescriptiveDetail/TitleDetail[TitleType=01]/TitleElement[TitleElementLevel=01]/TitleText}[: {/DescriptiveDetail/TitleDetail[TitleType=01]/TitleElement[TitleElementLevel=01]/Subtitle}] (or 1 more) -> title: must not be blank
                """);

        RejectsFileReader.Summary summary = RejectsFileReader.read(file, 0, 10);

        assertThat(summary.page()).extracting(RejectsFileReader.Rejected::position, RejectsFileReader.Rejected::identity)
                .containsExactly(tuple("record 2 (byte 1,204)", "DLC-12883376"), tuple("Product 12 (line 340)", null),
                        tuple("Product 1 (line 9)", "org.john-doe.some-id"));
        assertThat(summary.page().get(0).problems()).containsExactly(new Problem("245$a", "must not be blank"));
        // As the shipped ONIX mapping describes its fields (a public sample feed's Product, rejected): long, with ": " inside.
        assertThat(summary.page().get(2).problems()).containsExactly(
                new Problem("/DescriptiveDetail/Contributor[ContributorRole=A01] -> author", "must not be blank"),
                new Problem("{/DescriptiveDetail/TitleDetail[TitleType=01]/TitleElement[TitleElementLevel=01]/TitleText}[: "
                        + "{/DescriptiveDetail/TitleDetail[TitleType=01]/TitleElement[TitleElementLevel=01]/Subtitle}] (or 1 more) -> title",
                        "must not be blank"));
        assertThat(summary.total()).isEqualTo(3);
    }
}
