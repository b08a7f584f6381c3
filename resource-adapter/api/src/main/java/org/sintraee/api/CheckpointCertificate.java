package org.sintraee.api;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The service's word that, after atomic-broadcast round {@code round}, exactly {@code nextSeq}
 * requests were ordered and their chain (see {@link OrderHashes}) is {@code chain}: the one
 * threshold RSA signature of t + 1 servers on {@link OrderHashes#checkpointStatement}. Servers
 * certify one every so many rounds. An honest server signs only a prefix it delivered itself,
 * and all honest servers deliver the same sequence, so whoever holds the service public key can
 * check any copy of the log's first {@code nextSeq} requests against it, from any source.
 *
 * @param round     the last round the checkpoint covers
 * @param nextSeq   requests ordered through that round (seqs 0 .. nextSeq - 1)
 * @param chain     the chain c_nextSeq over them
 * @param signature the PKCS#1 v1.5 SHA-256 RSA signature on {@link #statement()}
 */
public record CheckpointCertificate(long round, long nextSeq, byte[] chain, byte[] signature) {

    public CheckpointCertificate {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signature, "signature");
        if (round < 0 || nextSeq < 0) {
            throw new IllegalArgumentException("checkpoint round " + round + ", next seq " + nextSeq);
        }
        if (chain.length != OrderHashes.HASH_BYTES) {
            throw new IllegalArgumentException("checkpoint chain of " + chain.length + " bytes, not "
                    + OrderHashes.HASH_BYTES);
        }
        if (signature.length > OrderCertificate.MAX_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("checkpoint signature of " + signature.length + " bytes");
        }
        chain = chain.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] chain() {
        return chain.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the service key signed. */
    public byte[] statement() {
        return OrderHashes.checkpointStatement(round, nextSeq, chain);
    }

    /** True iff the signature is the service key's SHA256withRSA signature on the statement. Never throws for a bad one. */
    public boolean verify(PublicKey serviceKey) {
        Objects.requireNonNull(serviceKey, "serviceKey");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(serviceKey);
            rsa.update(statement());
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a wrong key type or a garbled signature: not a valid certificate
        }
    }

    /** True iff {@code chainAtNextSeq}, a chain computed over some copy of the log's first nextSeq requests, is this one. */
    public boolean covers(byte[] chainAtNextSeq) {
        return chainAtNextSeq != null && MessageDigest.isEqual(chain, chainAtNextSeq);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointCertificate c && c.round == round && c.nextSeq == nextSeq
                && MessageDigest.isEqual(c.chain, chain) && MessageDigest.isEqual(c.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(round) * 31 + Long.hashCode(nextSeq);
    }

    @Override
    public String toString() {
        return "CheckpointCertificate[round " + round + ", " + nextSeq + " requests, chain "
                + HexFormat.of().formatHex(chain, 0, 8) + "...]";
    }
}
