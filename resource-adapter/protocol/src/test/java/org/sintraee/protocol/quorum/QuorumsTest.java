package org.sintraee.protocol.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Checks every predicate of {@link Quorums} against its definition, by naive counting over
 * every subset of servers, for every n up to 10 and every t with n > 3t (etcd-raft checks
 * its quorum package the same way).
 */
class QuorumsTest {

    @Test
    void predicatesMatchTheirDefinitionsOverEverySubset() {
        for (int n = 1; n <= 10; n++) {
            for (int t = 0; 3 * t < n; t++) {
                check(Quorums.threshold(n, t));
            }
        }
    }

    private static void check(Quorums q) {
        int n = q.n();
        int t = q.t();
        List<Set<Integer>> all = subsets(n);
        List<Set<Integer>> corruptible = all.stream().filter(s -> s.size() <= t).toList();
        for (Set<Integer> s : all) {
            // contains an honest server: no corruptible set covers it
            boolean naiveHonest = corruptible.stream().noneMatch(c -> c.containsAll(s));
            assertEquals(naiveHonest, q.containsHonest(s), q + " containsHonest " + s);
            // a quorum: it contains all servers outside some corruptible set (the honest ones can be waited for)
            boolean naiveQuorum = corruptible.stream().anyMatch(c -> s.containsAll(complement(n, c)));
            assertEquals(naiveQuorum, q.isQuorum(s), q + " isQuorum " + s);
        }
        // echo quorum: the smallest size k such that any two sets of size k meet in a set containing
        // an honest server; it must also be waitable (k <= n - t)
        int naiveEcho = -1;
        for (int k = 0; k <= n && naiveEcho < 0; k++) {
            final int size = k;
            List<Set<Integer>> ofSize = all.stream().filter(s -> s.size() == size).toList();
            boolean intersect = true;
            for (Set<Integer> a : ofSize) {
                for (Set<Integer> b : ofSize) {
                    Set<Integer> both = new TreeSet<>(a);
                    both.retainAll(b);
                    if (!q.containsHonest(both)) {
                        intersect = false;
                        break;
                    }
                }
                if (!intersect) {
                    break;
                }
            }
            if (intersect) {
                naiveEcho = k;
            }
        }
        assertEquals(naiveEcho, q.echoQuorum(), q + " echoQuorum");
        assertTrue(q.echoQuorum() <= q.quorum(), q + " echo quorum must be waitable");
        for (Set<Integer> s : all) {
            assertEquals(s.size() >= naiveEcho, q.isEchoQuorum(s), q + " isEchoQuorum " + s);
            // 2t + 1 readies: t + 1 of them are honest, enough to make every honest server send READY
            assertEquals(s.size() >= 2 * t + 1, q.isReadyToDeliver(s), q + " readyToDeliver " + s);
        }
    }

    @Test
    void duplicatesAndStrangersDoNotCount() {
        Quorums q = Quorums.threshold(4, 1);
        assertFalse(q.containsHonest(List.of(2, 2, 2)));
        assertTrue(q.containsHonest(List.of(2, 3)));
        assertFalse(q.isQuorum(List.of(1, 2, 5, 0)), "5 and 0 are not servers");
        assertTrue(q.isQuorum(List.of(1, 2, 4)));
    }

    @Test
    void resilienceIsEnforced() {
        assertThrows(IllegalArgumentException.class, () -> Quorums.threshold(3, 1));
        assertThrows(IllegalArgumentException.class, () -> Quorums.threshold(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Quorums.threshold(4, -1));
        assertEquals(2, Quorums.optimal(7).t());
        assertEquals(3, Quorums.optimal(10).t());
    }

    private static List<Set<Integer>> subsets(int n) {
        List<Set<Integer>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << n); mask++) {
            Set<Integer> s = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    s.add(i + 1);
                }
            }
            out.add(s);
        }
        return out;
    }

    private static Set<Integer> complement(int n, Set<Integer> c) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            if (!c.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
