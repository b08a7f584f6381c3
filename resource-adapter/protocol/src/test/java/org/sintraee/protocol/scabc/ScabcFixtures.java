package org.sintraee.protocol.scabc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.sintraee.protocol.core.Tag;
import org.sintraee.protocol.crypto.Ciphertext;
import org.sintraee.protocol.crypto.DecryptionKey;
import org.sintraee.protocol.crypto.SeededRandom;
import org.sintraee.protocol.crypto.ThresholdDecryption;
import org.sintraee.protocol.crypto.ec.DlogSharing;
import org.sintraee.protocol.crypto.ec.Tdh2;
import org.sintraee.protocol.crypto.ec.Tdh2Key;
import org.sintraee.protocol.crypto.mock.InsecureMockDecryption;
import org.sintraee.protocol.quorum.Quorums;

/** Keys and ordered workloads (honest requests mixed with attacks) for SC-ABC tests, with the expected outputs. */
final class ScabcFixtures {
    static final Tag TAG = Tag.of("svc", "scabc");

    private ScabcFixtures() {
    }

    /** A scheme, every server's key (index i-1 is server i), and the length of the part a splice keeps. */
    record Crypto(ThresholdDecryption scheme, List<DecryptionKey> keys, int headBytes) {
        static Crypto mock(int n) {
            InsecureMockDecryption m = new InsecureMockDecryption(n, Quorums.optimal(n).honestOne());
            return new Crypto(m, m.keys(), 48); // nonce || check
        }

        static Crypto real(int n, long seed) {
            DlogSharing dealing = DlogSharing.deal(n, Quorums.optimal(n).honestOne(), new SeededRandom(seed));
            Tdh2 scheme = Tdh2.of(dealing);
            List<DecryptionKey> keys = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                keys.add(Tdh2Key.of(scheme, dealing, i));
            }
            return new Crypto(scheme, keys, 132); // u || u-bar || e || f
        }

        DecryptionKey key(int server) {
            return keys.get(server - 1);
        }
    }

    enum Kind {
        /** An honest client's request at its own position. */
        HONEST,
        /** A whole copy of an honest ciphertext (same u), ordered before or after it. */
        COPY,
        /** Undecodable bytes. */
        JUNK,
        /** An honest TDH2 part with the attacker's payload. */
        SPLICE,
        /** An honest body under another (well-formed) label. */
        RELABEL,
        /** Valid, but its payload is sealed under another service's key (real TDH2 only). */
        WRONG_KEY
    }

    /** One ordered position: its bytes, what it is, and (for HONEST/COPY/SPLICE/RELABEL) the honest request it came from. */
    record Entry(byte[] encoded, Kind kind, int origin) {
    }

    /**
     * The ordered sequence and what every honest server must output for it: for each position
     * the plaintext, or null and the skip reason's prefix. {@code shared} holds the positions
     * honest servers may release a share for.
     */
    record Workload(List<Entry> entries, List<byte[]> plaintexts, List<String> skips, Set<Long> shared) {
        int size() {
            return entries.size();
        }
    }

    /**
     * {@code requests} honest requests in order, with the attacks in {@code attacks} inserted:
     * front-running ones (COPY, SPLICE, RELABEL) before the request they copy, a replayed COPY
     * after it, JUNK anywhere, WRONG_KEY anywhere (needs {@code otherService}).
     */
    static Workload build(Crypto crypto, ThresholdDecryption otherService, SplittableRandom rnd, long seed,
                          int requests, List<Kind> attacks) {
        List<byte[]> plain = new ArrayList<>();
        List<Entry> seq = new ArrayList<>();
        for (int k = 0; k < requests; k++) {
            byte[] m = new byte[rnd.nextInt(10) == 0 ? 3000 : rnd.nextInt(0, 80)];
            rnd.nextBytes(m);
            plain.add(m);
            Ciphertext c = ScabcClient.encrypt(crypto.scheme(), TAG, "client-" + (k % 3), k, m,
                    new SeededRandom(seed * 1_000 + k));
            seq.add(new Entry(c.encode(), Kind.HONEST, k));
        }
        for (Kind attack : attacks) {
            int j = rnd.nextInt(requests);
            int at = positionOf(seq, j);
            Ciphertext honest = Ciphertext.decode(seq.get(at).encoded()).get();
            switch (attack) {
                case COPY -> {
                    boolean before = rnd.nextBoolean();
                    int where = before ? rnd.nextInt(at + 1) : rnd.nextInt(at + 1, seq.size() + 1);
                    seq.add(where, new Entry(honest.encode(), Kind.COPY, j));
                }
                case SPLICE -> {
                    // The honest head (TDH2 part) with the attacker's payload; never empty, or a
                    // splice of an empty mock payload would be a whole copy.
                    byte[] junk = new byte[Math.max(1, honest.bodyLength() - crypto.headBytes())];
                    rnd.nextBytes(junk);
                    byte[] body = new byte[crypto.headBytes() + junk.length];
                    System.arraycopy(honest.bodyRange(0, crypto.headBytes()), 0, body, 0, crypto.headBytes());
                    System.arraycopy(junk, 0, body, crypto.headBytes(), junk.length);
                    seq.add(rnd.nextInt(at + 1), new Entry(new Ciphertext(honest.label(), body).encode(), Kind.SPLICE, j));
                }
                case RELABEL -> {
                    byte[] label = rnd.nextBoolean() ? ScabcClient.label(TAG, "mallory", 7)
                            : ScabcClient.label(Tag.of("svc", "other"), "client-0", j);
                    seq.add(rnd.nextInt(at + 1), new Entry(new Ciphertext(label, honest.body()).encode(), Kind.RELABEL, j));
                }
                case JUNK -> {
                    byte[] junk = new byte[rnd.nextInt(0, 200)];
                    rnd.nextBytes(junk);
                    seq.add(rnd.nextInt(seq.size() + 1), new Entry(junk, Kind.JUNK, -1));
                }
                case WRONG_KEY -> {
                    Ciphertext c = ScabcClient.encrypt(otherService, TAG, "mallory", 1, new byte[] {1, 2, 3},
                            new SeededRandom(seed * 1_000 + 999));
                    seq.add(rnd.nextInt(seq.size() + 1), new Entry(c.encode(), Kind.WRONG_KEY, -1));
                }
                default -> throw new IllegalArgumentException(attack.toString());
            }
        }
        return expect(seq, plain);
    }

    private static int positionOf(List<Entry> seq, int request) {
        for (int i = 0; i < seq.size(); i++) {
            if (seq.get(i).kind() == Kind.HONEST && seq.get(i).origin() == request) {
                return i;
            }
        }
        throw new IllegalStateException("request " + request + " not in the sequence");
    }

    /** The model: invalid positions skipped, the first of each u decrypted, later ones skipped as replays. */
    private static Workload expect(List<Entry> seq, List<byte[]> plain) {
        List<byte[]> plaintexts = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        Set<Long> shared = new TreeSet<>();
        Set<Integer> opened = new TreeSet<>();
        for (int i = 0; i < seq.size(); i++) {
            Entry e = seq.get(i);
            switch (e.kind()) {
                case HONEST, COPY -> {
                    if (opened.add(e.origin())) {
                        plaintexts.add(plain.get(e.origin()));
                        skips.add(null);
                        shared.add((long) i);
                    } else {
                        plaintexts.add(null);
                        skips.add("replays the key");
                    }
                }
                case WRONG_KEY -> {
                    plaintexts.add(null);
                    skips.add("payload does not decrypt");
                    shared.add((long) i);
                }
                default -> {
                    plaintexts.add(null);
                    skips.add("invalid ciphertext");
                }
            }
        }
        return new Workload(List.copyOf(seq), plaintexts, skips, shared);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
