package org.bookdrop.load;

import java.util.List;

import org.bookdrop.book.BookRow;

/**
 * One column of a batch's rows as an array parameter, copied from the bytes each {@link BookRow}
 * already holds. The five columns of a batch share where each value stands in its row, found in
 * one walk over each row ({@link #of}), and each value's length is read from there once: pgjdbc asks
 * for every length twice (to size the message, then to write it), and each column walked every
 * row from its start, a third of the writers' CPU.
 */
final class RowColumn extends BinaryArray {

    private static final int TEXT_OID = 25;
    private static final int INT8_OID = 20;

    private final List<BookRow> rows;
    private final int[] places;
    private final int column;
    private final int[] lengths;

    private RowColumn(List<BookRow> rows, int[] places, int column, int[] lengths, String type, int elementOid, boolean quoted) {
        super(type, elementOid, quoted);
        this.rows = rows;
        this.places = places;
        this.column = column;
        this.lengths = lengths;
    }

    /**
     * The batch's five columns, by their index in a row ({@link BookRow#ID} to {@link BookRow#CATEGORIES}):
     * the texts, and the publication dates as milliseconds since the epoch.
     */
    static RowColumn[] of(List<BookRow> rows) {
        int[] places = new int[rows.size() * BookRow.COLUMNS];
        int[][] lengths = new int[BookRow.COLUMNS][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            BookRow row = rows.get(i);
            row.places(places, i * BookRow.COLUMNS);
            for (int column = 0; column < BookRow.COLUMNS; column++) {
                lengths[column][i] = row.valueLength(places[i * BookRow.COLUMNS + column]);
            }
        }
        RowColumn[] columns = new RowColumn[BookRow.COLUMNS];
        for (int column = 0; column < BookRow.COLUMNS; column++) {
            columns[column] = column == BookRow.PUBLICATION_DATE
                    ? new RowColumn(rows, places, column, lengths[column], "_int8", INT8_OID, false)
                    : new RowColumn(rows, places, column, lengths[column], "_text", TEXT_OID, true);
        }
        return columns;
    }

    @Override
    int size() {
        return lengths.length;
    }

    @Override
    int valueLength(int index) {
        return lengths[index];
    }

    @Override
    int copyValue(int index, byte[] bytes, int offset) {
        return rows.get(index).copyValue(place(index), bytes, offset);
    }

    @Override
    String text(int index) {
        BookRow row = rows.get(index);
        if (column == BookRow.PUBLICATION_DATE) {
            Long millis = row.epochMillis(place(index));
            return millis == null ? null : millis.toString();
        }
        return row.text(place(index));
    }

    private int place(int index) {
        return places[index * BookRow.COLUMNS + column];
    }
}
