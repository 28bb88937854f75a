package org.bookdrop.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how a long file is getting on, one line every period: records so far, rate, share of bytes read. */
public final class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger("bookdrop.progress");

    private final Clock clock;
    private final Duration period;

    public ProgressLog(Clock clock, Duration period) {
        this.clock = clock;
        this.period = period;
    }

    /** Called after each batch; logs when a period has passed since the file started or the last line. */
    public void log(@ExchangeProperty(FileImport.PROPERTY) FileImport fileImport) {
        Instant now = Instant.now(clock);
        if (!fileImport.progressDue(now, period)) {
            return;
        }
        String share = fileImport.sizeBytes() > 0
                ? String.format(Locale.ROOT, "%.0f%% of its %,d bytes read", 100.0 * fileImport.bytesRead() / fileImport.sizeBytes(),
                        fileImport.sizeBytes())
                : String.format(Locale.ROOT, "%,d bytes read", fileImport.bytesRead());
        LOG.info(String.format(Locale.ROOT, "%s: %,d records so far (%,.0f/s), %,d written, %,d rejected; %s",
                fileImport.fileName(), fileImport.read(), fileImport.recordsPerSecond(now), fileImport.written(),
                fileImport.rejected(), share));
    }
}
