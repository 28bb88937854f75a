package org.bookdrop.mapping;

import java.util.regex.Pattern;

/**
 * Reads an ISBN as catalogues and spreadsheets write it (ISBN-10 or ISBN-13, with hyphens or
 * spaces, "ISBN" in front, guarded as text for a spreadsheet: {@code ="0439023483"}, followed by
 * a catalogue's qualifier: {@code 0141439513 (pbk.)}, {@code 0141439513 : £6.99}) and gives it
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
        // The spreadsheets' number forms have a point; an ISBN as written never has one.
        if (value.indexOf('.') >= 0) {
            if (SCIENTIFIC.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + text + "' is a number in scientific notation, which lost the ISBN's "
                        + "last digits (store the column as text)");
            }
            if (WHOLE_AS_DECIMAL.matcher(value).matches()) {
                value = value.substring(0, value.indexOf('.'));
            }
        }
        int from = 0;
        if (value.regionMatches(true, 0, "ISBN", 0, 4)) {
            // "ISBN 0-439-...", "ISBN-13: 978-...": the label goes, with its own number and colon.
            from = 4;
            if (value.startsWith("-13", from) || value.startsWith("-10", from)) {
                from += 3;
            }
            while (from < value.length() && (value.charAt(from) == ':' || value.charAt(from) == ' ')) {
                from++;
            }
        }
        // The digits, read into an array once: no string is made until the ISBN-13 is known.
        char[] digits = new char[13];
        int count = 0;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X' || c == 'x') {
                if (count < digits.length) {
                    digits[count] = c == 'x' ? 'X' : c;
                }
                count++;
            } else if (count > 0 && (c == '(' || c == ':' || c == ';')) {
                // What a catalogue writes after the ISBN: a binding, a price.
                break;
            } else if (c != '-' && c != ' ' && c != '\u00A0') {
                throw new IllegalArgumentException("'" + text + "' is not an ISBN: it has '" + c + "'");
            }
        }
        return switch (count) {
            case 10 -> fromIsbn10(digits, text);
            case 13 -> checkedIsbn13(digits, text);
            default -> throw new IllegalArgumentException("'" + text + "' is not an ISBN: " + count
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

    private static String fromIsbn10(char[] digits, String text) {
        for (int i = 0; i < 9; i++) {
            if (digits[i] == 'X') {
                throw new IllegalArgumentException("'" + text + "' is not an ISBN: X can only be its check digit");
            }
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits[i] - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (digits[9] != expected) {
            throw new IllegalArgumentException("'" + text + "' has a wrong check digit: an ISBN-10 starting "
                    + new String(digits, 0, 9) + " ends in " + expected);
        }
        char[] isbn13 = new char[13];
        isbn13[0] = '9';
        isbn13[1] = '7';
        isbn13[2] = '8';
        System.arraycopy(digits, 0, isbn13, 3, 9);
        isbn13[12] = isbn13CheckDigit(isbn13);
        return new String(isbn13);
    }

    private static String checkedIsbn13(char[] digits, String text) {
        for (char c : digits) {
            if (c == 'X') {
                throw new IllegalArgumentException("'" + text + "' is not an ISBN: an ISBN-13 has no X");
            }
        }
        if (digits[0] != '9' || digits[1] != '7' || digits[2] != '8' && digits[2] != '9') {
            throw new IllegalArgumentException("'" + text + "' is not an ISBN-13: it must start with 978 or 979");
        }
        char expected = isbn13CheckDigit(digits);
        if (digits[12] != expected) {
            throw new IllegalArgumentException("'" + text + "' has a wrong check digit: an ISBN-13 starting "
                    + new String(digits, 0, 12) + " ends in " + expected);
        }
        return new String(digits);
    }

    /** The check digit of the first twelve digits. */
    private static char isbn13CheckDigit(char[] digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
