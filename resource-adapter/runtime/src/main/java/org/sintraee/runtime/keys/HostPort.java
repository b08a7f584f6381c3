package org.sintraee.runtime.keys;

import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.util.IPAddress;

/**
 * A server's network address, {@code host:port}: an IPv4 literal, a bracketed IPv6
 * literal ({@code [::1]:7001}) or a DNS name, and a port 1..65535. Parsing never
 * resolves names: key files are checked offline, and a lookup would make loading slow
 * and dependent on the network.
 */
public record HostPort(String host, int port) {

    private static final int MAX_DNS_NAME = 253;
    private static final int MAX_LABEL = 63;

    /** @throws IllegalArgumentException if the host is not an IP literal or DNS name, or the port is out of range */
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
        if (!IPAddress.isValid(host) && !isDnsName(host)) {
            throw new IllegalArgumentException("host '" + host + "' is neither an IP address nor a DNS name");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static HostPort parse(String text) {
        Objects.requireNonNull(text, "address");
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("address '" + text + "' must be [ipv6]:port");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (!IPAddress.isValidIPv6(host)) {
                throw new IllegalArgumentException("address '" + text + "' has no valid IPv6 literal in brackets");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("address '" + text
                        + "' must be host:port (IPv6 literals in brackets: [::1]:7001)");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("address '" + text + "' has no port number 1..65535");
        }
        try {
            return new HostPort(host, Integer.parseInt(port));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address '" + text + "': " + e.getMessage());
        }
    }

    /** True for IPv4 and IPv6 literals (the certificate's SAN is then an iPAddress, else a dNSName). */
    public boolean isIpAddress() {
        return IPAddress.isValid(host);
    }

    @Override
    public String toString() {
        return (IPAddress.isValidIPv6(host) ? "[" + host + "]" : host) + ":" + port;
    }

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
    private static boolean isDnsName(String host) {
        if (host.isEmpty() || host.length() > MAX_DNS_NAME || host.endsWith(".")) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        // An all-numeric dotted name is a malformed IPv4 literal (e.g. 10.0.0.300), not a host name.
        return !host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
