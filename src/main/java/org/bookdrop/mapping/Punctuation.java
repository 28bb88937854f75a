package org.bookdrop.mapping;

/**
 * The punctuation that library catalogues (ISBD) write at the end of a field to lead into the next
 * ({@code The hunger games /}, {@code Collins, Suzanne.}): removed, repeatedly. A final period
 * stays after an initial ({@code Tolkien, J. R. R.}) or an abbreviation of one letter.
 */
final class Punctuation {

    private Punctuation() {
    }

    static String stripEnd(String text) {
        String value = text.strip();
        while (!value.isEmpty()) {
            char last = value.charAt(value.length() - 1);
            if (last == '/' || last == ':' || last == ';' || last == '=' || last == ',') {
                value = value.substring(0, value.length() - 1).strip();
            } else if (last == '.' && !afterInitial(value) && !value.endsWith("...")) {
                value = value.substring(0, value.length() - 1).strip();
            } else {
                return value;
            }
        }
        return value;
    }

    /** "... J. R. R." or "... Jr.": the period belongs to the word. */
    private static boolean afterInitial(String value) {
        int end = value.length() - 1;
        int start = end;
        while (start > 0 && Character.isLetter(value.charAt(start - 1))) {
            start--;
        }
        int letters = end - start;
        boolean wordStart = start == 0 || value.charAt(start - 1) == ' ' || value.charAt(start - 1) == '.';
        return wordStart && (letters == 1 || value.substring(start, end).equals("Jr") || value.substring(start, end).equals("Sr"));
    }
}
