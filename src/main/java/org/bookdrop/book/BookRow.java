package org.bookdrop.book;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A book's row as the load stage sends it: each column's value already in bytes, laid out as an
 * element of PostgreSQL's binary array format (its length in four bytes, -1 for null, then its
 * bytes): the texts in UTF-8, the publication date as milliseconds since the epoch, the categories
 * as one text joined by {@link #CATEGORY_SEPARATOR}.
 *
 * <p>It is made in the check stage, on the thread that has just read the book, while the book's
 * texts are still in the processor's cache. Made later by the writer, from books read a whole
 * batch before, each text was a fetch from memory: a sixth of bookdrop's CPU went on waiting for
 * them. The writer now copies each row's bytes into its columns (one array in memory per book).
 */
public final class BookRow {

    public static final int ID = 0;
    public static final int TITLE = 1;
    public static final int AUTHOR = 2;
    /** Eight bytes: milliseconds since the epoch, UTC. */
    public static final int PUBLICATION_DATE = 3;
    public static final int CATEGORIES = 4;
    public static final int COLUMNS = 5;

    /** Packs a row's categories into one text; a category cannot hold it (Book refuses control characters). */
    public static final String CATEGORY_SEPARATOR = "\u001F";
    private static final byte SEPARATOR_BYTE = 0x1F;

    private final byte[] bytes;

    private BookRow(byte[] bytes) {
        this.bytes = bytes;
    }

    public static BookRow of(Book book) {
        byte[] id = utf8(book.id());
        byte[] title = utf8(book.title());
        byte[] author = utf8(book.author());
        List<String> categoryTexts = book.categories();
        byte[][] categories = new byte[categoryTexts.size()][];
        int categoriesLength = Math.max(0, categories.length - 1);
        for (int i = 0; i < categories.length; i++) {
            categories[i] = utf8(categoryTexts.get(i));
            categoriesLength += categories[i].length;
        }
        LocalDateTime date = book.publicationDate();
        byte[] row = new byte[4 * COLUMNS + length(id) + length(title) + length(author) + (date != null ? 8 : 0) + categoriesLength];
        int at = put(row, 0, id);
        at = put(row, at, title);
        at = put(row, at, author);
        at = putDate(row, at, date);
        at = putInt(row, at, categoriesLength);
        for (int i = 0; i < categories.length; i++) {
            if (i > 0) {
                row[at++] = SEPARATOR_BYTE;
            }
            System.arraycopy(categories[i], 0, row, at, categories[i].length);
            at += categories[i].length;
        }
        return new BookRow(row);
    }

    /**
     * The row of a book whose texts stand in UTF-8 in the bytes of its line, copied from there as
     * they are: the same row as {@link #of} makes of the book, without decoding them and encoding
     * them again.
     *
     * @param spans where each text stands in {@code line}, as from and to (-1 for null): id, title,
     *              author, then each category
     * @param texts how many texts spans holds (3 and the categories)
     */
    public static BookRow ofUtf8(byte[] line, int[] spans, int texts, LocalDateTime publicationDate) {
        int length = 4 * COLUMNS + (publicationDate != null ? 8 : 0);
        for (int text = 0; text < 3; text++) {
            length += Math.max(0, spans[2 * text + 1] - spans[2 * text]);
        }
        int categoriesLength = Math.max(0, texts - 4);
        for (int text = 3; text < texts; text++) {
            categoriesLength += spans[2 * text + 1] - spans[2 * text];
        }
        byte[] row = new byte[length + categoriesLength];
        int at = 0;
        for (int text = 0; text < 3; text++) {
            at = put(row, at, line, spans[2 * text], spans[2 * text + 1]);
        }
        at = putDate(row, at, publicationDate);
        at = putInt(row, at, categoriesLength);
        for (int text = 3; text < texts; text++) {
            if (text > 3) {
                row[at++] = SEPARATOR_BYTE;
            }
            int from = spans[2 * text];
            System.arraycopy(line, from, row, at, spans[2 * text + 1] - from);
            at += spans[2 * text + 1] - from;
        }
        return new BookRow(row);
    }

    /** The book the row holds, read back from its bytes. */
    public Book book() {
        int[] places = new int[COLUMNS];
        places(places, 0);
        String categories = text(places[CATEGORIES]);
        Long millis = epochMillis(places[PUBLICATION_DATE]);
        LocalDateTime date = millis == null ? null
                : LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
        return new Book(text(places[ID]), text(places[TITLE]), text(places[AUTHOR]), date,
                categories == null || categories.isEmpty() ? List.of() : List.of(categories.split(CATEGORY_SEPARATOR, -1)));
    }

    /** Rows are equal when their bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BookRow row && Arrays.equals(bytes, row.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /**
     * Where each column's value stands in the row (its length, then its bytes), in one walk over
     * the row: the writer reads them by place, instead of walking the row again for each column.
     *
     * @param places  filled with the five places, in column order, from {@code at}
     */
    public void places(int[] places, int at) {
        int place = 0;
        for (int column = 0; column < COLUMNS; column++) {
            places[at + column] = place;
            place += 4 + Math.max(0, readInt(place));
        }
    }

    /** The length in bytes of the value at the place ({@link #places}), or -1 for null. */
    public int valueLength(int place) {
        return readInt(place);
    }

    /** Copies the value at the place (not its length) into the array; @return the offset after it */
    public int copyValue(int place, byte[] target, int offset) {
        int length = Math.max(0, readInt(place));
        System.arraycopy(bytes, place + 4, target, offset, length);
        return offset + length;
    }

    /** The text at the place, or null: for the array's text form, when the connection sends no binary parameters. */
    public String text(int place) {
        int length = readInt(place);
        return length < 0 ? null : new String(bytes, place + 4, length, StandardCharsets.UTF_8);
    }

    /** The publication date at its place, in milliseconds since the epoch, or null. */
    public Long epochMillis(int place) {
        if (readInt(place) < 0) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | bytes[place + 4 + i] & 0xFF;
        }
        return value;
    }

    private int readInt(int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }

    /** A publication date (UTC) as milliseconds since the epoch. */
    private static long epochMillis(LocalDateTime date) {
        return date.toEpochSecond(ZoneOffset.UTC) * 1000 + date.getNano() / 1_000_000;
    }

    /** UTF-8 as the JVM writes it, far faster than a loop over the text could (a lone surrogate becomes {@code ?}). */
    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static int put(byte[] row, int at, byte[] value) {
        return value == null ? putInt(row, at, -1) : put(row, at, value, 0, value.length);
    }

    /** A text of {@code source} from {@code from} to {@code to}, or null when from is -1. */
    private static int put(byte[] row, int at, byte[] source, int from, int to) {
        if (from < 0) {
            return putInt(row, at, -1);
        }
        int after = putInt(row, at, to - from);
        System.arraycopy(source, from, row, after, to - from);
        return after + to - from;
    }

    private static int putDate(byte[] row, int at, LocalDateTime date) {
        if (date == null) {
            return putInt(row, at, -1);
        }
        return putLong(row, putInt(row, at, 8), epochMillis(date));
    }

    private static int putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
        return at + 4;
    }

    private static int putLong(byte[] bytes, int at, long value) {
        putInt(bytes, at, (int) (value >>> 32));
        return putInt(bytes, at + 4, (int) value);
    }
}
