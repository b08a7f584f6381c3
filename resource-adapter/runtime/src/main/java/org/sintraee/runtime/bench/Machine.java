package org.sintraee.runtime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A description of the machine the benchmark ran on, for results.json. */
final class Machine {
    private Machine() {
    }

    static String json() {
        return String.format(Locale.ROOT, "{\"cores\": %d, \"memory_mb\": %d, \"cpu\": \"%s\", \"os\": \"%s %s\", \"java\": \"%s %s\"}",
                Runtime.getRuntime().availableProcessors(), memoryMb(), clean(cpu()),
                clean(System.getProperty("os.name")), clean(System.getProperty("os.version")),
                clean(System.getProperty("java.vm.name")), clean(System.getProperty("java.version")));
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memoryMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace("\\", "/").replace("\"", "'");
    }
}
