package org.sintraee.protocol.crypto;

/**
 * Verifies individual servers' signatures: the building block of quorum certificates.
 * Signer indices are 1..n.
 */
public interface SignatureVerifier {

    int servers();

    /** True iff {@code signature} is signer's valid signature on {@code statement}; never throws. */
    boolean verify(int signer, byte[] statement, byte[] signature);
}
