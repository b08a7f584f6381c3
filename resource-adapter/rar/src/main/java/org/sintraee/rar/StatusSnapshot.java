package org.sintraee.rar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sintraee.api.AgreementStatus;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.InboundStatus;
import org.sintraee.api.PeerStatus;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.ServerSetEntry;
import org.sintraee.protocol.core.FaultKind;
import org.sintraee.runtime.keys.Member;
import org.sintraee.runtime.keys.PublicKeys;
import org.sintraee.runtime.link.LinkStatus;
import org.sintraee.runtime.node.NodeMetrics;
import org.sintraee.runtime.replica.EngineStatus;
import org.sintraee.runtime.replica.ReplicaEngine;

/**
 * Maps a running engine to the API's {@link ReplicaStatus}. Read-only and safe from any thread:
 * it reads only the engine's snapshots (node metrics, link statuses) and the public file, so
 * nothing secret (private keys, key shares) can reach the status.
 */
final class StatusSnapshot {

    private StatusSnapshot() {
    }

    static ReplicaStatus of(ReplicaConfig config, String state, Instant startedAt, ReplicaEngine engine,
                            DeliveryActivity activity, List<InboundStatus> inbound) {
        EngineStatus e = engine.status();
        NodeMetrics m = engine.node().metrics();
        return new ReplicaStatus(config.serverId(), config.servers(), config.faulty(), state,
                config.dataDirectory().toString(), startedAt.toString(), e.ready(), e.round(), e.delivered(),
                e.linksUp(), serverSet(config.publicKeys(), config.serverId()),
                peers(e.linkUp(), engine.linkStatuses(), m), agreement(m), activity.snapshot(), inbound);
    }

    static List<ServerSetEntry> serverSet(PublicKeys keys, int self) {
        List<ServerSetEntry> set = new ArrayList<>();
        for (Member member : keys.members()) {
            set.add(new ServerSetEntry(member.id(), member.address().toString(),
                    sha256(member.certificate()), member.id() == self));
        }
        set.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return set;
    }

    /** Up/down from the engine's status (as its readiness), counters from the link snapshots. */
    static List<PeerStatus> peers(Map<Integer, Boolean> up, Map<Integer, LinkStatus> links, NodeMetrics m) {
        List<PeerStatus> peers = new ArrayList<>();
        for (Map.Entry<Integer, Boolean> peer : new TreeMap<>(up).entrySet()) {
            int id = peer.getKey();
            LinkStatus l = links.get(id);
            Map<String, Long> faults = new TreeMap<>();
            m.peers().stream().filter(p -> p.peer() == id).findFirst()
                    .ifPresent(p -> p.faults().forEach((FaultKind kind, Long count) -> faults.put(kind.name(), count)));
            peers.add(l == null
                    ? new PeerStatus(id, false, 0, 0, 0, 0, 0, 0, faults)
                    : new PeerStatus(id, peer.getValue(), l.sinceMillis(), l.lastReceivedMillis(), l.bytesIn(),
                            l.bytesOut(), l.queuedBytes(), l.dropped(), faults));
        }
        return peers;
    }

    static AgreementStatus agreement(NodeMetrics m) {
        return new AgreementStatus(m.round(), m.mvbaIteration(), m.abbaRounds(), m.coinTosses(), m.delivered(),
                m.queued(), m.mailbox(), m.syncs(), m.meanRecordsPerSync(), m.failure().isPresent(),
                m.failure().orElse(""), m.checkpoint().map(CheckpointCertificate::round).orElse(-1L),
                Math.min(m.delivered(), m.checkpoint().map(CheckpointCertificate::nextSeq).orElse(0L)));
    }

    /** The SHA-256 of the certificate's DER encoding, in lower-case hex: what {@code openssl x509 -fingerprint} shows. */
    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // every Java platform has SHA-256, and a loaded certificate re-encodes
            throw new IllegalStateException("cannot fingerprint the certificate of " + certificate.getSubjectX500Principal(), e);
        }
    }
}
