package org.bookdrop.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import org.marc4j.converter.impl.AnselToUnicode;

/**
 * One MARC 21 record in its exchange form (ISO 2709: a 24-byte leader, a directory of 12-byte
 * entries, then the fields), read where its bytes stand: each length and offset is checked so that
 * a broken record is refused with what is wrong, rather than read as garbage, and each field's and
 * subfield's place is noted; its text is made only when a mapping asks for it. Text is UTF-8 when
 * the leader says so (position 9 {@code a}); else MARC-8, all converted to Unicode by marc4j while
 * the record is read, so that a sequence it refuses refuses the record.
 *
 * <p>Records are cut apart by their terminator before they come here ({@link MarcReader}), so a
 * record whose lengths are wrong spoils nothing after it. marc4j's own stream reader trusts the
 * length in each leader, and makes an object and a string for each field and subfield of the
 * record, most of which no mapping reads.
 */
final class Iso2709 implements MarcFields {

    static final byte FIELD_TERMINATOR = 0x1E;
    static final byte RECORD_TERMINATOR = 0x1D;
    static final byte SUBFIELD_DELIMITER = 0x1F;

    /** Interned, as a mapping's MARC sources hold their tags: a tag is then compared by reference. */
    private static final String[] NUMERIC_TAGS = IntStream.range(0, 1000)
            .mapToObj(tag -> String.format(Locale.ROOT, "%03d", tag).intern()).toArray(String[]::new);
    /** marc4j's MARC-8 converter keeps state while converting: one per thread. */
    private static final ThreadLocal<AnselToUnicode> MARC8 = ThreadLocal.withInitial(AnselToUnicode::new);

    private final byte[] bytes;
    private final int size;
    private final String[] tags;
    /** Where each field's data starts (after a data field's indicators) and ends (before its terminator). */
    private final int[] fieldFrom;
    private final int[] fieldTo;
    /** A data field's subfields are {@code firstSubfield[field]} and those up to {@code firstSubfield[field + 1]}. */
    private final int[] firstSubfield;
    /** Each subfield's data (after its delimiter and code). */
    private int[] subfieldFrom;
    private int[] subfieldTo;
    /** A MARC-8 record's texts in Unicode: each field's data, then each subfield's; null in UTF-8. */
    private String[] converted;

    private Iso2709(byte[] bytes, int entries) {
        this.bytes = bytes;
        this.tags = new String[entries];
        this.fieldFrom = new int[entries];
        this.fieldTo = new int[entries];
        this.firstSubfield = new int[entries + 1];
        this.subfieldFrom = new int[entries * 3];
        this.subfieldTo = new int[entries * 3];
        this.size = read(entries);
    }

    /**
     * @param bytes one record, with its record terminator
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Iso2709 parse(byte[] bytes) {
        // The length in the leader counts the record terminator too.
        int length = bytes.length;
        if (length < 24) {
            throw new IllegalArgumentException("bad leader: the record has " + length + " bytes, fewer than a leader's 24");
        }
        int recordLength = leaderNumber(bytes, 0, 5, "the record length (leader positions 0-4)");
        int base = leaderNumber(bytes, 12, 17, "the base address of data (leader positions 12-16)");
        if (recordLength != length) {
            throw new IllegalArgumentException("wrong length: the leader says " + recordLength + " bytes, the record has "
                    + length);
        }
        if (base < 25 || base > length) {
            throw new IllegalArgumentException("bad leader: the base address of data, " + base + ", is outside the record");
        }
        if ((base - 25) % 12 != 0 || bytes[base - 1] != FIELD_TERMINATOR) {
            throw new IllegalArgumentException("bad directory: it is not a whole number of 12-byte entries ending in a "
                    + "field terminator");
        }
        Iso2709 record = new Iso2709(bytes, (base - 25) / 12);
        if (bytes[9] != 'a') {
            record.convertMarc8();
        }
        return record;
    }

    /** Reads the directory and the fields; @return how many fields are kept */
    private int read(int entries) {
        int base = 25 + entries * 12;
        int length = bytes.length;
        int kept = 0;
        int controlNumber = -1;
        int subfields = 0;
        for (int entry = 0; entry < entries; entry++) {
            int at = 24 + entry * 12;
            String tag = tag(bytes, at);
            int fieldLength = number(bytes, at + 3, 4, entry, tag);
            int start = number(bytes, at + 7, 5, entry, tag);
            int from = base + start;
            int to = from + fieldLength;
            if (fieldLength < 1 || to > length) {
                throw new IllegalArgumentException("bad directory: field " + tag + " runs past the end of the record "
                        + "(starts at " + start + ", " + fieldLength + " bytes)");
            }
            if (bytes[to - 1] != FIELD_TERMINATOR) {
                throw new IllegalArgumentException("wrong length: field " + tag + " does not end where the directory says");
            }
            int end = to - 1;
            boolean control = isControl(tag);
            if (!control && end - from < 2) {
                throw new IllegalArgumentException("field " + tag + " is too short for its two indicators");
            }
            // As marc4j keeps a record: no field 000 (the leader's place), and one 001, the last.
            if (tag == NUMERIC_TAGS[0]) {
                continue;
            }
            if (tag == NUMERIC_TAGS[1] && controlNumber >= 0) {
                fieldFrom[controlNumber] = from;
                fieldTo[controlNumber] = end;
                continue;
            }
            int field = kept++;
            controlNumber = tag == NUMERIC_TAGS[1] ? field : controlNumber;
            tags[field] = tag;
            fieldFrom[field] = control ? from : from + 2;
            fieldTo[field] = end;
            firstSubfield[field] = subfields;
            if (!control) {
                subfields = subfields(from + 2, end, subfields);
            }
            firstSubfield[field + 1] = subfields;
        }
        return kept;
    }

    /** Notes the subfields of a data field's data; @return how many subfields the record has so far */
    private int subfields(int from, int end, int count) {
        int sub = from;
        while (sub < end) {
            if (bytes[sub] != SUBFIELD_DELIMITER) {
                // Data before the first delimiter: not MARC 21; skipped up to the next subfield.
                sub++;
                continue;
            }
            int next = sub + 1;
            while (next < end && bytes[next] != SUBFIELD_DELIMITER) {
                next++;
            }
            if (next > sub + 1) {
                if (count == subfieldFrom.length) {
                    subfieldFrom = Arrays.copyOf(subfieldFrom, count * 2);
                    subfieldTo = Arrays.copyOf(subfieldTo, count * 2);
                }
                subfieldFrom[count] = sub + 2;
                subfieldTo[count++] = next;
            }
            sub = next;
        }
        return count;
    }

    private void convertMarc8() {
        int subfields = firstSubfield[size];
        converted = new String[size + subfields];
        for (int field = 0; field < size; field++) {
            converted[field] = isControl(tags[field]) ? marc8(fieldFrom[field], fieldTo[field]) : null;
        }
        for (int subfield = 0; subfield < subfields; subfield++) {
            converted[size + subfield] = marc8(subfieldFrom[subfield], subfieldTo[subfield]);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String tag(int field) {
        return tags[field];
    }

    @Override
    public String data(int field) {
        if (!isControl(tags[field])) {
            return null;
        }
        return converted != null ? converted[field] : utf8(fieldFrom[field], fieldTo[field]);
    }

    @Override
    public char indicator1(int field) {
        return (char) (bytes[fieldFrom[field] - 2] & 0xFF);
    }

    @Override
    public char indicator2(int field) {
        return (char) (bytes[fieldFrom[field] - 1] & 0xFF);
    }

    @Override
    public int subfields(int field) {
        return firstSubfield[field + 1] - firstSubfield[field];
    }

    @Override
    public char code(int field, int subfield) {
        return (char) (bytes[subfieldFrom[firstSubfield[field] + subfield] - 1] & 0xFF);
    }

    @Override
    public String subfield(int field, int subfield) {
        int index = firstSubfield[field] + subfield;
        return converted != null ? converted[size + index] : utf8(subfieldFrom[index], subfieldTo[index]);
    }

    private static boolean isControl(String tag) {
        return tag.length() == 3 && tag.charAt(0) == '0' && tag.charAt(1) == '0' && Character.isDigit(tag.charAt(2));
    }

    private String utf8(int from, int to) {
        return to <= from ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private String marc8(int from, int to) {
        return to <= from ? "" : MARC8.get().convert(Arrays.copyOfRange(bytes, from, to));
    }

    private static int leaderNumber(byte[] bytes, int from, int to, String what) {
        int value = 0;
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad leader: " + what + " is '"
                        + new String(bytes, from, to - from, StandardCharsets.ISO_8859_1) + "', not a number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A tag as {@link MarcFields#tag} gives it: the shared String of a numeric tag, else the tag interned. */
    static String canonical(String tag) {
        if (tag.length() == 3 && isDigit(tag.charAt(0)) && isDigit(tag.charAt(1)) && isDigit(tag.charAt(2))) {
            return NUMERIC_TAGS[(tag.charAt(0) - '0') * 100 + (tag.charAt(1) - '0') * 10 + tag.charAt(2) - '0'];
        }
        return tag.intern();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A directory entry's tag: the same String for each numeric tag, rather than a new one for each field of each record. */
    private static String tag(byte[] bytes, int at) {
        int number = 0;
        for (int i = at; i < at + 3; i++) {
            byte c = bytes[i];
            if (c < '0' || c > '9') {
                return new String(bytes, at, 3, StandardCharsets.ISO_8859_1).intern();
            }
            number = number * 10 + (c - '0');
        }
        return NUMERIC_TAGS[number];
    }

    /** A number in directory entry {@code entry} (from 0) of field {@code tag}. */
    private static int number(byte[] bytes, int from, int count, int entry, String tag) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = bytes[i];
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad directory: directory entry " + (entry + 1) + " (" + tag + ") has '"
                        + new String(bytes, from, count, StandardCharsets.ISO_8859_1) + "', not a number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
