package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bookdrop.read.MarcRecords.ascii;
import static org.bookdrop.read.MarcRecords.concat;
import static org.bookdrop.read.MarcRecords.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.bookdrop.book.Book;
import org.bookdrop.check.CheckedFile;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.mapping.MappingFile;
import org.bookdrop.mapping.Mappings;
import org.junit.jupiter.api.Test;

/** MARC 21 files, binary and MARCXML, read with the shipped marc21 mapping as an import reads them. */
class MarcFilesTest {

    /** What bookdrop reads a file with when no mapping of the user's takes it. */
    private static final Mapping BOOKDROP = Mappings.bookdropShape(false);

    private static MarcRecords camus() {
        return record().control("001", "12883376").control("003", "DLC")
                .control("008", "850101s1942    fr            000 1 fre d")
                .field("020", "  ", 'a', "2070360024 (pbk.)")
                .field("100", "1 ", 'a', "Camus, Albert,", 'd', "1913-1960.")
                .field("245", "12", 'a', "L'étranger :", 'b', "roman /", 'c', "Albert Camus.")
                .field("260", "  ", 'a', "Paris :", 'b', "Gallimard,", 'c', "c1942.")
                .field("650", " 0", 'a', "Existentialism", 'v', "Fiction.")
                .field("650", " 0", 'a', "Algeria", 'x', "Social life and customs", 'v', "Fiction.")
                .field("650", " 0", 'a', "Existentialism", 'v', "Fiction.")
                .field("655", " 7", 'a', "Psychological fiction.", '2', "lcgft");
    }

    @Test
    void a_utf_8_and_a_marc_8_record_give_the_same_book_in_unicode() {
        Book expected = new Book("DLC-12883376", "L'étranger : roman", "Camus, Albert", LocalDateTime.of(1942, 1, 1, 0, 0),
                List.of("Existentialism -- Fiction", "Algeria -- Social life and customs -- Fiction", "Psychological fiction"));

        byte[] marc8 = MarcRecords.marc8(camus());
        assertThat(marc8[9]).as("leader position 9 blank: MARC-8").isEqualTo((byte) ' ');
        assertThat(new String(marc8, java.nio.charset.StandardCharsets.ISO_8859_1)).as("é as MARC-8's combining acute before e")
                .contains("L'\u00e2etranger");
        byte[] utf8 = MarcRecords.utf8(camus());
        assertThat(utf8[9]).isEqualTo((byte) 'a');

        assertThat(read("catalogue.mrc", marc8).books()).containsExactly(expected);
        assertThat(read("catalogue.mrc", utf8).books()).containsExactly(expected);
    }

    @Test
    void the_id_is_the_control_number_with_its_organisation_else_alone_else_the_first_valid_isbn_as_isbn_13() {
        CheckedFile file = read("ids.mrc", MarcRecords.utf8(
                record().control("001", "ocm00012345").control("003", "OCoLC").field("245", "10", 'a', "One.").field("100", "1 ", 'a', "A."),
                record().control("001", "  12883376 ").field("245", "10", 'a', "Two.").field("100", "1 ", 'a', "B."),
                record().field("020", "  ", 'a', "0-14-143951-4 (wrong check digit)").field("020", "  ", 'a', "0-14-143951-3 (pbk.)")
                        .field("245", "10", 'a', "Three.").field("100", "1 ", 'a', "C.")));

        assertThat(file.books()).extracting(Book::id).containsExactly("OCoLC-ocm00012345", "12883376", "9780141439518");
        assertThat(file.rejected()).isEmpty();
    }

    @Test
    void the_title_joins_its_parts_without_the_isbd_punctuation_at_its_end() {
        CheckedFile file = read("titles.mrc", MarcRecords.utf8(
                record().control("001", "1").field("100", "1 ", 'a', "Tolkien, J. R. R.")
                        .field("245", "14", 'a', "The lord of the rings.", 'n', "Part 2,", 'p', "The two towers /", 'c', "J.R.R. Tolkien."),
                record().control("001", "2").field("100", "1 ", 'a', "Adams, Douglas,")
                        .field("245", "14", 'a', "The hitchhiker's guide to the galaxy ;"),
                record().control("001", "3").field("100", "1 ", 'a', "Nobody.")
                        .field("245", "00", 'c', "a statement of responsibility only.")));

        assertThat(file.books()).extracting(Book::title)
                .containsExactly("The lord of the rings. Part 2, The two towers", "The hitchhiker's guide to the galaxy");
        assertThat(file.rejected()).singleElement().asString().startsWith("record 3 (byte ")
                .endsWith("): 245$a$b$n$p -> title: must not be blank");
    }

    @Test
    void the_author_is_the_main_entry_person_body_or_meeting_else_the_first_added_entry() {
        CheckedFile file = read("authors.mrc", MarcRecords.utf8(
                record().control("001", "1").field("245", "10", 'a', "P.").field("100", "1 ", 'a', "Woolf, Virginia,", 'd', "1882-1941."),
                record().control("001", "2").field("245", "10", 'a', "B.").field("110", "2 ", 'a', "Monty Python (Comedy troupe)"),
                record().control("001", "3").field("245", "10", 'a', "M.").field("111", "2 ", 'a', "Worldcon."),
                record().control("001", "4").field("245", "10", 'a', "A.")
                        .field("700", "1 ", 'a', "Pratchett, Terry.").field("700", "1 ", 'a', "Gaiman, Neil."),
                record().control("001", "5").field("245", "10", 'a', "None.")));

        assertThat(file.books()).extracting(Book::author)
                .containsExactly("Woolf, Virginia", "Monty Python (Comedy troupe)", "Worldcon", "Pratchett, Terry");
        assertThat(file.rejected()).singleElement().asString()
                .startsWith("record 5 (byte ").endsWith("): 100$a, 110$a, 111$a or 700$a -> author: must not be blank");
    }

    @Test
    void the_date_is_the_first_year_of_264_publication_else_260_else_008_and_no_year_is_no_date() {
        CheckedFile file = read("dates.mrc", MarcRecords.utf8(
                dated("1").field("264", " 4", 'c', "©2001").field("264", " 1", 'c', "[1999?]"),
                dated("2").field("260", "  ", 'c', "c1987."),
                dated("3").field("260", "  ", 'c', "1999-2001."),
                dated("4").control("008", "850101s1855    enk           000 1 eng d"),
                dated("5").control("008", "850101s19uu    enk           000 1 eng d"),
                dated("6").field("260", "  ", 'c', "[n.d.]")));

        assertThat(file.books()).extracting(Book::publicationDate).containsExactly(
                LocalDateTime.of(1999, 1, 1, 0, 0), LocalDateTime.of(1987, 1, 1, 0, 0), LocalDateTime.of(1999, 1, 1, 0, 0),
                LocalDateTime.of(1855, 1, 1, 0, 0), null, null);
        assertThat(file.rejected()).as("a record without a date still loads").isEmpty();
    }

    private static MarcRecords dated(String controlNumber) {
        return record().control("001", controlNumber).field("100", "1 ", 'a', "Author.").field("245", "10", 'a', "Title.");
    }

    @Test
    void a_broken_record_between_good_ones_is_rejected_with_its_number_byte_offset_and_reason_and_the_rest_load() {
        byte[] first = MarcRecords.utf8(camus());
        byte[] badLeader = ascii("0004xnam a2200037 i 4500" + "245001300000\u001e10\u001faBroken\u001e\u001d");
        byte[] wrongLength = MarcRecords.utf8(dated("7"));
        wrongLength[4] = (byte) (wrongLength[4] == '9' ? '0' : wrongLength[4] + 1);
        byte[] last = MarcRecords.utf8(dated("8"));
        byte[] file = concat(first, badLeader, wrongLength, last);

        CheckedFile checked = read("broken.mrc", file);

        assertThat(checked.books()).extracting(Book::id).containsExactly("DLC-12883376", "8");
        assertThat(checked.rejected()).hasSize(2);
        assertThat(checked.rejected().get(0)).isEqualTo(String.format(Locale.ROOT, "record 2 (byte %,d): ", first.length)
                + "record: bad leader: the record length (leader positions 0-4) is '0004x', not a number");
        assertThat(checked.rejected().get(1)).startsWith(String.format(Locale.ROOT, "record 3 (byte %,d): ",
                first.length + badLeader.length) + "record: wrong length: the leader says ");
    }

    @Test
    void a_file_that_ends_inside_a_record_loads_the_records_before_it() {
        byte[] whole = MarcRecords.utf8(dated("1"), dated("2"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);

        CheckedFile checked = read("cut.mrc", cut);

        assertThat(checked.books()).extracting(Book::id).containsExactly("1");
        assertThat(checked.rejected()).singleElement().asString().startsWith("record 2 (byte ")
                .contains("the file ends inside this record");
    }

    @Test
    void marcxml_and_gzipped_marc_give_the_same_books_as_the_binary_file() throws IOException {
        List<Book> binary = read("catalogue.mrc", MarcRecords.utf8(camus(), dated("2"))).books();

        assertThat(read("catalogue.marcxml", MarcRecords.marcXml(camus(), dated("2"))).books()).isEqualTo(binary);
        assertThat(read("export.xml", MarcRecords.marcXml(camus(), dated("2"))).books()).as("an .xml file whose root is a collection")
                .isEqualTo(binary);
        assertThat(read("catalogue.mrc.gz", gzip(MarcRecords.utf8(camus(), dated("2")))).books()).isEqualTo(binary);
        assertThat(read("catalogue.marc", MarcRecords.marc8(camus(), dated("2"))).books()).isEqualTo(binary);
    }

    @Test
    void a_marcxml_record_without_a_leader_is_rejected_with_its_line_and_xml_that_breaks_off_stops_the_file_there() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                  <record>
                    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">No leader.</subfield></datafield>
                  </record>
                  <record>
                    <leader>00000nam a2200000 i 4500</leader>
                    <controlfield tag="001">2</controlfield>
                    <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Author.</subfield></datafield>
                    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Title /</subfield></datafield>
                  </record>
                  <record>
                    <leader>00000nam a2200000 i 4500</leader>
                    <controlfield tag="001">3</controlfield>
                """;

        assertThatThrownBy(() -> read("broken.marcxml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not valid XML at line");
        CheckedFile upToTheBreak = read("ok.marcxml", (xml.substring(0, xml.lastIndexOf("  <record>")) + "</collection>\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upToTheBreak.books()).extracting(Book::id, Book::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", "Title"));
        assertThat(upToTheBreak.rejected()).singleElement().asString().startsWith("record 1 (line 3): record: ");
    }

    @Test
    void a_mapping_of_the_users_own_can_take_the_isbn_as_the_id() {
        Mapping byIsbn = MappingFile.parse("marc21.yaml", "marc21", """
                format: marc
                fields:
                  id:
                    from: "020$a"
                    isbn: true
                  title:
                    from: "245$a$b"
                    strip_punctuation: true
                  author: "100$a"
                """);

        CheckedFile file = CheckedFile.read(byIsbn, "c.mrc", MarcRecords.utf8(camus()));

        assertThat(file.books()).extracting(Book::id, Book::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9782070360024", "Camus, Albert,"));
    }

    private static CheckedFile read(String name, byte[] content) {
        return CheckedFile.read(BOOKDROP, name, content);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }
}
