package org.bookdrop.load;

import java.util.List;

import org.bookdrop.book.BookRow;

/** One column of a batch's rows as an array parameter, copied from the bytes each {@link BookRow} already holds. */
final class RowColumn extends BinaryArray {

    private static final int TEXT_OID = 25;
    private static final int INT8_OID = 20;

    private final List<BookRow> rows;
    private final int column;

    private RowColumn(List<BookRow> rows, int column, String type, int elementOid, boolean quoted) {
        super(type, elementOid, quoted);
        this.rows = rows;
        this.column = column;
    }

    /** A text column ({@link BookRow#ID}, {@link BookRow#TITLE}, {@link BookRow#AUTHOR}, {@link BookRow#CATEGORIES}). */
    static RowColumn texts(List<BookRow> rows, int column) {
        return new RowColumn(rows, column, "_text", TEXT_OID, true);
    }

    /** The publication dates, as milliseconds since the epoch. */
    static RowColumn dates(List<BookRow> rows) {
        return new RowColumn(rows, BookRow.PUBLICATION_DATE, "_int8", INT8_OID, false);
    }

    @Override
    int size() {
        return rows.size();
    }

    @Override
    int valueLength(int index) {
        return rows.get(index).valueLength(column);
    }

    @Override
    int copyValue(int index, byte[] bytes, int offset) {
        return rows.get(index).copyValue(column, bytes, offset);
    }

    @Override
    String text(int index) {
        BookRow row = rows.get(index);
        if (column == BookRow.PUBLICATION_DATE) {
            Long millis = row.epochMillis();
            return millis == null ? null : millis.toString();
        }
        return row.text(column);
    }
}
