package org.sintraee.protocol.crypto;

/** One server's signing key for quorum certificates. */
public interface Signer {

    /** This signer's index, 1..n. */
    int index();

    /** Signs a statement that already names its instance tag and step (domain separation). */
    byte[] sign(byte[] statement);
}
