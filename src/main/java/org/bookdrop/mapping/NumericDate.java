package org.bookdrop.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date pattern of numbers, English month names and separators ({@code yyyy},
 * {@code dd/MM/yyyy}, {@code yyyy-MM}, {@code MMMM yyyy}, {@code MMM d, yyyy}), compiled into its
 * parts and read by hand: an import tries a value against several patterns, and the JDK's
 * formatter costs about a microsecond for each. Any other pattern goes to the formatter.
 */
final class NumericDate {

    private enum Kind { YEAR, MONTH, DAY, MONTH_NAME, LITERAL }

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    /** One part: a number of {@code min} to {@code max} digits, or a literal character. */
    private record Part(Kind kind, int min, int max, char literal) {
    }

    private final Part[] parts;

    private NumericDate(List<Part> parts) {
        this.parts = parts.toArray(Part[]::new);
    }

    /** The pattern compiled, or null when it has anything besides y, u, M, d and separators (names, quotes). */
    static NumericDate compile(String pattern) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        boolean year = false;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            if (c == 'y' || c == 'u') {
                if (run != 4) {
                    return null;
                }
                parts.add(new Part(Kind.YEAR, 4, 4, ' '));
                year = true;
            } else if (c == 'M' && (run == 3 || run == 4)) {
                // MMM: Sep; MMMM: September.
                parts.add(new Part(Kind.MONTH_NAME, run, 0, ' '));
            } else if (c == 'M' || c == 'd') {
                if (run > 2) {
                    return null;
                }
                parts.add(new Part(c == 'M' ? Kind.MONTH : Kind.DAY, run, 2, ' '));
            } else if (Character.isLetter(c) || c == '\'' || c == '[' || c == ']' || c == '#' || c == '{' || c == '}') {
                return null;
            } else {
                for (int k = 0; k < run; k++) {
                    parts.add(new Part(Kind.LITERAL, 0, 0, c));
                }
            }
            i += run;
        }
        return year ? new NumericDate(List.copyOf(parts)) : null;
    }

    /** The month whose name (full, or its first three letters) starts the text there, without case; -1 for none. */
    private static int monthAt(String text, int at, boolean full) {
        for (int month = 0; month < MONTHS.length; month++) {
            int length = full ? MONTHS[month].length() : 3;
            if (text.regionMatches(true, at, MONTHS[month], 0, length)) {
                return month;
            }
        }
        return -1;
    }

    /** The day the whole text reads as, or null when it does not match or names no real day. */
    LocalDate parse(String text) {
        int at = 0;
        int year = 0;
        int month = 1;
        int day = 1;
        int length = text.length();
        for (Part part : parts) {
            if (part.kind() == Kind.LITERAL) {
                if (at >= length || text.charAt(at) != part.literal()) {
                    return null;
                }
                at++;
                continue;
            }
            if (part.kind() == Kind.MONTH_NAME) {
                int found = monthAt(text, at, part.min() == 4);
                if (found < 0) {
                    return null;
                }
                month = found + 1;
                at += part.min() == 4 ? MONTHS[found].length() : 3;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < part.max() && at < length) {
                char c = text.charAt(at);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                digits++;
                at++;
            }
            if (digits < part.min()) {
                return null;
            }
            switch (part.kind()) {
                case YEAR -> year = value;
                case MONTH -> month = value;
                default -> day = value;
            }
        }
        if (at != length || year == 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
