package org.bookdrop.read;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

/**
 * An ONIX {@code <Date>} read in the format its {@code dateformat} attribute (or, in ONIX 3.0, its
 * {@code <DateFormat>} sibling) names, code list 55, as the text a mapping's date patterns read:
 * {@code yyyyMMdd}, {@code yyyyMM} or {@code yyyy}. A period (a range, a week, a quarter, a season)
 * gives its start at the precision it has; a date and time gives its date. A format bookdrop does
 * not read (the Hijri calendar's, 20 to 32, or one it does not know) gives the text with the format
 * named, which no pattern reads, so that the record is rejected saying why.
 */
final class OnixDate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private OnixDate() {
    }

    /** The date, in a form the shipped patterns read; {@code format} null or blank leaves it as it is. */
    static String read(String text, String format) {
        if (format == null || format.isBlank()) {
            return text;
        }
        String value = text.strip();
        String read = switch (format.strip()) {
            case "00", "0" -> value;                              // YYYYMMDD
            case "01", "1" -> value;                              // YYYYMM
            case "05", "5" -> value;                              // YYYY
            case "02", "2", "08", "8" -> week(value);             // YYYYWW, or a range of weeks from it
            case "03", "3", "09", "9" -> quarter(value);          // YYYYQ, or a range of quarters
            case "04", "4", "10" -> year(value);                  // YYYYS (a season), or a range of seasons
            case "06", "6", "13", "14" -> prefix(value, 8);       // a range of days; a date and time
            case "07", "7" -> prefix(value, 6);                   // a range of months
            case "11" -> prefix(value, 4);                        // a range of years
            case "12" -> value;                                   // a date as text: the patterns decide
            default -> null;
        };
        return read != null ? read : value + " (dateformat " + format.strip() + ", which bookdrop does not read)";
    }

    /** The Monday of ISO week WW of year YYYY, as yyyyMMdd. */
    private static String week(String value) {
        if (!digits(value, 6)) {
            return value;
        }
        int year = Integer.parseInt(value.substring(0, 4));
        int week = Integer.parseInt(value.substring(4, 6));
        LocalDate someDay = LocalDate.of(year, 6, 1);
        if (week < 1 || week > someDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return value;
        }
        return someDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY).format(DAY);
    }

    /** The first month of quarter Q of year YYYY, as yyyyMM. */
    private static String quarter(String value) {
        if (!digits(value, 5) || value.charAt(4) < '1' || value.charAt(4) > '4') {
            return value;
        }
        int month = (value.charAt(4) - '1') * 3 + 1;
        return value.substring(0, 4) + (month < 10 ? "0" : "") + month;
    }

    private static String year(String value) {
        return digits(value, 5) ? value.substring(0, 4) : value;
    }

    private static String prefix(String value, int length) {
        return value.length() > length && digits(value, length) ? value.substring(0, length) : value;
    }

    /** Whether the value starts with at least {@code length} digits. */
    private static boolean digits(String value, int length) {
        if (value.length() < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
