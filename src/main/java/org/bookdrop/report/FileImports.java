package org.bookdrop.report;

import java.time.Clock;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Starts a file's import when the intake route picks the file up, and turns it into the file's
 * report when the route is done with it, successful or not.
 */
public final class FileImports {

    private final Folders folders;
    private final Clock clock;

    public FileImports(Folders folders, Clock clock) {
        this.folders = folders;
        this.clock = clock;
    }

    public FileImport start(@Header(Exchange.FILE_NAME) String fileName, @Header(Exchange.FILE_LENGTH) Long sizeBytes) {
        return new FileImport(fileName, sizeBytes == null ? -1 : sizeBytes, Instant.now(clock));
    }

    /**
     * @param failure the exception that ended the route, if one did: on completion Camel hands it
     *                over as the caught exception
     */
    public ImportReport finish(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport,
                               @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (failure == null) {
            return fileImport.finish(Instant.now(clock), folders.done().toString(), null);
        }
        return fileImport.finish(Instant.now(clock), folders.error().toString(), FailureMessage.of(failure));
    }
}
