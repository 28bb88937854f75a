package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.bookdrop.book.Book;
import org.bookdrop.check.CheckedFile;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.mapping.Mappings;
import org.junit.jupiter.api.Test;

/** ONIX for Books 3.0 and 3.1 feeds, reference and short tags, read with the shipped onix mapping as an import reads them. */
class OnixFilesTest {

    private static final Mapping BOOKDROP = Mappings.bookdropShape(false);
    private static final Path ONIX = Path.of("src", "test", "resources", "sources", "onix");

    @Test
    void a_reference_tag_feed_in_iso_8859_1_gives_its_books_deletion_requests_and_rejects() throws IOException {
        CheckedFile feed = read("publisher_feed_3.0.xml", Files.readAllBytes(ONIX.resolve("publisher_feed_3.0.xml")));

        assertThat(feed.books()).containsExactly(
                new Book("9782070360024", "L'Étranger: roman", "Albert Camus", LocalDateTime.of(1972, 1, 1, 0, 0),
                        List.of("BISAC:FIC019000", "Thema:FBA")),
                new Book("9780141439518", "Good Omens: The Nice and Accurate Prophecies of Agnes Nutter, Witch",
                        "Terry Pratchett, Neil Gaiman", LocalDateTime.of(1990, 5, 1, 0, 0),
                        List.of("Thema:FMB", "FICTION / Fantasy / General")),
                new Book("fr.exemplaires.0003", "Catalogue des nouveautés", "Éditions Exemplaires",
                        LocalDateTime.of(2026, 1, 1, 0, 0), List.of()));
        assertThat(feed.deletions()).containsExactly("9782070368228");
        assertThat(feed.rejected()).containsExactly(
                "Product 5 (line 176): /DescriptiveDetail/Contributor[ContributorRole=A01] -> author: must not be blank",
                "Product 6 (line 195): /PublishingDetail/PublishingDate[PublishingDateRole=01]/Date -> publication_date: "
                        + "'1944-13-01' matches none of yyyyMMdd, yyyyMM, yyyy, yyyy-MM-dd");
    }

    @Test
    void a_short_tag_feed_reads_as_its_reference_names() throws IOException {
        CheckedFile feed = read("short_tags_3.1.onix", Files.readAllBytes(ONIX.resolve("short_tags_3.1.onix")));

        assertThat(feed.books()).containsExactly(new Book("9780141439518", "Pride and Prejudice", "Jane Austen",
                LocalDateTime.of(2003, 1, 30, 0, 0), List.of("BISAC:FIC004000", "Thema:FBC")));
        assertThat(feed.deletions()).as("a deletion without an ISBN names its RecordReference")
                .containsExactly("9780140449136", "uk.bookdrop.no-id");
        assertThat(feed.rejected()).isEmpty();
    }

    @Test
    void an_onix_2_1_message_is_refused_saying_which_releases_are_read() {
        String onix21 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE ONIXMessage SYSTEM "http://www.editeur.org/onix/2.1/reference/onix-international.dtd">
                <ONIXMessage>
                  <Header><FromCompany>Old Press</FromCompany></Header>
                  <Product><RecordReference>1</RecordReference><NotificationType>03</NotificationType></Product>
                </ONIXMessage>
                """;

        assertThatThrownBy(() -> read("old.xml", onix21.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("ONIX 2.1").hasMessageContaining("reads ONIX for Books 3.0 and 3.1");
    }

    @Test
    void an_entity_naming_a_local_file_is_never_read() throws IOException {
        Path secret = Files.createTempFile("bookdrop-secret", ".txt");
        Files.writeString(secret, "the secret");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE ONIXMessage [<!ENTITY secret SYSTEM "file://%s">]>
                <ONIXMessage release="3.0">
                  <Product>
                    <RecordReference>&secret;</RecordReference>
                    <NotificationType>03</NotificationType>
                  </Product>
                </ONIXMessage>
                """.formatted(secret);
        try {
            CheckedFile feed = read("feed.onix", xxe.getBytes(StandardCharsets.UTF_8));

            assertThat(feed.books()).isEmpty();
            assertThat(feed.rejected()).singleElement().asString().startsWith("Product 1 (line 4): record: not valid XML at line 5")
                    .contains("&secret;").doesNotContain("the secret");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void products_are_cut_out_past_comments_cdata_prefixes_and_empty_ones_and_a_broken_one_is_rejected_alone() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a <Product> in a comment is no Product -->
                <onix:ONIXMessage release="3.0" xmlns:onix="http://ns.editeur.org/onix/3.0/reference">
                  <onix:Header><onix:SentDateTime>20261201</onix:SentDateTime></onix:Header>
                  <onix:Product datestamp="20261201">
                    <onix:RecordReference>one</onix:RecordReference>
                    <onix:NotificationType>03</onix:NotificationType>
                    <onix:DescriptiveDetail>
                      <onix:TitleDetail><onix:TitleType>01</onix:TitleType><onix:TitleElement>
                        <onix:TitleElementLevel>01</onix:TitleElementLevel>
                        <onix:TitleText><![CDATA[Fish & Chips </onix:Product> <Product>]]></onix:TitleText>
                      </onix:TitleElement></onix:TitleDetail>
                      <onix:Contributor><onix:ContributorRole>A01</onix:ContributorRole><onix:PersonName>A &amp; B</onix:PersonName></onix:Contributor>
                    </onix:DescriptiveDetail>
                  </onix:Product>
                  <onix:Product/>
                  <onix:Product>
                    <onix:RecordReference>broken</onix:RecordReference>
                    <onix:DescriptiveDetail><onix:TitleDetail></onix:DescriptiveDetail>
                  </onix:Product>
                  <onix:Product>
                    <onix:RecordReference>no-end</onix:RecordReference>
                  <onix:Product>
                    <onix:RecordReference>two</onix:RecordReference>
                    <onix:DescriptiveDetail>
                      <onix:TitleDetail><onix:TitleType>01</onix:TitleType><onix:TitleElement>
                        <onix:TitleElementLevel>01</onix:TitleElementLevel><onix:TitleText>Two</onix:TitleText>
                      </onix:TitleElement></onix:TitleDetail>
                      <onix:Contributor><onix:ContributorRole>A01</onix:ContributorRole><onix:PersonName>C</onix:PersonName></onix:Contributor>
                    </onix:DescriptiveDetail>
                  </onix:Product>
                </onix:ONIXMessage>
                """;

        CheckedFile read = read("feed.onix", feed.getBytes(StandardCharsets.UTF_8));

        assertThat(read.books()).extracting(Book::id, Book::title, Book::author).containsExactly(
                org.assertj.core.groups.Tuple.tuple("one", "Fish & Chips </onix:Product> <Product>", "A & B"),
                org.assertj.core.groups.Tuple.tuple("two", "Two", "C"));
        assertThat(read.rejected()).hasSize(3);
        assertThat(read.rejected().get(0)).startsWith("Product 2 (line 16): ").contains("title").contains("must not be blank");
        assertThat(read.rejected().get(1)).startsWith("Product 3 (line 17): record: not valid XML at line 19, column ");
        assertThat(read.rejected().get(2))
                .isEqualTo("Product 4 (line 21): record: no end tag before the next Product at line 23");
    }

    @Test
    void a_feed_cut_short_between_products_loads_those_before_and_then_fails_the_file() {
        String feed = "<?xml version=\"1.0\"?>\n<ONIXMessage release=\"3.0\">\n" + PRODUCT.formatted("9780141439518", "Emma")
                + PRODUCT.formatted("9780140449136", "Crime");
        RecordReader reader = new OnixReader(new java.io.ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)),
                Mappings.shipped("onix").namesRead());

        assertThat(reader.next().position()).isEqualTo("Product 1 (line 3)");
        assertThat(reader.next().position()).isEqualTo("Product 2 (line 6)");
        assertThatThrownBy(reader::hasNext).isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file ends before </ONIXMessage>: it was cut short after Product 2 (line 9)");
    }

    @Test
    void a_short_tag_feed_closed_with_the_reference_tag_end_is_read_whole_not_called_cut_short() {
        // Seen in a public sample feed: <ONIXmessage> opened, </ONIXMessage> closed.
        String feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <ONIXmessage release="3.0">
                  <header><x307>20261202</x307></header>
                  <product><a001>uk.bookdrop.one</a001><a002>03</a002>
                    <productidentifier><b221>15</b221><b244>9780141439518</b244></productidentifier>
                    <descriptivedetail><titledetail><b202>01</b202><titleelement><x409>01</x409><b203>Emma</b203></titleelement></titledetail>
                      <contributor><b035>A01</b035><b036>Jane Austen</b036></contributor></descriptivedetail>
                  </product>
                </ONIXMessage>
                """;

        CheckedFile read = read("feed.onix", feed.getBytes(StandardCharsets.UTF_8));

        assertThat(read.books()).extracting(Book::id, Book::title, Book::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9780141439518", "Emma", "Jane Austen"));
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void a_feed_in_utf_16_or_windows_1252_reads_as_its_declaration_says() {
        for (String encoding : List.of("UTF-16", "windows-1252", "ISO-8859-15")) {
            String feed = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<ONIXMessage release=\"3.1\">\n"
                    + PRODUCT.formatted("9782070360024", "L'\u00c9tranger, c\u0153ur \u20ac") + "</ONIXMessage>\n";

            CheckedFile read = read("feed.onix", feed.getBytes(java.nio.charset.Charset.forName(encoding)));

            assertThat(read.books()).as(encoding).extracting(Book::title).containsExactly("L'\u00c9tranger, c\u0153ur \u20ac");
        }
    }

    private static final String PRODUCT = """
            <Product><RecordReference>r</RecordReference><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>%s</IDValue></ProductIdentifier>
              <DescriptiveDetail><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>%s</TitleText></TitleElement></TitleDetail>
              <Contributor><ContributorRole>A01</ContributorRole><PersonName>Someone</PersonName></Contributor></DescriptiveDetail></Product>
            """;

    @Test
    void a_date_is_read_in_the_format_its_dateformat_attribute_or_its_date_format_element_names() {
        String dated = """
                <Product><RecordReference>%s</RecordReference>
                  <DescriptiveDetail><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>T</TitleText></TitleElement></TitleDetail>
                  <Contributor><ContributorRole>A01</ContributorRole><PersonName>A</PersonName></Contributor></DescriptiveDetail>
                  <PublishingDetail><PublishingDate><PublishingDateRole>01</PublishingDateRole>%s</PublishingDate></PublishingDetail></Product>
                """;
        String feed = "<?xml version=\"1.0\"?>\n<ONIXMessage release=\"3.0\">\n"
                + dated.formatted("week", "<Date dateformat=\"02\">200914</Date>")
                + dated.formatted("quarter", "<Date dateformat=\"03\">20013</Date>")
                + dated.formatted("season", "<Date dateformat=\"04\">20012</Date>")
                + dated.formatted("days", "<Date dateformat=\"06\">2001031520010415</Date>")
                + dated.formatted("time", "<Date dateformat=\"14\">20010315T101500</Date>")
                + dated.formatted("element", "<DateFormat>01</DateFormat><Date>200103</Date>")
                + dated.formatted("attribute-wins", "<DateFormat>00</DateFormat><Date dateformat=\"05\">2001</Date>")
                + dated.formatted("hijri", "<Date dateformat=\"20\">14220101</Date>")
                + "</ONIXMessage>\n";

        CheckedFile read = read("feed.onix", feed.getBytes(StandardCharsets.UTF_8));

        assertThat(read.books()).extracting(Book::id, Book::publicationDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("week", LocalDateTime.of(2009, 3, 30, 0, 0)),
                org.assertj.core.groups.Tuple.tuple("quarter", LocalDateTime.of(2001, 7, 1, 0, 0)),
                org.assertj.core.groups.Tuple.tuple("season", LocalDateTime.of(2001, 1, 1, 0, 0)),
                org.assertj.core.groups.Tuple.tuple("days", LocalDateTime.of(2001, 3, 15, 0, 0)),
                org.assertj.core.groups.Tuple.tuple("time", LocalDateTime.of(2001, 3, 15, 0, 0)),
                org.assertj.core.groups.Tuple.tuple("element", LocalDateTime.of(2001, 3, 1, 0, 0)),
                org.assertj.core.groups.Tuple.tuple("attribute-wins", LocalDateTime.of(2001, 1, 1, 0, 0)));
        assertThat(read.rejected()).containsExactly("Product 8 (line 31): "
                + "/PublishingDetail/PublishingDate[PublishingDateRole=01]/Date -> publication_date: "
                + "'14220101 (dateformat 20, which bookdrop does not read)' matches none of yyyyMMdd, yyyyMM, yyyy, yyyy-MM-dd");
    }

    @Test
    void an_xml_file_that_is_neither_marcxml_nor_onix_is_refused_naming_its_root() {
        assertThatThrownBy(() -> read("feed.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("whose root is <rss>");
    }

    private static CheckedFile read(String name, byte[] content) {
        return CheckedFile.read(BOOKDROP, name, content);
    }
}
