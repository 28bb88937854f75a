package org.bookdrop.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.IntStream;

import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Reads one MARC 21 record in its exchange form (ISO 2709: a 24-byte leader, a directory of
 * 12-byte entries, then the fields) into marc4j's model, checking each length and offset so that
 * a broken record is refused with what is wrong, rather than read as garbage. Text is UTF-8 when
 * the leader says so (position 9 {@code a}), else MARC-8, converted to Unicode by marc4j.
 *
 * <p>Records are cut apart by their terminator before they come here ({@link MarcReader}), so a
 * record whose lengths are wrong spoils nothing after it. marc4j's own stream reader trusts the
 * length in each leader, and finds its factory and MARC-8 tables anew for each reader, too slow to
 * make one per record.
 */
final class Iso2709 {

    static final byte FIELD_TERMINATOR = 0x1E;
    static final byte RECORD_TERMINATOR = 0x1D;
    static final byte SUBFIELD_DELIMITER = 0x1F;

    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    private static final String[] NUMERIC_TAGS = IntStream.range(0, 1000)
            .mapToObj(tag -> String.format(Locale.ROOT, "%03d", tag)).toArray(String[]::new);
    /** marc4j's MARC-8 converter keeps state while converting: one per thread. */
    private static final ThreadLocal<AnselToUnicode> MARC8 = ThreadLocal.withInitial(AnselToUnicode::new);

    private Iso2709() {
    }

    /**
     * @param bytes one record, with its record terminator
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Record parse(byte[] bytes) {
        // The length in the leader counts the record terminator too.
        int length = bytes.length;
        if (length < 24) {
            throw new IllegalArgumentException("bad leader: the record has " + length + " bytes, fewer than a leader's 24");
        }
        String leaderText = new String(bytes, 0, 24, StandardCharsets.ISO_8859_1);
        int recordLength = number(leaderText, 0, 5, "the record length (leader positions 0-4)");
        int base = number(leaderText, 12, 17, "the base address of data (leader positions 12-16)");
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
        Leader leader = FACTORY.newLeader(leaderText);
        boolean utf8 = leaderText.charAt(9) == 'a';
        Record record = FACTORY.newRecord(leader);
        int entries = (base - 25) / 12;
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
            if (isControl(tag)) {
                ControlField field = FACTORY.newControlField(tag, text(bytes, from, end, utf8));
                record.addVariableField(field);
                continue;
            }
            if (end - from < 2) {
                throw new IllegalArgumentException("field " + tag + " is too short for its two indicators");
            }
            DataField field = FACTORY.newDataField(tag, (char) (bytes[from] & 0xFF), (char) (bytes[from + 1] & 0xFF));
            int sub = from + 2;
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
                    char code = (char) (bytes[sub + 1] & 0xFF);
                    field.addSubfield(FACTORY.newSubfield(code, text(bytes, sub + 2, next, utf8)));
                }
                sub = next;
            }
            record.addVariableField(field);
        }
        return record;
    }

    private static boolean isControl(String tag) {
        return tag.length() == 3 && tag.charAt(0) == '0' && tag.charAt(1) == '0' && Character.isDigit(tag.charAt(2));
    }

    private static String text(byte[] bytes, int from, int to, boolean utf8) {
        if (to <= from) {
            return "";
        }
        if (utf8) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] part = new byte[to - from];
        System.arraycopy(bytes, from, part, 0, part.length);
        return MARC8.get().convert(part);
    }

    private static int number(String text, int from, int to, String what) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad leader: " + what + " is '" + text.substring(from, to) + "', not a number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A directory entry's tag: the same String for each numeric tag, rather than a new one for each field of each record. */
    private static String tag(byte[] bytes, int at) {
        int number = 0;
        for (int i = at; i < at + 3; i++) {
            byte c = bytes[i];
            if (c < '0' || c > '9') {
                return new String(bytes, at, 3, StandardCharsets.ISO_8859_1);
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
