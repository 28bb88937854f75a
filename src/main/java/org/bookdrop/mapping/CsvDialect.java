package org.bookdrop.mapping;

import java.util.Map;

/**
 * How a mapping's CSV files are written: the delimiter, the quote, whether the first row names the
 * columns, and the columns that hold a list in one cell ({@code novel|comedy}, or a JSON array as
 * text), with their separator.
 *
 * @param delimiter   null: bookdrop's setting (BOOKDROP_CSV_DELIMITER)
 */
public record CsvDialect(Character delimiter, char quote, boolean header, Map<String, String> listColumns) {

    public static final CsvDialect DEFAULT = new CsvDialect(null, '"', true, Map.of());

    /** The separator of a list column of this name (compared without case), or null. */
    public String listSeparator(String column) {
        for (Map.Entry<String, String> list : listColumns.entrySet()) {
            if (list.getKey().equalsIgnoreCase(column.strip())) {
                return list.getValue();
            }
        }
        return null;
    }
}
