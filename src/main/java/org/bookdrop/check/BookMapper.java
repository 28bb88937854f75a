package org.bookdrop.check;

import java.util.List;

import org.bookdrop.mapping.BoundMapping;
import org.bookdrop.mapping.MappedRecord;
import org.bookdrop.mapping.Mappings;
import org.bookdrop.mapping.RecordShape;
import org.bookdrop.read.SourceRecord;

/**
 * Reads a file's records into books' fields by the file's mapping (bound to the file's shape):
 * the one way from a record to a book, for bookdrop's own shape as for every other.
 */
public final class BookMapper {

    /** What bookdrop writes into a rejects file beside each record; always ignored when read. */
    public static final String REJECTED_FIELD = BoundMapping.REJECTED_FIELD;

    private final BoundMapping mapping;

    public BookMapper(BoundMapping mapping) {
        this.mapping = mapping;
    }

    /** bookdrop's own shape, for JSON records. */
    public static BookMapper bookdropShape(boolean strict) {
        return new BookMapper(Mappings.bookdropShape(strict).bind(RecordShape.trees()));
    }

    public BoundMapping mapping() {
        return mapping;
    }

    /** The mapping's name, for the report. */
    public String mappingName() {
        return mapping.mapping().name();
    }

    /** Whether a line of a book's plain shape may be read straight into the book ({@code PlainBookJson}). */
    public boolean readsPlainLines() {
        return mapping.mapping().bookdropShape();
    }

    /**
     * @param otherFields receives the names of the record's fields that no book field reads, when they are counted
     * @return the fields read, with what was wrong with them
     */
    public MappedRecord read(SourceRecord record, List<String> otherFields) {
        return mapping.read(record, otherFields);
    }
}
