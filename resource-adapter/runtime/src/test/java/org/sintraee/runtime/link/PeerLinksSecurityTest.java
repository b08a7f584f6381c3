package org.sintraee.runtime.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Strangers, impersonation and garbage are refused without disturbing the honest links. */
class PeerLinksSecurityTest {

    /** A TLS client or server presenting {@code identity} as if it were server {@code as}. */
    private static PinnedTls rogueTls(int as, TlsIdentity identity) throws Exception {
        Map<Integer, X509Certificate> pinned = new HashMap<>(LinkKeys.pinned());
        pinned.put(as, identity.certificate());
        return new PinnedTls(as, identity, pinned);
    }

    /** Dials {@code to}, handshakes and writes {@code frames}; failures are expected and ignored. */
    private static void dialAndWrite(PinnedTls tls, InetSocketAddress to, FrameWriter frames) {
        try (Socket raw = new Socket()) {
            raw.connect(to, 10_000);
            raw.setSoTimeout(10_000);
            SSLSocket s = tls.wrap(raw, true);
            s.startHandshake();
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            frames.write(out);
            out.flush();
            s.getInputStream().read(); // until the server cuts us (or sends its HELLO)
        } catch (IOException expected) {
            // the server refused us: that is the point
        }
    }

    private interface FrameWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static void helloAndData(DataOutputStream out) throws IOException {
        LinkFrames.writeHello(out, 42, 0, 0);
        LinkFrames.writeData(out, 1, new byte[] {7});
    }

    /** 100 payloads each way, tagged with an epoch not yet used for this pair. */
    private static void assertHonestLinksWork(LinkCluster c, int a, int b, int epoch) {
        int atB = c.recorders[b].count(a);
        int atA = c.recorders[a].count(b);
        c.send(epoch, a, b, 0, 100, 300);
        c.send(epoch, b, a, 0, 100, 300);
        c.awaitCount(b, a, atB + 100);
        c.awaitCount(a, b, atA + 100);
        c.assertReceived(b, a, epoch, 0, 100);
        c.assertReceived(a, b, epoch, 0, 100);
    }

    @Test
    void strangersAreRefusedAndCounted() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            c.open(2);
            c.open(3);
            assertHonestLinksWork(c, 2, 3, 0);
            // a fresh key under a made-up name, then a member's name with a different key
            dialAndWrite(rogueTls(1, LinkKeys.stranger("intruder")), c.addresses.get(3),
                    PeerLinksSecurityTest::helloAndData);
            dialAndWrite(rogueTls(1, LinkKeys.stranger("sintra-server-1")), c.addresses.get(3),
                    PeerLinksSecurityTest::helloAndData);
            LinkCluster.await(() -> c.links[3].rejectedConnections() >= 2,
                    () -> "rejected " + c.links[3].rejectedConnections());
            assertEquals(List.of(), c.recorders[3].foreign());
            assertEquals(0, c.recorders[3].count(1));
            assertFalse(c.links[3].status(1).up());
            assertHonestLinksWork(c, 2, 3, 1);
        }
    }

    @Test
    void aMemberCertificateSpeaksOnlyForItsOwner() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            c.open(2);
            c.open(3);
            c.open(4);
            // holding server 1's key lets one speak as 1, and only as 1: frames carry no id
            dialAndWrite(rogueTls(1, LinkKeys.identity(1)), c.addresses.get(3), PeerLinksSecurityTest::helloAndData);
            LinkCluster.await(() -> !c.recorders[3].foreign().isEmpty(), () -> "rogue payload");
            assertEquals(List.of(1), c.recorders[3].foreign());
            // server 4's certificate may not dial server 3 (only lower ids dial): refused, nothing delivered
            dialAndWrite(rogueTls(4, LinkKeys.identity(4)), c.addresses.get(3), PeerLinksSecurityTest::helloAndData);
            LinkCluster.await(() -> c.links[3].status(4).rejectedConnections() >= 1, () -> "wrong direction");
            assertEquals(List.of(1), c.recorders[3].foreign());
            assertHonestLinksWork(c, 3, 4, 0);
            assertHonestLinksWork(c, 2, 4, 0);
        }
    }

    @Test
    void aDialledServerMustPresentTheDialledMembersCertificate() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            PinnedTls impostor = rogueTls(3, LinkKeys.identity(3));
            try (ServerSocket fake2 = new ServerSocket()) {
                fake2.setReuseAddress(true);
                fake2.bind(c.addresses.get(2)); // server 3's key answering at server 2's address
                c.open(1);
                try (Socket raw = fake2.accept()) {
                    raw.setSoTimeout(10_000);
                    SSLSocket s = impostor.wrap(raw, false);
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException expected) {
                    // server 1 hangs up on the impostor
                }
                LinkCluster.await(() -> c.links[1].status(2).rejectedConnections() >= 1, () -> "impostor refused");
                assertFalse(c.links[1].status(2).up());
            }
        }
    }

    @Test
    void garbageAndOversizedFramesDoNotDisturbTheOthers() throws Exception {
        try (LinkCluster c = new LinkCluster()) {
            c.open(2);
            c.open(3);
            c.open(4);
            assertHonestLinksWork(c, 2, 3, 0);
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            try (Socket raw = new Socket()) {
                raw.connect(c.addresses.get(3), 10_000);
                OutputStream out = raw.getOutputStream();
                out.write(garbage);
                out.flush();
                raw.setSoTimeout(10_000);
                raw.getInputStream().read(); // until the server cuts us
            } catch (IOException expected) {
                // cut
            }
            LinkCluster.await(() -> c.links[3].rejectedConnections() >= 1, () -> "garbage refused");
            // an authenticated peer announcing a 2 GiB frame is cut before anything is allocated
            dialAndWrite(rogueTls(1, LinkKeys.identity(1)), c.addresses.get(3), out -> {
                LinkFrames.writeHello(out, 42, 0, 0);
                out.writeInt(Integer.MAX_VALUE);
                out.writeByte(LinkFrames.DATA);
                out.writeLong(1);
                out.write(garbage);
            });
            LinkCluster.await(() -> c.links[3].status(1).rejectedConnections() >= 1, () -> "oversized cut");
            assertEquals(List.of(), c.recorders[3].foreign());
            assertHonestLinksWork(c, 2, 3, 1);
            assertHonestLinksWork(c, 3, 4, 1);
            assertTrue(c.links[3].status(2).up());
        }
    }
}
