package org.bookdrop.inbox;

/** A file that bookdrop stopped short on too many times: it is set aside in the error folder. */
public class CrashingFileException extends RuntimeException {

    public CrashingFileException(String message) {
        super(message);
    }
}
