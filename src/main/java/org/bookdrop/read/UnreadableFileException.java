package org.bookdrop.read;

/**
 * The file cannot be read any further: it is not the format its name says, or it is broken at a
 * place the message names. Records read before that place have already been handed on.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
