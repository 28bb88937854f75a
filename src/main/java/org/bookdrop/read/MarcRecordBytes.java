package org.bookdrop.read;

/**
 * One record of a MARC file, kept as its bytes and parsed when first asked, in the check stage,
 * so that the records of a batch are parsed on several threads while the file is read record by
 * record. A record that cannot be parsed is unreadable, with the reason. Read on one thread at a
 * time, as a JSON line is.
 */
final class MarcRecordBytes {

    private final byte[] bytes;
    private boolean parsed;
    private Iso2709 record;
    private String unreadable;

    MarcRecordBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    MarcFields record() {
        parse();
        return record;
    }

    /** Lets go of the parsed record; its bytes, and why it could not be read, stay. */
    void forget() {
        parse();
        record = null;
    }

    String unreadable() {
        parse();
        return unreadable;
    }

    private void parse() {
        if (parsed) {
            return;
        }
        parsed = true;
        try {
            record = Iso2709.parse(bytes);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            unreadable = e.getMessage();
        } catch (RuntimeException e) {
            // marc4j's own refusals (a MARC-8 sequence it cannot convert, say).
            unreadable = "cannot be read: " + e.getMessage();
        }
    }
}
