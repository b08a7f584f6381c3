package org.sintraee.protocol.cbc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.QuorumCertificate;

/** Shared test helpers: certificates and proofs signed by chosen servers. */
final class CbcFixtures {
    static final Tag TAG = Tag.of("abc", "7", "mvba", "cbc", "1");
    static final int MAX = 1024;

    private CbcFixtures() {
    }

    /** σ on (tag, "c-ready", H(payload)) by the given servers. */
    static QuorumCertificate sigma(List<ServerContext> ctxs, Tag tag, byte[] payload, int... signers) {
        byte[] statement = CbcProof.readyStatement(tag, CbcProof.digestOf(payload));
        Map<Integer, byte[]> sigs = new TreeMap<>();
        for (int s : signers) {
            sigs.put(s, ctxs.get(s - 1).signer().sign(statement));
        }
        return new QuorumCertificate(sigs);
    }

    static CbcProof proof(List<ServerContext> ctxs, Tag tag, byte[] payload, int... signers) {
        return new CbcProof(CbcProof.digestOf(payload), sigma(ctxs, tag, payload, signers));
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
