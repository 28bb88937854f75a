package org.bookdrop;

import java.lang.management.ManagementFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.bookdrop.report.IngestStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows bookdrop's counters to operators: as the MBean {@code org.bookdrop:type=Ingest} on the
 * platform MBean server (beside Camel's own route MBeans), and as Micrometer meters in the
 * registry that Camel's Micrometer support serves in Prometheus format when the metrics port is
 * set.
 */
final class Monitoring {

    static final String MBEAN_NAME = "org.bookdrop:type=Ingest";
    /** The name under which Camel's Micrometer support looks for a registry to use. */
    static final String METRICS_REGISTRY = "metricsRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    private Monitoring() {
    }

    static void expose(CamelContext camel, IngestStats stats) throws Exception {
        registerMBean(camel, stats);
        // Camel's Micrometer support (on when the metrics port is set) makes its registry as the
        // context starts; bookdrop's meters join it there.
        camel.addStartupListener((context, alreadyStarted) -> {
            MeterRegistry registry = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
            if (registry != null) {
                bindMeters(registry, stats);
            }
        });
    }

    private static void registerMBean(CamelContext camel, IngestStats stats) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(MBEAN_NAME);
        try {
            server.registerMBean(stats, name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("Another bookdrop in this JVM has registered {} already; this one's counters are not in JMX", name);
            return;
        }
        BookdropConfiguration.closeWithCamel(camel, () -> {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("Could not unregister {}: {}", name, e.getMessage());
            }
        });
    }

    /**
     * Files and records read or rejected only grow: counters. Written and duplicate rows are
     * gauges, since a file's written count is corrected down at its end by the rows that a later
     * record of the same id wrote again.
     */
    static void bindMeters(MeterRegistry registry, IngestStats stats) {
        FunctionCounter.builder("bookdrop.files", stats, IngestStats::getFilesDone).tag("status", "done")
                .description("Files imported").register(registry);
        FunctionCounter.builder("bookdrop.files", stats, IngestStats::getFilesFailed).tag("status", "failed")
                .description("Files that failed, kept in the error folder").register(registry);
        Gauge.builder("bookdrop.files.in.progress", stats, IngestStats::getFilesInProgress)
                .description("Files being imported").register(registry);
        FunctionCounter.builder("bookdrop.records.read", stats, IngestStats::getRecordsRead)
                .description("Records read from files").register(registry);
        FunctionCounter.builder("bookdrop.records.rejected", stats, IngestStats::getRecordsRejected)
                .description("Records rejected, with their reasons in the rejects files").register(registry);
        Gauge.builder("bookdrop.records.written", stats, IngestStats::getRecordsWritten)
                .description("Rows written, one per distinct id of a file").register(registry);
        Gauge.builder("bookdrop.records.duplicate", stats, IngestStats::getRecordsDuplicate)
                .description("Records superseded by a later record of the same id in their file").register(registry);
        Gauge.builder("bookdrop.current.file.records.per.second", stats, IngestStats::getCurrentFileRecordsPerSecond)
                .description("Records a second of the file being imported").register(registry);
    }
}
