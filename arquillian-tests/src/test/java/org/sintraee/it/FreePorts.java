package org.sintraee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that are free now, chosen by the OS (ephemeral range), so they do not collide
 * with the fixed ports of the other ITs (8080, 4848, 6900+, the build's peer ports 7001+).
 */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct free ports: all sockets are held open until every port is chosen. */
    static List<Integer> take(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted: nothing to recover
                }
            }
        }
    }
}
