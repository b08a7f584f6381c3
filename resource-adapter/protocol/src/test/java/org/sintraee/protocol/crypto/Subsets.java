package org.sintraee.protocol.crypto;

import java.util.ArrayList;
import java.util.List;

/** Test helper: every k-subset of {1..n}, as sorted index arrays. */
public final class Subsets {
    private Subsets() {
    }

    public static List<int[]> of(int n, int k) {
        List<int[]> out = new ArrayList<>();
        collect(1, n, k, new int[k], 0, out);
        return out;
    }

    private static void collect(int from, int n, int k, int[] current, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(current.clone());
            return;
        }
        for (int i = from; i <= n - (k - depth) + 1; i++) {
            current[depth] = i;
            collect(i + 1, n, k, current, depth + 1, out);
        }
    }
}
