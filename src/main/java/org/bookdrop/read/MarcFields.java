package org.bookdrop.read;

/**
 * One MARC record's fields as a mapping reads them, in the record's order: a control field's data
 * (tags 001-009), a data field's indicators and subfields. A record holds one 001, its control
 * number (the last, when a record repeats it, as marc4j keeps it), and no 000.
 */
public interface MarcFields {

    /** How many fields the record has. */
    int size();

    /** The field's tag, interned (as a mapping's MARC sources hold theirs): tags are compared by reference. */
    String tag(int field);

    /** A control field's data; null for a data field. */
    String data(int field);

    char indicator1(int field);

    char indicator2(int field);

    /** How many subfields a data field has (none for a control field). */
    int subfields(int field);

    char code(int field, int subfield);

    /** A subfield's data, as the record holds it. */
    String subfield(int field, int subfield);

    /** The record's control number (001), or null. */
    default String controlNumber() {
        for (int field = 0; field < size(); field++) {
            if (tag(field).equals("001") && data(field) != null) {
                return data(field);
            }
        }
        return null;
    }
}
