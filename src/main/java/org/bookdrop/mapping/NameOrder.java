package org.bookdrop.mapping;

import java.util.Set;

/** Turns a name written "Last, First" (as catalogues sort them) into "First Last". */
final class NameOrder {

    private static final Set<String> SUFFIXES = Set.of("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV");

    private NameOrder() {
    }

    static String firstLast(String name) {
        String[] parts = name.split(",", -1);
        if (parts.length < 2) {
            return name.strip();
        }
        String last = parts[0].strip();
        String first = parts[1].strip();
        if (first.isEmpty() || last.isEmpty()) {
            return name.strip();
        }
        String suffix = parts.length > 2 && SUFFIXES.contains(parts[2].strip()) ? " " + parts[2].strip() : "";
        String rest = parts.length > 2 && suffix.isEmpty() ? ", " + String.join(",", java.util.Arrays.copyOfRange(parts, 2, parts.length)).strip() : "";
        return first + " " + last + suffix + rest;
    }
}
