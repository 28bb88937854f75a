package org.bookdrop.inbox;

/** bookdrop cannot do in one of its folders what an import needs; the message names the folder, the user and the fix. */
public final class FolderNotWritableException extends RuntimeException {

    public FolderNotWritableException(String message, Throwable cause) {
        super(message, cause);
    }
}
