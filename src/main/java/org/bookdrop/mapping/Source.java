package org.bookdrop.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.read.SourceRecord;

/**
 * One place a book field's value may come from, bound to the file being read (a CSV column found
 * in the header row, a path into a JSON record, a MARC field): a plain Java object, built once
 * before the first record.
 */
public interface Source {

    /** The value at this place in the record, as JSON (text, number, list...); null when it has none. */
    JsonNode read(SourceRecord record);

    /** How the mapping names the place, for messages: {@code Original Publication Year}, {@code /isbn_13/0}. */
    String label();
}
