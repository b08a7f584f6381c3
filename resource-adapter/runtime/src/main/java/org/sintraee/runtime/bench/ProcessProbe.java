package org.sintraee.runtime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the operating system says about a replica process: CPU time (any OS, through
 * {@link ProcessHandle}) and peak resident set size (Linux {@code /proc/PID/status},
 * {@code VmHWM}; -1 elsewhere).
 */
final class ProcessProbe {
    private ProcessProbe() {
    }

    /** Total CPU seconds the process used so far, or 0 if the OS does not say. */
    static double cpuSeconds(Process p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** Peak resident set size in MiB, or -1 if unknown (not Linux, or the process ended). */
    static double peakRssMb(Process p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) / 1024.0; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
