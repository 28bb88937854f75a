package org.bookdrop.book;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads a publication date as ISO 8601 and turns it into the UTC date-time that the table stores.
 * A date alone means midnight UTC; a date-time without an offset is taken as UTC; one with an
 * offset is converted. Anything else is refused rather than guessed.
 */
public final class PublicationDate {

    private PublicationDate() {
    }

    /**
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static LocalDateTime parse(String text) {
        String value = text.strip();
        try {
            if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                // The common case, read without the formatter's cost; LocalDate.of still refuses 1979-02-30.
                return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)).atStartOfDay();
            }
            if (value.length() <= 10) {
                return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
            }
            var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return (LocalDateTime) parsed;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO date (1979-10-12) "
                    + "or date-time (1979-10-12T10:00:00, optionally with an offset such as +02:00 or Z)");
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
