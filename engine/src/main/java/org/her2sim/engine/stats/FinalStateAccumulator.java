// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/** Counts the output state each trajectory ends in ({@code _finalprob.csv}). Not thread-safe; one per worker. */
public final class FinalStateAccumulator implements Accumulator {
    private final StateTable states;
    private long[] counts = new long[16];
    private long trajectories;

    /** @param states the worker's state table */
    public FinalStateAccumulator(StateTable states) {
        this.states = states;
    }

    @Override
    public void begin(long trajectory) {
    }

    @Override
    public void segment(double t0, double t1, int stateId, int hd, double th) {
    }

    @Override
    public void end(int stateId) {
        if (stateId >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(stateId + 1, counts.length * 2));
        }
        counts[stateId]++;
        trajectories++;
    }

    /** Adds another worker's counts. */
    public void merge(FinalStateAccumulator other) {
        int[] map = states.remap(other.states);
        if (states.size() > counts.length) {
            counts = Arrays.copyOf(counts, states.size());
        }
        for (int i = 0; i < map.length && i < other.counts.length; i++) {
            counts[map[i]] += other.counts[i];
        }
        trajectories += other.trajectories;
    }

    /** Trajectories that ended in state {@code id}. */
    public long count(int id) {
        return id < counts.length ? counts[id] : 0;
    }

    /** Trajectories seen. */
    public long trajectories() {
        return trajectories;
    }

    /** The state table ids refer to. */
    public StateTable states() {
        return states;
    }
}
