package org.bookdrop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProgressLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("bookdrop.progress");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Instant start = Instant.parse("2026-11-26T10:00:00Z");

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void logs_records_rate_and_share_of_bytes_once_a_period() {
        FileImport fileImport = new FileImport("big.ndjson", null, 1000, start);
        fileImport.countBytesWith(() -> 250);

        fileImport.read(10_000);
        new ProgressLog(at(start.plusSeconds(4)), Duration.ofSeconds(5)).log(fileImport);
        assertThat(lines.list).isEmpty();

        new ProgressLog(at(start.plusSeconds(5)), Duration.ofSeconds(5)).log(fileImport);
        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("big.ndjson: 10,000 records so far (2,000/s), 0 written, 0 rejected; 25% of its 1,000 bytes read");

        new ProgressLog(at(start.plusSeconds(9)), Duration.ofSeconds(5)).log(fileImport);
        assertThat(lines.list).as("the next line is due 5 s after the last").hasSize(1);
        new ProgressLog(at(start.plusSeconds(10)), Duration.ofSeconds(5)).log(fileImport);
        assertThat(lines.list).hasSize(2);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
