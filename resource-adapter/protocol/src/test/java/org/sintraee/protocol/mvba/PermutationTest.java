package org.sintraee.protocol.mvba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sintraee.protocol.crypto.Hashes;

class PermutationTest {

    private static byte[] seed(int i) {
        return Hashes.sha256("test/seed", Hashes.int32(i));
    }

    @Test
    void isAPermutationOfTheServers() {
        for (int n = 1; n <= 31; n++) {
            for (int s = 0; s < 20; s++) {
                Permutation p = Permutation.fromSeed(seed(s), n);
                assertEquals(n, p.size());
                Set<Integer> seen = new TreeSet<>(p.order());
                assertEquals(n, seen.size(), "no candidate twice: " + p);
                assertEquals(1, (int) ((TreeSet<Integer>) seen).first());
                assertEquals(n, (int) ((TreeSet<Integer>) seen).last());
                for (int l = 1; l <= n; l++) {
                    assertEquals(p.order().get(l - 1), p.candidate(l));
                }
            }
        }
    }

    @Test
    void deterministicFromTheSeed() {
        for (int s = 0; s < 20; s++) {
            assertEquals(Permutation.fromSeed(seed(s), 10).order(), Permutation.fromSeed(seed(s).clone(), 10).order());
        }
        // Known answers: changing the derivation changes every server's Π, so it must be deliberate.
        assertEquals(List.of(7, 5, 6, 4, 2, 3, 1), Permutation.fromSeed(new byte[32], 7).order());
        assertEquals(List.of(1, 4, 2, 7, 5, 8, 3, 10, 9, 6), Permutation.fromSeed(new byte[32], 10).order());
    }

    @Test
    void differsAcrossSeeds() {
        Set<List<Integer>> distinct = new java.util.HashSet<>();
        for (int s = 0; s < 200; s++) {
            distinct.add(Permutation.fromSeed(seed(s), 10).order());
        }
        assertTrue(distinct.size() >= 195, "10! orders, 200 seeds: nearly all distinct, got " + distinct.size());
        assertNotEquals(Permutation.fromSeed(seed(1), 4).order(), Permutation.fromSeed(seed(2), 4).order());
    }

    @Test
    void firstCandidateRoughlyUniform() {
        int n = 4;
        int[] first = new int[n + 1];
        int draws = 4000;
        for (int s = 0; s < draws; s++) {
            first[Permutation.fromSeed(seed(s), n).candidate(1)]++;
        }
        for (int c = 1; c <= n; c++) {
            assertTrue(Math.abs(first[c] - draws / n) < draws / n / 5, "Π(1) = " + c + " in " + first[c] + " of " + draws);
        }
    }
}
