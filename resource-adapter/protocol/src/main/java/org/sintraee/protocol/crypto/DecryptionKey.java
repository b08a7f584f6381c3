package org.sintraee.protocol.crypto;

import java.util.Optional;

/** One server's secret share of a threshold decryption key. */
public interface DecryptionKey {

    /** This key's share index, 1..n. */
    int index();

    /**
     * This server's decryption share of {@code c}, with its proof; deterministic.
     *
     * <p>Empty when {@code c} fails {@link ThresholdDecryption#verifyCiphertext}: the key
     * refuses to decrypt an invalid ciphertext, because SG98's chosen-ciphertext security
     * rests on servers never answering one (otherwise a mauled copy of an honest ciphertext
     * would be decrypted). An empty result is an expected outcome for untrusted input, so it
     * is not an exception; the caller skips the ciphertext.
     */
    Optional<Share> decryptionShare(Ciphertext c);
}
