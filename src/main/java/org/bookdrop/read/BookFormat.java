package org.bookdrop.read;

import java.util.Locale;

/**
 * The formats bookdrop reads, told by the file's extension, or by the mapping that reads the file;
 * never guessed from the content. Each may be gzip-compressed, with {@code .gz} after its name.
 */
public enum BookFormat {
    /** A JSON array of book objects, or a single book object. */
    JSON,
    /** One book object per line (also {@code .jsonl}). */
    NDJSON,
    /** RFC 4180 CSV, with a header row naming the columns (or columns by position, as its mapping says). */
    CSV,
    /** Lines of tab-separated columns whose last column is a JSON record (Open Library's dumps); by mapping only. */
    TABBED_JSON,
    /** MARC 21 records in their exchange form, ISO 2709 ({@code .mrc}, {@code .marc}). */
    MARC,
    /** MARC 21 records in XML ({@code .marcxml}, or {@code .xml} whose root is a collection or record). */
    MARCXML,
    /** An ONIX for Books 3.0 or 3.1 message ({@code .onix}, or {@code .xml} whose root is ONIXMessage). */
    ONIX,
    /** An {@code .xml} file: MARCXML or ONIX, as its root element says. */
    XML;

    /** The formats told by extension, as people know them, for the help; {@link #KNOWN} gives their extensions. */
    public static final String NAMES = "JSON, NDJSON, CSV, MARC 21 and ONIX for Books 3.0/3.1";

    public static final String KNOWN = ".json, .ndjson, .jsonl, .csv, .mrc, .marc, .marcxml, .onix or .xml (MARCXML or ONIX), "
            + "each optionally followed by .gz";

    /** The format and compression that a file name says. */
    public record Type(BookFormat format, boolean gzip) {
    }

    /** @throws UnreadableFileException for a name with no extension bookdrop reads */
    public static Type of(String fileName) {
        return of(fileName, null);
    }

    /**
     * @param declared the format a mapping declares ({@code csv}, {@code tabbed-json}...), or null
     *                 to tell it by the extension
     * @throws UnreadableFileException for a name with no extension bookdrop reads, and no format declared
     */
    public static Type of(String fileName, String declared) {
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        if (gzip) {
            name = name.substring(0, name.length() - 3);
        }
        if (declared != null) {
            return new Type(BookFormat.valueOf(declared.toUpperCase(Locale.ROOT).replace('-', '_')), gzip);
        }
        BookFormat format;
        if (name.endsWith(".json")) {
            format = JSON;
        } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            format = NDJSON;
        } else if (name.endsWith(".csv")) {
            format = CSV;
        } else if (name.endsWith(".mrc") || name.endsWith(".marc")) {
            format = MARC;
        } else if (name.endsWith(".marcxml")) {
            format = MARCXML;
        } else if (name.endsWith(".onix")) {
            format = ONIX;
        } else if (name.endsWith(".xml")) {
            format = XML;
        } else {
            throw new UnreadableFileException("'" + fileName + "' has an extension bookdrop does not read; it reads "
                    + KNOWN);
        }
        return new Type(format, gzip);
    }
}
