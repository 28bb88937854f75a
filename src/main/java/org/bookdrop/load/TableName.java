package org.bookdrop.load;

import java.util.regex.Pattern;

/**
 * The books table's name, optionally with its schema. Identifiers cannot be bound as parameters,
 * so the name is checked against a strict pattern and quoted before it becomes part of any SQL.
 */
public record TableName(String schema, String table) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** @param name {@code books} or {@code doc.books}: lower-case letters, digits and underscores */
    public static TableName parse(String name) {
        String[] parts = name.strip().split("\\.", -1);
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                throw new IllegalArgumentException("table name '" + name + "' must be lower-case letters, digits "
                        + "and underscores, optionally with a schema, as in books or doc.books");
            }
        }
        return switch (parts.length) {
            case 1 -> new TableName(null, parts[0]);
            case 2 -> new TableName(parts[0], parts[1]);
            default -> throw new IllegalArgumentException("table name '" + name + "' has more than one dot");
        };
    }

    public String quoted() {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
