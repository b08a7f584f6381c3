package org.sintraee.protocol.cbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.quorum.Quorums;

/**
 * Bookkeeping of C-REQUEST / C-ANSWER for one instance, both directions, bounded by n.
 *
 * <p>Asking (time-free policy): the first time, the final's sender and the first
 * {@code honestOne()} signers of σ other than this server, so an honest holder of the
 * payload is among them; each later trigger asks the trigger's sender if new, else the next
 * signer not asked yet. Answering: each requester at most once; a request for a payload not
 * held yet waits in a one-digest slot per requester.
 */
final class Retrieval {
    private final Quorums quorums;
    private final int self;
    private final Set<Integer> asked = new TreeSet<>();
    private final Set<Integer> answered = new TreeSet<>();
    private final Map<Integer, byte[]> waiting = new TreeMap<>();
    private final Set<Integer> served = new TreeSet<>();

    Retrieval(Quorums quorums, int self) {
        this.quorums = quorums;
        this.self = self;
    }

    /** The servers to send C-REQUEST to now; {@code from} is the final's sender, 0 if none. */
    List<Integer> toAsk(int from, QuorumCertificate sigma) {
        List<Integer> fresh = new ArrayList<>();
        boolean first = asked.isEmpty();
        if (quorums.isServer(from) && from != self && asked.add(from)) {
            fresh.add(from);
        }
        if (first) {
            for (int signer : sigma.signers()) {
                if (askedSigners(sigma) >= quorums.honestOne()) {
                    break;
                }
                if (signer != self && quorums.isServer(signer) && asked.add(signer)) {
                    fresh.add(signer);
                }
            }
        } else if (fresh.isEmpty()) {
            for (int signer : sigma.signers()) {
                if (signer != self && quorums.isServer(signer) && asked.add(signer)) {
                    fresh.add(signer);
                    break;
                }
            }
        }
        return fresh;
    }

    private int askedSigners(QuorumCertificate sigma) {
        int count = 0;
        for (int s : asked) {
            if (sigma.signers().contains(s)) {
                count++;
            }
        }
        return count;
    }

    /** True (once) iff this server asked {@code from} and has not had its answer yet. */
    boolean takeAnswer(int from) {
        return asked.contains(from) && answered.add(from);
    }

    /** True iff {@code from} was asked at some point (a late answer is then no fault). */
    boolean wasAsked(int from) {
        return asked.contains(from);
    }

    /** True iff {@code from} should be answered now; it never is twice. */
    boolean serve(int from) {
        waiting.remove(from);
        return served.add(from);
    }

    boolean alreadyServed(int from) {
        return served.contains(from);
    }

    /** Remembers one request for a payload not held yet (the first digest a peer asked for). */
    void await(int from, byte[] digest) {
        waiting.putIfAbsent(from, digest.clone());
    }

    /** The waiting requesters that asked for {@code digest}, ascending; removes them. */
    List<Integer> releaseWaiting(byte[] digest) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> e : waiting.entrySet()) {
            if (Arrays.equals(e.getValue(), digest) && !served.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        out.forEach(this::serve);
        return out;
    }
}
