package org.sintraee.protocol.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.aba.AbaMessage;
import org.sintraee.protocol.aba.Justification;
import org.sintraee.protocol.abc.AbcMessage;
import org.sintraee.protocol.cbc.CbcMessage;
import org.sintraee.protocol.cbc.CbcProof;
import org.sintraee.protocol.coin.CoinMessage;
import org.sintraee.protocol.core.Bytes;
import org.sintraee.protocol.core.ServerContext;
import org.sintraee.protocol.core.Step;
import org.sintraee.protocol.core.Target;
import org.sintraee.protocol.crypto.QuorumCertificate;
import org.sintraee.protocol.crypto.Share;
import org.sintraee.protocol.mvba.MvbaMessage;

/** The byte estimate and its counting: the figures in docs/protocol-figures.md rest on these rules. */
class ByteEstimateTest {
    private static final QuorumCertificate CERT = new QuorumCertificate(Map.of(1, new byte[64], 2, new byte[64], 3, new byte[64]));

    @Test
    void aMessageCostsTheHeaderPlusItsPayload() {
        assertEquals(16 + 100, ByteEstimate.of(new CbcMessage.CSend(Bytes.of(new byte[100]))));
        assertEquals(16 + 100, ByteEstimate.of(new AbcMessage.MvbaPart(3, new MvbaMessage.CbcPart(2,
                new CbcMessage.CSend(Bytes.of(new byte[100]))))), "routing wrappers add nothing beyond the one header");
        assertEquals(16 + 50 + 64, ByteEstimate.of(new AbcMessage.Batch(0, Bytes.of(new byte[50]), Bytes.of(new byte[64]))));
    }

    @Test
    void certificatesSharesAndProofsCountAsEncoded() {
        assertEquals(4 + 3 * (8 + 64), CERT.encode().length);
        assertEquals(16 + 32 + CERT.encode().length, ByteEstimate.of(new CbcMessage.CFinal(Bytes.of(new byte[32]), CERT)));
        assertEquals(16 + 97, ByteEstimate.of(new MvbaMessage.CoinPart(new CoinMessage.CoinShare(new Share(1, new byte[97])))));
        CbcProof proof = new CbcProof(new byte[32], CERT);
        assertEquals(16 + proof.encode().length, ByteEstimate.of(MvbaMessage.VVote.one(1, 2, proof)));
        assertEquals(16, ByteEstimate.of(new MvbaMessage.VVote(1, 2, false, Optional.empty())));
        Justification abstain = new Justification.Abstain(new Justification.Hard(CERT), new Justification.Soft(CERT));
        assertEquals(16 + 2L * CERT.encode().length + 64, ByteEstimate.of(new AbaMessage.MainVote(2,
                org.sintraee.protocol.aba.VoteValue.ABSTAIN, abstain, Bytes.EMPTY, Bytes.of(new byte[64]))));
    }

    @Test
    void aBroadcastIsNTransmissionsCountedForItsSender() {
        Traffic traffic = new Traffic(7);
        Bytes payload = Bytes.of(new byte[10]);
        Step<CbcMessage, Void> step = Step.<CbcMessage, Void>builder()
                .broadcast(new CbcMessage.CSend(payload))
                .send(Target.to(3), new CbcMessage.CEcho(Bytes.of(new byte[64])))
                .build();
        traffic.record(2, step);
        assertEquals(7 + 1, traffic.messages(2));
        assertEquals(7 * (16 + 10) + (16 + 64), traffic.bytes(2));
        assertEquals(0, traffic.messages(3), "receivers are not charged");
        assertEquals(8.0, traffic.meanMessages(), "mean over metered senders only");
    }

    @Test
    void atomicBroadcastTrafficIsAttributedToItsRound() {
        Traffic traffic = new Traffic(4);
        traffic.record(1, Step.<AbcMessage, Void>builder()
                .broadcast(new AbcMessage.Batch(0, Bytes.of(new byte[4]), Bytes.of(new byte[64])))
                .broadcast(new AbcMessage.Batch(1, Bytes.of(new byte[8]), Bytes.of(new byte[64])))
                .build());
        assertEquals(4 * (16 + 8 + 64), traffic.meanBytes(1, 1));
        assertEquals(4, traffic.meanMessages(0, 0));
    }

    @Test
    void unknownMessagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ByteEstimate.of("not a protocol message"));
    }

    @Test
    void realSizedMocksSignAndShareAtProductionSizes() {
        List<ServerContext> ctxs = RealSizedMocks.contexts(4, 1);
        byte[] sig = ctxs.get(0).signer().sign(new byte[] {1});
        assertEquals(64, sig.length);
        assertEquals(true, ctxs.get(1).verifier().verify(1, new byte[] {1}, sig));
        assertEquals(false, ctxs.get(1).verifier().verify(2, new byte[] {1}, sig));
        Share share = ctxs.get(2).coinKey().share(new byte[] {9});
        assertEquals(97, share.length());
        assertEquals(true, ctxs.get(0).coin().verifyShare(new byte[] {9}, share).isValid());
        assertEquals(false, ctxs.get(0).coin().verifyShare(new byte[] {8}, share).isValid());
    }
}
