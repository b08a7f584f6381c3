package org.sintraee.protocol.aba;

import org.sintraee.protocol.core.Bytes;
import java.util.List;
import java.util.TreeMap;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.QuorumCertificate;

/** Builds validly signed (or deliberately broken) votes of any server, for hand-fed tests. */
final class Forge {
    private final List<ServerContext> ctxs;
    final VoteChecker statements;

    Forge(List<ServerContext> ctxs, Tag tag) {
        this.ctxs = ctxs;
        this.statements = new VoteChecker(ctxs.get(0), tag, null);
    }

    byte[] sign(int server, byte[] statement) {
        return ctxs.get(server - 1).signer().sign(statement);
    }

    QuorumCertificate qc(byte[] statement, int... signers) {
        TreeMap<Integer, byte[]> sigs = new TreeMap<>();
        for (int s : signers) {
            sigs.put(s, sign(s, statement));
        }
        return new QuorumCertificate(sigs);
    }

    AbaMessage.PreProcess preProcess(int server, boolean b) {
        return new AbaMessage.PreProcess(b, Bytes.of(sign(server, statements.preProcess(b))));
    }

    AbaMessage.PreVote preVote(int server, int round, boolean b, Justification j, byte[] proof) {
        return new AbaMessage.PreVote(round, b, j, Bytes.of(proof), Bytes.of(sign(server, statements.preVote(round, b))));
    }

    AbaMessage.MainVote mainVote(int server, int round, VoteValue v, Justification j, byte[] proof) {
        return new AbaMessage.MainVote(round, v, j, Bytes.of(proof), Bytes.of(sign(server, statements.mainVote(round, v))));
    }

    /** A correct round-1 pre-process justification for b (standard variant). */
    Justification preProcessed(boolean b, int... signers) {
        return new Justification.PreProcessed(qc(statements.preProcess(b), signers));
    }
}
