package org.sintraee.runtime.replica;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replica's status file: one small JSON object, replaced atomically (write to a
 * sibling, then rename), so a reader never sees half of it. {@code state} is
 * {@code starting}, {@code ready} (links to at least n - t - 1 peers are up, so this
 * server and its peers form a quorum), {@code stopped} or {@code failed}.
 */
public final class StatusFile {
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern FAULTS = Pattern.compile("\"faults\"\\s*:\\s*\\{([^}]*)\\}");
    private static final Pattern FAULT_ENTRY = Pattern.compile("\"([0-9]+)\"\\s*:\\s*([0-9]+)");

    /** What the file says. */
    record Status(int server, String state, int linksUp, long round, long delivered, long checkpointRound,
                  int peerPort, int clientPort, long pid, long bytesOut, long heapUsedMb, String detail,
                  Map<Integer, Long> faults) {
        String json() {
            return String.format(Locale.ROOT, "{\"server\":%d,\"state\":\"%s\",\"linksUp\":%d,\"round\":%d,"
                            + "\"delivered\":%d,\"checkpointRound\":%d,\"peerPort\":%d,\"clientPort\":%d,\"pid\":%d,"
                            + "\"bytesOut\":%d,\"heapUsedMb\":%d,\"faults\":{%s},\"detail\":\"%s\"}%n",
                    server, state, linksUp, round, delivered, checkpointRound, peerPort, clientPort, pid, bytesOut,
                    heapUsedMb, faultsJson(faults), escape(detail));
        }
    }

    /** Faults attributed per peer, in id order: {@code "2":0,"3":5}. */
    private static String faultsJson(Map<Integer, Long> faults) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(faults).forEach((peer, count) -> b.append(b.length() == 0 ? "" : ",")
                .append('"').append(peer).append("\":").append(count));
        return b.toString();
    }

    /**
     * The {@code faults} field of a status file: faults this server attributed to each peer
     * (all kinds together), by peer id; empty if absent.
     */
    public static Map<Integer, Long> faults(Path file) {
        Map<Integer, Long> out = new TreeMap<>();
        try {
            Matcher m = FAULTS.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (m.find()) {
                Matcher e = FAULT_ENTRY.matcher(m.group(1));
                while (e.find()) {
                    out.put(Integer.parseInt(e.group(1)), Long.parseLong(e.group(2)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            out.clear();
        }
        return out;
    }

    private StatusFile() {
    }

    static void write(Path file, Status status) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, status.json(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The {@code state} field of a status file, or "absent" if there is none (yet). */
    public static String state(Path file) {
        try {
            Matcher m = STATE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : "absent";
        } catch (IOException e) {
            return "absent";
        }
    }

    /** A numeric field of a status file, or -1 if absent. */
    public static long number(Path file, String field) {
        try {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?[0-9]+)")
                    .matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
