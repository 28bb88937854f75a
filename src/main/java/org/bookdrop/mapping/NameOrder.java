package org.bookdrop.mapping;

import java.util.Set;

/** Turns a name written "Last, First" (as catalogues sort them) into "First Last". */
final class NameOrder {

    private static final Set<String> SUFFIXES = Set.of("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV");

    private NameOrder() {
    }

    /** "Collins, Suzanne" is "Suzanne Collins"; "King, Martin Luther, Jr." is "Martin Luther King Jr."; "Tolkien, J. R. R., 1892-1973" keeps its dates after a comma. */
    static String firstLast(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) {
            return name.strip();
        }
        String last = name.substring(0, comma).strip();
        int second = name.indexOf(',', comma + 1);
        String first = (second < 0 ? name.substring(comma + 1) : name.substring(comma + 1, second)).strip();
        if (first.isEmpty() || last.isEmpty()) {
            return name.strip();
        }
        if (second < 0) {
            return first + " " + last;
        }
        String rest = name.substring(second + 1).strip();
        return SUFFIXES.contains(rest) ? first + " " + last + " " + rest : first + " " + last + ", " + rest;
    }
}
