// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/**
 * Counts fixed points (states with no possible transition) over all nodes, internal ones
 * included, as MaBoSS's {@code _fp.csv} does: each time a trajectory reaches one it is counted.
 * Also remembers when each was first reached (trajectory index, then order within it), which
 * fixes MaBoSS's listing order independently of threads. Not thread-safe; one per worker.
 */
public final class FixedPointAccumulator implements Accumulator {
    private final StateTable full;
    private long[] counts = new long[16];
    private long[] firstTraj = new long[16];
    private int[] firstSeq = new int[16];
    private long trajectory;
    private int seq;

    /** @param words 64-bit words per full state */
    public FixedPointAccumulator(int words) {
        this.full = new StateTable(words);
    }

    @Override
    public void begin(long trajectory) {
        this.trajectory = trajectory;
        this.seq = 0;
    }

    @Override
    public void segment(double t0, double t1, int stateId, int hd, double th) {
    }

    @Override
    public void fixedPoint(long[] fullState) {
        int before = full.size();
        int id = full.intern(fullState);
        grow(id + 1);
        if (id == before) {
            firstTraj[id] = trajectory;
            firstSeq[id] = seq;
        }
        seq++;
        counts[id]++;
    }

    private void grow(int size) {
        if (size > counts.length) {
            int n = Math.max(size, counts.length * 2);
            counts = Arrays.copyOf(counts, n);
            firstTraj = Arrays.copyOf(firstTraj, n);
            firstSeq = Arrays.copyOf(firstSeq, n);
        }
    }

    @Override
    public void end(int stateId) {
    }

    /** Adds another worker's counts; a fixed point's first time is the earlier of the two. */
    public void merge(FixedPointAccumulator other) {
        int before = full.size();
        int[] map = full.remap(other.full);
        grow(full.size());
        for (int i = 0; i < map.length; i++) {
            int id = map[i];
            boolean earlier = other.firstTraj[i] < firstTraj[id]
                || other.firstTraj[i] == firstTraj[id] && other.firstSeq[i] < firstSeq[id];
            if (id >= before || earlier) {
                firstTraj[id] = other.firstTraj[i];
                firstSeq[id] = other.firstSeq[i];
            }
            counts[id] += other.counts[i];
        }
    }

    /** Number of distinct fixed points. */
    public int size() {
        return full.size();
    }

    /** The full state (all nodes) of fixed point {@code id}. */
    public long[] state(int id) {
        return full.key(id);
    }

    /** How many times fixed point {@code id} was reached. */
    public long count(int id) {
        return counts[id];
    }

    /** Ids in the order they were first reached, as one thread running trajectories in index order meets them. */
    public Integer[] discoveryOrder() {
        Integer[] ids = new Integer[size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (a, b) -> firstTraj[a] != firstTraj[b] ? Long.compare(firstTraj[a], firstTraj[b])
            : Integer.compare(firstSeq[a], firstSeq[b]));
        return ids;
    }
}
