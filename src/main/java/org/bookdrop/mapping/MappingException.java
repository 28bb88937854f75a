package org.bookdrop.mapping;

/** A mapping file that cannot be used: the message names the file, the line, and what is wrong. */
public final class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
