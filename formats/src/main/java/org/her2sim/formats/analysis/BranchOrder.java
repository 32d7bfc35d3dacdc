// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which {@link SubspaceSearch} branches: inputs first, then a feedback vertex set
 * of the interaction graph (found greedily), then every other node. Once the nodes of a
 * feedback vertex set are fixed, what is left of the graph has no cycle, so percolation fixes
 * the rest; branching on them first keeps the search tree small.
 */
final class BranchOrder {
    private BranchOrder() {
    }

    static int[] of(Functions m) {
        int n = m.size;
        List<Integer> order = new ArrayList<>();
        boolean[] removed = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (m.isInput(i)) {
                order.add(i);
                removed[i] = true;
            }
        }
        while (true) {
            trimAcyclicPart(m, removed);
            int best = -1;
            long bestScore = -1;
            for (int i = 0; i < n; i++) {
                if (removed[i]) {
                    continue;
                }
                long in = live(m.regulators[i], removed) - (selfLoop(m, i) ? 1 : 0);
                long out = live(m.targets[i], removed) - (selfLoop(m, i) ? 1 : 0);
                long score = (in + 1) * (out + 1);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                break;
            }
            order.add(best);
            removed[best] = true;
        }
        boolean[] listed = new boolean[n];
        order.forEach(i -> listed[i] = true);
        for (int i = 0; i < n; i++) {
            if (!listed[i]) {
                order.add(i);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Removes, repeatedly, the nodes with no live regulator or no live target: they lie on no cycle. */
    private static void trimAcyclicPart(Functions m, boolean[] removed) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < m.size; i++) {
                if (!removed[i] && (live(m.regulators[i], removed) == 0 || live(m.targets[i], removed) == 0)) {
                    removed[i] = true;
                    changed = true;
                }
            }
        }
    }

    private static int live(int[] nodes, boolean[] removed) {
        int c = 0;
        for (int j : nodes) {
            if (!removed[j]) {
                c++;
            }
        }
        return c;
    }

    private static boolean selfLoop(Functions m, int i) {
        for (int r : m.regulators[i]) {
            if (r == i) {
                return true;
            }
        }
        return false;
    }
}
