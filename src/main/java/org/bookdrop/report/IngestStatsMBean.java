package org.bookdrop.report;

/**
 * bookdrop's own counters, as JMX shows them under {@code org.bookdrop:type=Ingest}: totals since
 * start, and the file in progress.
 */
public interface IngestStatsMBean {

    long getFilesDone();

    long getFilesFailed();

    int getFilesInProgress();

    long getRecordsRead();

    long getRecordsWritten();

    long getRecordsRejected();

    long getRecordsDuplicate();

    /** The file being imported, or empty. */
    String getCurrentFile();

    long getCurrentFileRecords();

    double getCurrentFileRecordsPerSecond();

    /** The last file that failed, and why; empty when none has. */
    String getLastError();

    /** When the last file failed (ISO-8601, UTC); empty when none has. */
    String getLastErrorTime();
}
