package org.bookdrop.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far: by this JVM (bookdrop, or a loader, in the benchmark), and by the whole
 * machine (on Linux, from /proc/stat: the database too, when it runs here), for the benchmark's
 * CPU seconds per 100,000 rows.
 */
record CpuTime(double processSeconds, double machineSeconds) {

    /** The kernel's clock ticks a second in /proc/stat (USER_HZ), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    static CpuTime now() {
        double process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        return new CpuTime(process, machineBusySeconds());
    }

    /** The CPU used since {@code start}. */
    CpuTime since(CpuTime start) {
        return new CpuTime(processSeconds - start.processSeconds, machineSeconds - start.machineSeconds);
    }

    /** Busy time of all cores: user, nice, system, irq and softirq; NaN where there is no /proc/stat. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
