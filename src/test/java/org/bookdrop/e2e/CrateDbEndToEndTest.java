package org.bookdrop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenarios on CrateDB (CRATEDB_URL, or a Testcontainers CrateDB where Docker
 * runs), plus the queries of CrateDB's own tutorial right after the import.
 */
class CrateDbEndToEndTest extends ImportScenarios {

    @BeforeAll
    static void sayWhyWhenSkipped() {
        if (Databases.crateDbUrl() == null) {
            System.err.println(Databases.whyNoCrateDb());
        }
    }

    /** Each scenario is skipped, and counted as skipped, when no CrateDB can be reached. */
    @Override
    String jdbcUrl() {
        String url = Databases.crateDbUrl();
        assumeTrue(url != null, Databases::whyNoCrateDb);
        return url;
    }

    @Test
    void answers_the_tutorial_queries_right_after_the_import() throws Exception {
        bookdrop.drop(SAMPLE_BOOKS);
        bookdrop.awaitReport("done", "books.json");

        // No waiting for CrateDB's periodic refresh: bookdrop refreshed the table after the file.
        assertThat(rows.query("SELECT title FROM " + table
                + " WHERE author = 'Douglas Adams' ORDER BY publication_date"))
                .containsExactly(List.of("The Hitchhiker's Guide to the Galaxy"),
                        List.of("The Restaurant at the End of the Universe"));
        assertThat(rows.query("SELECT author, count(*) FROM " + table + " GROUP BY author ORDER BY count(*) DESC"))
                .containsExactly(List.of("Douglas Adams", "2"), List.of("Monty Python", "1"));
        assertThat(rows.query("SELECT title FROM " + table + " WHERE MATCH(title, 'monty') ORDER BY _score DESC"))
                .containsExactly(List.of("Monty Python's Big Red Book"));
    }

    @Test
    void finds_the_books_of_a_marc_export_and_an_onix_feed_with_the_tutorial_queries() throws Exception {
        java.nio.file.Path marc = work.resolve("library.mrc");
        java.nio.file.Files.write(marc, org.bookdrop.read.MarcRecords.marc8(org.bookdrop.read.MarcRecords.record()
                .control("001", "12883376").control("003", "DLC")
                .field("100", "1 ", 'a', "Camus, Albert,")
                .field("245", "10", 'a', "La peste /", 'c', "Albert Camus.")
                .field("260", "  ", 'c', "c1947.")));
        bookdrop.drop(marc);
        bookdrop.drop(SOURCES.resolve("onix/publisher_feed_3.0.xml"));
        bookdrop.awaitReport("done", "library.mrc");
        bookdrop.awaitReport("done", "publisher_feed_3.0.xml");

        assertThat(rows.query("SELECT title FROM " + table + " WHERE MATCH(title, 'omens prophecies') ORDER BY _score DESC"))
                .containsExactly(List.of("Good Omens: The Nice and Accurate Prophecies of Agnes Nutter, Witch"));
        assertThat(rows.query("SELECT id, title FROM " + table + " WHERE author IN ('Albert Camus', 'Camus, Albert') ORDER BY id"))
                .containsExactly(List.of("9782070360024", "L'\u00c9tranger: roman"), List.of("DLC-12883376", "La peste"));
        assertThat(rows.query("SELECT count(*) FROM " + table + " WHERE publication_date < '1950-01-01'"))
                .containsExactly(List.of("1"));
    }

    @Override
    String textArray() {
        return "ARRAY(TEXT)";
    }

    @Override
    void afterWrite(String table) throws Exception {
        rows.execute("REFRESH TABLE " + table);
    }
}
