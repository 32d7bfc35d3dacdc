// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact search for the stable states or the minimal trap spaces of a Boolean model, by
 * branching on node values with percolation.
 *
 * <p>A search node is a subspace P (some nodes fixed, the others free). Percolation fixes a free
 * node whose function is constant on P (for stable states, more strongly: a free node i is
 * fixed at v when, with i at 1 - v, its function cannot be 1 - v). This loses nothing: a stable
 * state in P has that value, and a trap space M that meets P also meets the percolated P (from a
 * state of M in P, updating that node alone stays in M and in P). Branching splits P on a free node, in
 * {@link BranchOrder}; a leaf is a single state.
 *
 * <ul>
 *   <li>Stable states: a fixed node whose function cannot take its value on P rules P out.
 *       Leaves are the stable states.</li>
 *   <li>Minimal trap spaces: each leaf state x gives its closure, the smallest trap space that
 *       holds x. Every minimal trap space M is the closure of each of its states, and some leaf
 *       lies in M, so the minimal trap spaces are the minimal elements of the closures found.
 *       One pruning is kept: a node fixed at 1 whose function is 0 all over P rules P out. Such
 *       a node was fixed by branching (percolation only fixes a node at its function's value),
 *       and from a state of M in P, setting that node to 0 gives a state of M in the sibling
 *       branch, which is never ruled out for the same reason with the values swapped. Each such
 *       step moves to a branch that comes earlier in the search order, so the steps end in a
 *       leaf inside M.</li>
 * </ul>
 * Not thread-safe; one instance per search.
 */
final class SubspaceSearch {
    /** What the search collects. */
    enum Mode { STABLE_STATES, MINIMAL_TRAP_SPACES }

    /**
     * The outcome.
     *
     * @param patterns one string per state or trap space ('0', '1', '-' free), in the order found
     * @param complete false when the search stopped at the limit
     */
    record Result(List<String> patterns, boolean complete) {
    }

    private final Functions m;
    private final Mode mode;
    private final long limit;
    private final int[] order;
    private final int[] stack;
    private final boolean[] queued;
    private final Set<String> found = new LinkedHashSet<>();
    private boolean stopped;

    private SubspaceSearch(Functions m, Mode mode, long limit) {
        this.m = m;
        this.mode = mode;
        this.limit = limit;
        this.order = BranchOrder.of(m);
        this.stack = new int[m.size];
        this.queued = new boolean[m.size];
    }

    /**
     * Runs the search.
     *
     * @param limit the most patterns collected; past it the search stops and the result is incomplete
     */
    static Result run(Functions m, Mode mode, long limit) {
        SubspaceSearch s = new SubspaceSearch(m, mode, limit);
        byte[] space = new byte[m.size];
        java.util.Arrays.fill(space, (byte) -1);
        int[] all = new int[m.size];
        for (int i = 0; i < m.size; i++) {
            all[i] = i;
        }
        if (s.percolate(space, all)) {
            s.search(space, 0);
        }
        List<String> out = new ArrayList<>(s.found);
        if (mode == Mode.MINIMAL_TRAP_SPACES) {
            out = minimalOnly(out);
        }
        return new Result(out, !s.stopped);
    }

    private void search(byte[] space, int from) {
        if (stopped) {
            return;
        }
        int k = from;
        while (k < order.length && space[order[k]] >= 0) {
            k++;
        }
        if (k == order.length) {
            leaf(space);
            return;
        }
        int node = order[k];
        for (byte v = 0; v <= 1 && !stopped; v++) {
            byte[] child = space.clone();
            child[node] = v;
            if (percolate(child, new int[] {node})) {
                search(child, k + 1);
            }
        }
    }

    /**
     * Fixes free nodes whose function is constant on the subspace, starting from the targets of
     * the given nodes (and the nodes themselves); false when the subspace is ruled out: a fixed
     * node whose function cannot keep its value (stable states), or cannot keep the value 1
     * (trap spaces).
     */
    private boolean percolate(byte[] space, int[] changed) {
        int top = 0;
        for (int c : changed) {
            top = push(c, top);
            for (int t : m.targets[c]) {
                top = push(t, top);
            }
        }
        boolean ok = true;
        while (top > 0) {
            int i = stack[--top];
            queued[i] = false;
            if (!ok) {
                continue;
            }
            if (space[i] < 0) {
                boolean can0;
                boolean can1;
                if (mode == Mode.STABLE_STATES) {
                    // a stable state can have node i at v only if f_i can be v with node i at v
                    space[i] = 0;
                    can0 = m.canTake(i, 0, space);
                    space[i] = 1;
                    can1 = m.canTake(i, 1, space);
                    space[i] = -1;
                    if (!can0 && !can1) {
                        ok = false;
                        continue;
                    }
                } else {
                    can0 = m.canTake(i, 0, space);
                    can1 = m.canTake(i, 1, space);
                }
                if (can0 != can1) {
                    space[i] = (byte) (can1 ? 1 : 0);
                    for (int t : m.targets[i]) {
                        top = push(t, top);
                    }
                }
            } else if ((mode == Mode.STABLE_STATES || space[i] == 1) && !m.canTake(i, space[i], space)) {
                ok = false;
            }
        }
        return ok;
    }

    private int push(int i, int top) {
        if (!queued[i]) {
            queued[i] = true;
            stack[top++] = i;
        }
        return top;
    }

    private void leaf(byte[] state) {
        String pattern;
        if (mode == Mode.STABLE_STATES) {
            for (int i = 0; i < m.size; i++) {
                if (!m.canTake(i, state[i], state)) {
                    return;
                }
            }
            pattern = digits(state);
        } else {
            pattern = closure(state);
        }
        if (!found.contains(pattern)) {
            if (found.size() >= limit) {
                stopped = true;
                return;
            }
            found.add(pattern);
        }
    }

    /** The smallest trap space holding the state: a node is freed while its function can take the other value. */
    private String closure(byte[] state) {
        int n = m.size;
        byte[] space = state.clone();
        int top = 0;
        for (int i = 0; i < n; i++) {
            top = push(i, top);
        }
        while (top > 0) {
            int i = stack[--top];
            queued[i] = false;
            if (space[i] >= 0 && m.canTake(i, 1 - space[i], space)) {
                space[i] = -1;
                for (int t : m.targets[i]) {
                    top = push(t, top);
                }
            }
        }
        StringBuilder sb = new StringBuilder(n);
        for (byte b : space) {
            sb.append(b < 0 ? '-' : (char) ('0' + b));
        }
        return sb.toString();
    }

    /** The patterns that hold no other pattern of the list. */
    static List<String> minimalOnly(List<String> patterns) {
        List<String> byFree = new ArrayList<>(patterns);
        byFree.sort(Comparator.comparingLong(SubspaceSearch::freeCount));
        List<String> minimal = new ArrayList<>();
        for (String c : byFree) {
            boolean holdsAnother = false;
            if (freeCount(c) > 0) {
                for (String d : minimal) {
                    if (contains(c, d)) {
                        holdsAnother = true;
                        break;
                    }
                }
            }
            if (!holdsAnother) {
                minimal.add(c);
            }
        }
        return minimal;
    }

    private static long freeCount(String p) {
        return p.chars().filter(ch -> ch == '-').count();
    }

    /** Whether subspace c holds subspace d (d agrees with every value c fixes). */
    private static boolean contains(String c, String d) {
        for (int i = 0; i < c.length(); i++) {
            char x = c.charAt(i);
            if (x != '-' && x != d.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String digits(byte[] state) {
        StringBuilder sb = new StringBuilder(state.length);
        for (byte b : state) {
            sb.append((char) ('0' + b));
        }
        return sb.toString();
    }
}
