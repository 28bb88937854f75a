package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bookdrop.read.MarcRecords.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;

/**
 * A record read where its bytes stand ({@link Iso2709}) holds the fields marc4j's model of it holds
 * ({@link Marc4jRecord}, as MARCXML is read): the same tags, data, indicators and subfields in the
 * same order, one 001 (the last) and no 000.
 */
class Iso2709Test {

    private static final String[] WORDS = {"Zoë", "harbour", "L'étranger", "Ærø", "Łódź", "København", "naïve", "東京", "garden"};

    /** Records of every shape the catalogue tests use, with random texts in several scripts. */
    private static List<MarcRecords> records() {
        Random random = new Random(2709);
        List<MarcRecords> records = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            MarcRecords record = record().control("001", "ocm" + n).control("003", n % 3 == 0 ? "OCoLC" : "DLC")
                    .control("008", "850101s19" + (10 + n % 90) + "    fr            000 1 fre d")
                    .field("020", "  ", 'a', "978" + (1_000_000_000L + n) + " (pbk.)", 'q', "paperback")
                    .field(n % 4 == 0 ? "110" : "100", "1 ", 'a', word(random) + ", " + word(random) + ",", 'd', "1913-1960.")
                    .field("245", "1" + n % 10, 'a', word(random) + " " + word(random) + " :", 'b', word(random) + " /",
                            'c', word(random) + ".")
                    .field(n % 2 == 0 ? "264" : "260", " " + n % 5, 'a', "Paris :", 'b', word(random) + ",", 'c', "c19" + n % 100 + ".");
            for (int subject = 0; subject < n % 4; subject++) {
                record.field("650", " 0", 'a', word(random), 'x', word(random), 'v', "Fiction.");
            }
            records.add(record);
        }
        return records;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    @Test
    void each_field_and_subfield_reads_as_marc4j_reads_the_record_in_utf_8_and_in_marc_8() throws Exception {
        List<MarcRecords> records = records();
        byte[] utf8 = MarcRecords.utf8(records.toArray(MarcRecords[]::new));
        List<MarcFields> expected = new ArrayList<>();
        MarcStreamReader marc4j = new MarcStreamReader(new ByteArrayInputStream(utf8), "UTF-8");
        while (marc4j.hasNext()) {
            expected.add(new Marc4jRecord(marc4j.next()));
        }
        assertThat(expected).hasSize(records.size());

        List<byte[]> utf8Records = split(utf8);
        List<byte[]> marc8Records = split(MarcRecords.marc8(records.toArray(MarcRecords[]::new)));
        for (int n = 0; n < records.size(); n++) {
            assertThat(fields(Iso2709.parse(utf8Records.get(n)))).as("record %d in UTF-8", n).isEqualTo(fields(expected.get(n)));
            assertThat(fields(Iso2709.parse(marc8Records.get(n)))).as("record %d in MARC-8", n).isEqualTo(fields(expected.get(n)));
        }
    }

    @Test
    void a_record_keeps_one_001_the_last_and_no_000_as_marc4j_keeps_them() {
        byte[] bytes = iso2709(new String[][] {{"001", "first"}, {"000", "leader's place"}, {"003", "DLC"}, {"001", "last"},
                {"245", "10\u001Fatitle"}});
        MarcFields record = Iso2709.parse(bytes);

        assertThat(fields(record)).containsExactly("001 last", "003 DLC", "245 1 0 $a title");
        assertThat(record.controlNumber()).isEqualTo("last");
    }

    @Test
    void text_before_the_first_subfield_and_a_delimiter_without_a_code_are_passed_over_and_an_empty_subfield_kept() {
        byte[] bytes = iso2709(new String[][] {{"245", "10stray\u001Fatitle\u001F\u001Fb\u001Fcby me"}});

        assertThat(fields(Iso2709.parse(bytes))).containsExactly("245 1 0 $a title $b  $c by me");
    }

    @Test
    void a_broken_directory_or_leader_is_refused_saying_what_is_wrong() {
        byte[] good = iso2709(new String[][] {{"001", "1"}, {"245", "10\u001Fatitle"}});
        byte[] shortField = good.clone();
        shortField[24 + 12 + 6] = '9';
        byte[] letters = good.clone();
        letters[24 + 3] = 'x';

        assertThatThrownBy(() -> Iso2709.parse(shortField)).hasMessageStartingWith("bad directory: field 245 runs past the end");
        assertThatThrownBy(() -> Iso2709.parse(letters)).hasMessage("bad directory: directory entry 1 (001) has 'x002', not a number");
        assertThatThrownBy(() -> Iso2709.parse(new byte[10])).hasMessageContaining("fewer than a leader's 24");
    }

    /** Each field as text: its tag, then its data, or its indicators and each subfield, in Unicode's composed form. */
    private static List<String> fields(MarcFields record) {
        List<String> fields = new ArrayList<>();
        for (int field = 0; field < record.size(); field++) {
            StringBuilder text = new StringBuilder(record.tag(field));
            if (record.data(field) != null) {
                text.append(' ').append(record.data(field));
            } else {
                text.append(' ').append(record.indicator1(field)).append(' ').append(record.indicator2(field));
                for (int subfield = 0; subfield < record.subfields(field); subfield++) {
                    text.append(" $").append(record.code(field, subfield)).append(' ').append(record.subfield(field, subfield));
                }
            }
            fields.add(Normalizer.normalize(text.toString(), Normalizer.Form.NFC));
        }
        return fields;
    }

    private static List<byte[]> split(byte[] file) {
        List<byte[]> records = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == Iso2709.RECORD_TERMINATOR) {
                records.add(Arrays.copyOfRange(file, from, i + 1));
                from = i + 1;
            }
        }
        return records;
    }

    /** A UTF-8 record of these fields (tag, content), written by hand: marc4j would not write a second 001 or a 000. */
    private static byte[] iso2709(String[][] fields) {
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String[] field : fields) {
            byte[] content = (field[1] + "\u001E").getBytes(StandardCharsets.UTF_8);
            directory.writeBytes(String.format("%s%04d%05d", field[0], content.length, data.size()).getBytes(StandardCharsets.US_ASCII));
            data.writeBytes(content);
        }
        int base = 24 + directory.size() + 1;
        int length = base + data.size() + 1;
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(String.format("%05dnam a22%05d i 4500", length, base).getBytes(StandardCharsets.US_ASCII));
        record.writeBytes(directory.toByteArray());
        record.write(0x1E);
        record.writeBytes(data.toByteArray());
        record.write(0x1D);
        return record.toByteArray();
    }
}
