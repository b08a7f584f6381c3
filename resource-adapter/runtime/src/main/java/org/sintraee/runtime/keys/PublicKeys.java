package org.sintraee.runtime.keys;

import java.util.List;
import org.sintraee.protocol.crypto.ec.DhThresholdCoin;
import org.sintraee.protocol.crypto.ec.Tdh2;
import org.sintraee.protocol.crypto.shoup.ShoupPublicKey;
import org.sintraee.protocol.crypto.sig.Ed25519Verifier;

/**
 * The validated public file, as ready-to-use objects: n and t, the members, and the public
 * side of every scheme. Only {@link PublicKeysReader} makes one, after checking the file
 * completely, so holding one means the public parameters are consistent.
 */
public final class PublicKeys {
    private final int servers;
    private final int faulty;
    private final List<Member> members;
    private final Ed25519Verifier signatureVerifier;
    private final DhThresholdCoin coin;
    private final Tdh2 encryption;
    private final ShoupPublicKey serviceSignature;

    PublicKeys(int servers, int faulty, List<Member> members, Ed25519Verifier signatureVerifier,
               DhThresholdCoin coin, Tdh2 encryption, ShoupPublicKey serviceSignature) {
        this.servers = servers;
        this.faulty = faulty;
        this.members = List.copyOf(members);
        this.signatureVerifier = signatureVerifier;
        this.coin = coin;
        this.encryption = encryption;
        this.serviceSignature = serviceSignature;
    }

    /** n. */
    public int servers() {
        return servers;
    }

    /** t: the number of corrupted servers tolerated, 3t &lt; n. */
    public int faulty() {
        return faulty;
    }

    /** Members ordered by id 1..n. */
    public List<Member> members() {
        return members;
    }

    /** The member with this id, 1..n. */
    public Member member(int id) {
        if (id < 1 || id > servers) {
            throw new IllegalArgumentException("server id " + id + " is not in 1.." + servers);
        }
        return members.get(id - 1);
    }

    /** Verifies each server's Ed25519 signatures (quorum certificates). */
    public Ed25519Verifier signatureVerifier() {
        return signatureVerifier;
    }

    /** The CKS00 threshold coin, threshold t+1. */
    public DhThresholdCoin coin() {
        return coin;
    }

    /** TDH2 threshold encryption, threshold t+1: what clients encrypt to. */
    public Tdh2 encryption() {
        return encryption;
    }

    /** Shoup's threshold RSA service key, k = t+1. */
    public ShoupPublicKey serviceSignature() {
        return serviceSignature;
    }

    @Override
    public String toString() {
        return "PublicKeys[n=" + servers + ", t=" + faulty + ", " + serviceSignature + "]";
    }
}
