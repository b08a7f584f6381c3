package org.sintraee.protocol.crypto;

/** One server's secret coin key: it makes that server's share of any coin. */
public interface CoinKey {

    /** This key's share index, 1..n. */
    int index();

    /** This server's share of coin {@code name}, with its proof. Deterministic. */
    Share share(byte[] name);
}
