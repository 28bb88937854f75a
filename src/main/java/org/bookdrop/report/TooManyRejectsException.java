package org.bookdrop.report;

/** More of a file's records were rejected than the configured ratio allows. */
public class TooManyRejectsException extends RuntimeException {

    public TooManyRejectsException(String message) {
        super(message);
    }
}
