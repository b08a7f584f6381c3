package org.sintraee.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One server of the static server set, as the public file describes it. Everything here is
 * public (the file is shared by all servers); no private key is ever part of a status.
 *
 * @param id                1..n
 * @param address           host:port of its peer port
 * @param certificateSha256 SHA-256 fingerprint of its pinned TLS certificate (DER), 64 lower-case hex digits
 * @param self              this is the server answering
 */
public record ServerSetEntry(int id, String address, String certificateSha256, boolean self) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ServerSetEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        if (id < 1) {
            throw new IllegalArgumentException("server ids start at 1: " + id);
        }
    }
}
