package org.bookdrop.check;

/**
 * What is wrong with one field of a record.
 *
 * @param field the field's name as the input spells it; "record" when the whole record is wrong
 */
public record Problem(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
