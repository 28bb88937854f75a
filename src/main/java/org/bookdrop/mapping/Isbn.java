package org.bookdrop.mapping;

import java.util.regex.Pattern;

/**
 * Reads an ISBN as catalogues and spreadsheets write it (ISBN-10 or ISBN-13, with hyphens or
 * spaces, "ISBN" in front, guarded as text for a spreadsheet: {@code ="0439023483"}) and gives it
 * as ISBN-13 digits, its check digit verified. A wrong check digit, or a number that a spreadsheet
 * turned into floating point and so cut short ({@code 9.78043902348e+12}), is refused with the
 * reason: an ISBN is never guessed.
 */
public final class Isbn {

    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE][+]?[0-9]+");
    private static final Pattern WHOLE_AS_DECIMAL = Pattern.compile("[0-9]+\\.0+");

    private Isbn() {
    }

    /** @throws IllegalArgumentException saying why the text is not an ISBN */
    public static String toIsbn13(String text) {
        String value = unguarded(text.strip());
        if (SCIENTIFIC.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + text + "' is a number in scientific notation, which lost the ISBN's "
                    + "last digits (store the column as text)");
        }
        if (WHOLE_AS_DECIMAL.matcher(value).matches()) {
            value = value.substring(0, value.indexOf('.'));
        }
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("ISBN")) {
            upper = upper.substring(4).replaceFirst("^(-?1[03])?\\s*:?\\s*", "");
        }
        StringBuilder digits = new StringBuilder(13);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X') {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '\u00A0') {
                throw new IllegalArgumentException("'" + text + "' is not an ISBN: it has '" + c + "'");
            }
        }
        return switch (digits.length()) {
            case 10 -> fromIsbn10(digits.toString(), text);
            case 13 -> checkedIsbn13(digits.toString(), text);
            default -> throw new IllegalArgumentException("'" + text + "' is not an ISBN: " + digits.length()
                    + " digits, where an ISBN-10 has 10 and an ISBN-13 has 13");
        };
    }

    /** {@code ="0439023483"} and {@code "0439023483"}: the forms spreadsheets use to keep a number as text. */
    private static String unguarded(String value) {
        String v = value;
        if (v.startsWith("=")) {
            v = v.substring(1).strip();
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }

    private static String fromIsbn10(String digits, String text) {
        if (digits.indexOf('X') >= 0 && digits.indexOf('X') != 9) {
            throw new IllegalArgumentException("'" + text + "' is not an ISBN: X can only be its check digit");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (digits.charAt(9) != expected) {
            throw new IllegalArgumentException("'" + text + "' has a wrong check digit: an ISBN-10 starting "
                    + digits.substring(0, 9) + " ends in " + expected);
        }
        String body = "978" + digits.substring(0, 9);
        return body + isbn13CheckDigit(body);
    }

    private static String checkedIsbn13(String digits, String text) {
        if (digits.indexOf('X') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not an ISBN: an ISBN-13 has no X");
        }
        if (!digits.startsWith("978") && !digits.startsWith("979")) {
            throw new IllegalArgumentException("'" + text + "' is not an ISBN-13: it must start with 978 or 979");
        }
        char expected = isbn13CheckDigit(digits.substring(0, 12));
        if (digits.charAt(12) != expected) {
            throw new IllegalArgumentException("'" + text + "' has a wrong check digit: an ISBN-13 starting "
                    + digits.substring(0, 12) + " ends in " + expected);
        }
        return digits;
    }

    private static char isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
