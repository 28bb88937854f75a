package org.bookdrop.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.bookdrop.book.Book;

/**
 * One record as it was read from a file, before any check: its fields as JSON; or, for an NDJSON
 * line, the line itself ({@link JsonLine}), read as JSON when first asked, in the check stage; or
 * the values of a CSV row.
 */
public final class SourceRecord {

    private static final String[] NO_VALUES = new String[0];

    private final long number;
    private final long line;
    private final JsonNode fields;
    private final String[] values;
    private JsonNode original;
    private final String unreadable;
    private final JsonLine jsonLine;
    /** What the file calls a record, for its place: "record", or "Product" in ONIX. */
    private String unit = "record";
    /** The record's first byte in the file, for binary records (MARC); -1 where lines count. */
    private long byteOffset = -1;
    private MarcRecordBytes marcBytes;
    private MarcFields marcRecord;
    private OnixProduct onix;
    /** The identity, kept once the parsed form is let go ({@link #checked()}). */
    private String identity;

    private SourceRecord(long number, long line, JsonNode fields, String[] values, JsonNode original, String unreadable,
                         JsonLine jsonLine) {
        this.number = number;
        this.line = line;
        this.fields = fields;
        this.values = values;
        this.original = original;
        this.unreadable = unreadable;
        this.jsonLine = jsonLine;
    }

    /**
     * @param fields   the record's fields, as JSON
     * @param original the record as the file holds it, for the rejects file: the JSON value, or
     *                 the CSV row's values as an array
     */
    public static SourceRecord read(long number, long line, JsonNode fields, JsonNode original) {
        return new SourceRecord(number, line, fields, null, original, null, null);
    }

    /** A CSV row: its values, in the order of the header row's columns. */
    public static SourceRecord row(long line, String[] values) {
        return new SourceRecord(0, line, null, values, null, null, null);
    }

    /**
     * @param original the record as the file holds it, for the rejects file, such as the text of a
     *                 line that is not JSON
     * @param reason   why the record could not be read
     */
    public static SourceRecord unreadable(long number, long line, JsonNode original, String reason) {
        return new SourceRecord(number, line, null, null, original, reason, null);
    }

    /**
     * A record that could not be read, at a byte offset of a binary file.
     *
     * @param original the record as the file holds it, for the rejects file, or null
     * @param bytes    its bytes as the file holds them, for a rejects file in the file's own format
     */
    public static SourceRecord unreadable(long number, long byteOffset, JsonNode original, String reason, byte[] bytes) {
        SourceRecord record = new SourceRecord(number, 0, null, null, original, reason, null);
        record.byteOffset = byteOffset;
        record.marcBytes = bytes == null ? null : new MarcRecordBytes(bytes);
        return record;
    }

    /** A MARC record in its exchange form, parsed when first asked. */
    static SourceRecord marc(long number, long byteOffset, byte[] bytes) {
        SourceRecord record = new SourceRecord(number, 0, null, null, null, null, null);
        record.byteOffset = byteOffset;
        record.marcBytes = new MarcRecordBytes(bytes);
        return record;
    }

    /** A MARC record read from MARCXML, at its line. */
    static SourceRecord marc(long number, long line, MarcFields parsed) {
        SourceRecord record = new SourceRecord(number, line, null, null, null, null, null);
        record.marcRecord = parsed;
        return record;
    }

    /** An ONIX Product, as its bytes, parsed when first asked. */
    static SourceRecord product(long number, long line, OnixProduct product) {
        SourceRecord record = new SourceRecord(number, line, null, null, null, null, null);
        record.unit = "Product";
        record.onix = product;
        return record;
    }

    /** An ONIX Product that could not be cut out of its message, at its line. */
    static SourceRecord unreadableProduct(long number, long line, String reason) {
        SourceRecord record = new SourceRecord(number, line, null, null, null, reason, null);
        record.unit = "Product";
        return record;
    }

    /** A MARC record: parsed from its bytes, or as read from MARCXML; null for other records or one that cannot be read. */
    public MarcFields marc() {
        return marcBytes != null ? marcBytes.record() : marcRecord;
    }

    /** A MARC record's bytes as the file holds them (for the rejects file), or null. */
    public byte[] rawBytes() {
        return marcBytes != null ? marcBytes.bytes() : null;
    }

    /**
     * How the file's own system names the record, for a person looking for it: a MARC record's
     * control number (001), an ONIX Product's RecordReference; null for other records, or when
     * it has none.
     */
    public String identity() {
        if (identity != null) {
            return identity;
        }
        MarcFields marc = unreadable == null ? marc() : null;
        if (marc != null) {
            return marc.controlNumber();
        }
        JsonNode product = onix != null ? onix.fields() : null;
        if (product != null) {
            return product.path("RecordReference").textValue();
        }
        return null;
    }

    /**
     * The check is done and the record is a book: lets go of its parsed form (a MARC record, an
     * ONIX Product's elements, the book read from a plain NDJSON line), which the writers would
     * otherwise hold while its batch is written, and keeps what a rejection by the database needs:
     * its place, its identity and its bytes. A JSON or CSV record is kept whole, as its rejects
     * file writes it back as it was (an NDJSON line is its bytes, read again if need be).
     */
    public void checked() {
        if (jsonLine != null) {
            jsonLine.forget();
        }
        if (marcBytes == null && marcRecord == null && onix == null) {
            return;
        }
        identity = identity();
        if (marcBytes != null) {
            marcBytes.forget();
        }
        marcRecord = null;
        if (onix != null) {
            onix.forget();
        }
    }

    /** Whether the record asks for its product to be deleted (ONIX NotificationType 05), rather than being a book. */
    public boolean deletion() {
        return onix != null && onix.deletion();
    }

    /** A line of an NDJSON file, read as JSON when first asked. */
    static SourceRecord jsonLine(long line, byte[] json) {
        return new SourceRecord(0, line, null, null, null, null, new JsonLine(json, null));
    }

    /** The JSON column of a line of tab-separated columns, with the columns before it. */
    static SourceRecord jsonLine(long line, byte[] json, String columnsBefore) {
        return new SourceRecord(0, line, null, null, null, null, new JsonLine(json, columnsBefore));
    }

    /** For a JSON record that is the last column of a tab-separated line: the columns before it, as the line has them; else null. */
    public String columnsBefore() {
        return jsonLine != null ? jsonLine.columnsBefore() : null;
    }

    /** The record's number in a JSON file, counting from 1; 0 where lines count (NDJSON, CSV). */
    public long number() {
        return number;
    }

    /** The line of the file where the record starts. */
    public long line() {
        return line;
    }

    /** Why the record could not be read, or null when it could. */
    public String unreadable() {
        if (unreadable != null) {
            return unreadable;
        }
        if (marcBytes != null) {
            return marcBytes.unreadable();
        }
        if (onix != null) {
            return onix.unreadable();
        }
        return jsonLine != null ? jsonLine.unreadable() : null;
    }

    /**
     * The book (and its row), when the record is a line of a book's plain shape read straight
     * into one ({@link PlainBookJson}); else null, and its {@link #fields()} are for the mapper.
     */
    public PlainBook plainBook() {
        return jsonLine != null ? jsonLine.plainBook() : null;
    }

    /** Whether an NDJSON line was read as a JSON tree, rather than straight into a book. */
    boolean readAsTree() {
        return jsonLine != null && jsonLine.readAsTree();
    }

    /** The record's fields, as JSON; null for a CSV row, or when the record could not be read. */
    public JsonNode fields() {
        return jsonLine != null ? jsonLine.fields() : onix != null ? onix.fields() : fields;
    }

    /** A CSV row's values; none for other records. */
    public String[] values() {
        return values != null ? values : NO_VALUES;
    }

    /**
     * The record as the file holds it, for the rejects file: the JSON value, the CSV row's values
     * as an array, or the text of a line that is not JSON.
     */
    public JsonNode original() {
        if (jsonLine != null) {
            return jsonLine.original();
        }
        if (original == null && values != null) {
            ArrayNode row = JsonNodeFactory.instance.arrayNode(values.length);
            for (String value : values) {
                row.add(value);
            }
            original = row;
        }
        return original;
    }

    /**
     * Where the record stands, in the words a user searches the file with: "record 3 (line 12)"
     * in a JSON file, "line 12" in NDJSON or CSV.
     */
    public String position() {
        if (number > 0 && byteOffset >= 0) {
            return String.format(java.util.Locale.ROOT, "%s %d (byte %,d)", unit, number, byteOffset);
        }
        if (number > 0) {
            return line > 0 ? unit + " " + number + " (line " + line + ")" : unit + " " + number;
        }
        return "line " + line;
    }
}
