package org.bookdrop.mapping;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bookdrop.book.PublicationDate;

/**
 * The date patterns a mapping declares for {@code publication_date}, compiled once, tried in
 * order; the first that reads the whole value gives the date (a missing month or day is the
 * first). A value that none reads is refused with the patterns tried, never guessed. Besides
 * {@link DateTimeFormatter} patterns ({@code yyyy}, {@code yyyy-MM}, {@code MMMM yyyy},
 * {@code dd/MM/yyyy}, ...; month names in English), three words:
 * <ul>
 * <li>{@code iso}: an ISO date or date-time, as bookdrop reads dates without a mapping;</li>
 * <li>{@code year}: a year of the common era alone, also written as a number ({@code 2008},
 *     {@code 2008.0}); {@code -720} is not read (the table's timestamps are of the common era);</li>
 * <li>{@code first-year}: the first four-digit year in the text, as catalogues write years
 *     ({@code c1999.}, {@code [1999?]}, {@code ©2001}, {@code 1999-2001}).</li>
 * </ul>
 */
public final class DatePatterns {

    private static final Pattern YEAR_NUMBER = Pattern.compile("([0-9]{1,4})(\\.0+)?");

    private final List<String> names;
    private final List<Function<String, LocalDateTime>> parsers;

    private DatePatterns(List<String> names, List<Function<String, LocalDateTime>> parsers) {
        this.names = names;
        this.parsers = parsers;
    }

    /** @throws IllegalArgumentException naming a pattern that is not one */
    public static DatePatterns of(List<String> patterns) {
        List<Function<String, LocalDateTime>> parsers = new ArrayList<>();
        for (String pattern : patterns) {
            parsers.add(parser(pattern));
        }
        return new DatePatterns(List.copyOf(patterns), List.copyOf(parsers));
    }

    /** The date the value reads as, or null when no pattern reads it. */
    public LocalDateTime parse(String value) {
        for (Function<String, LocalDateTime> parser : parsers) {
            LocalDateTime date = parser.apply(value);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** Why a value was refused: {@code '20o8' matches none of yyyy, year}. */
    public String refusal(String value) {
        if (names.equals(List.of("iso"))) {
            try {
                PublicationDate.parse(value);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return "'" + value + "' matches none of " + String.join(", ", names);
    }

    public List<String> names() {
        return names;
    }

    /** The first run of exactly four digits ({@code c1999.}, {@code [1999?]}, {@code 1999-2001}), as its year's first day. */
    private static LocalDateTime firstYear(String value) {
        int i = 0;
        while (i < value.length()) {
            if (!isDigit(value.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < value.length() && isDigit(value.charAt(i))) {
                i++;
            }
            if (i - start == 4) {
                return yearStart(Integer.parseInt(value, start, i, 10));
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Function<String, LocalDateTime> parser(String pattern) {
        switch (pattern) {
            case "iso":
                return value -> {
                    try {
                        return PublicationDate.parse(value);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                };
            case "year":
                return value -> {
                    Matcher year = YEAR_NUMBER.matcher(value.strip());
                    return year.matches() ? yearStart(Integer.parseInt(year.group(1))) : null;
                };
            case "first-year":
                return DatePatterns::firstYear;
            default:
                DateTimeFormatter formatter = formatter(pattern);
                NumericDate numeric = NumericDate.compile(pattern);
                if (numeric != null) {
                    return value -> {
                        LocalDate date = numeric.parse(value.strip());
                        return date == null ? null : date.atStartOfDay();
                    };
                }
                return value -> {
                    String text = value.strip();
                    // A value of another pattern fails here without an exception: patterns are tried in turn.
                    ParsePosition position = new ParsePosition(0);
                    if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
                        return null;
                    }
                    try {
                        return LocalDate.from(formatter.parse(text)).atStartOfDay();
                    } catch (DateTimeException e) {
                        return null;
                    }
                };
        }
    }

    private static LocalDateTime yearStart(int year) {
        return year == 0 ? null : LocalDate.of(year, 1, 1).atStartOfDay();
    }

    private static DateTimeFormatter formatter(String pattern) {
        if (pattern.indexOf('y') < 0 && pattern.indexOf('u') < 0) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' has no year (y); the words iso, year "
                    + "and first-year are the others known");
        }
        if (pattern.matches(".*[HhKkmsSnaA].*")) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' has a time of day; publication dates "
                    + "are days (use iso for date-times)");
        }
        try {
            // uuuu: the proleptic year, which the strict resolver takes without an era.
            return new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(pattern.replace('y', 'u'))
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                    .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a date pattern: " + e.getMessage(), e);
        }
    }
}
