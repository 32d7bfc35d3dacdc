// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/**
 * Counts fixed points (states with no possible transition) over all nodes, internal ones
 * included, as MaBoSS's {@code _fp.csv} does: each time a trajectory reaches one it is counted.
 * Not thread-safe; one per worker.
 */
public final class FixedPointAccumulator implements Accumulator {
    private final StateTable full;
    private long[] counts = new long[16];

    /** @param words 64-bit words per full state */
    public FixedPointAccumulator(int words) {
        this.full = new StateTable(words);
    }

    @Override
    public void begin(long trajectory) {
    }

    @Override
    public void segment(double t0, double t1, int stateId, int hd, double th) {
    }

    @Override
    public void fixedPoint(long[] fullState) {
        int id = full.intern(fullState);
        if (id >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
        }
        counts[id]++;
    }

    @Override
    public void end(int stateId) {
    }

    /** Adds another worker's counts. */
    public void merge(FixedPointAccumulator other) {
        int[] map = full.remap(other.full);
        if (full.size() > counts.length) {
            counts = Arrays.copyOf(counts, full.size());
        }
        for (int i = 0; i < map.length; i++) {
            counts[map[i]] += other.counts[i];
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
}
