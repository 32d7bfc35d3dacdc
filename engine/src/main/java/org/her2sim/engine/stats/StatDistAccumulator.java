// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * For the first {@code statdist_traj_count} trajectories, the fraction of time each spends in
 * each output state over {@code [0, max_time]}: an estimate of its stationary distribution.
 * (MaBoSS 2.6.6 keys these by the reference nodes only, an accident this engine does not
 * copy: it uses the output nodes, as MaBoSS's documentation describes.) Not thread-safe; one
 * per worker.
 */
public final class StatDistAccumulator implements Accumulator {
    private final StateTable states;
    private final long limit;
    private final TreeMap<Long, double[]> rawByTrajectory = new TreeMap<>();
    private final TreeMap<Long, int[]> idsByTrajectory = new TreeMap<>();
    private long current = -1;
    private int n;
    private int[] ids = new int[8];
    private double[] times = new double[8];

    /**
     * @param states the worker's state table
     * @param limit number of leading trajectories to record
     */
    public StatDistAccumulator(StateTable states, long limit) {
        this.states = states;
        this.limit = limit;
    }

    @Override
    public void begin(long trajectory) {
        current = trajectory < limit ? trajectory : -1;
        n = 0;
    }

    @Override
    public void segment(double t0, double t1, int stateId, int hd, double th) {
        if (current < 0 || !(t1 > t0)) {
            return;
        }
        int k = 0;
        while (k < n && ids[k] != stateId) {
            k++;
        }
        if (k == n) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                times = Arrays.copyOf(times, n * 2);
            }
            ids[n] = stateId;
            times[n++] = 0;
        }
        times[k] += t1 - t0;
    }

    @Override
    public void end(int stateId) {
        if (current < 0) {
            return;
        }
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += times[k];
        }
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            p[k] = times[k] / total;
        }
        rawByTrajectory.put(current, p);
        idsByTrajectory.put(current, Arrays.copyOf(ids, n));
    }

    /** Adds another worker's estimates. */
    public void merge(StatDistAccumulator other) {
        int[] map = states.remap(other.states);
        for (Map.Entry<Long, int[]> e : other.idsByTrajectory.entrySet()) {
            int[] mine = e.getValue().clone();
            for (int k = 0; k < mine.length; k++) {
                mine[k] = map[mine[k]];
            }
            idsByTrajectory.put(e.getKey(), mine);
            rawByTrajectory.put(e.getKey(), other.rawByTrajectory.get(e.getKey()));
        }
    }

    /** Per recorded trajectory (by index), the state ids of this accumulator's table. */
    public TreeMap<Long, int[]> ids() {
        return idsByTrajectory;
    }

    /** Per recorded trajectory, the probability of each state listed by {@link #ids()}. */
    public TreeMap<Long, double[]> probabilities() {
        return rawByTrajectory;
    }

    /** The state table ids refer to. */
    public StateTable states() {
        return states;
    }
}
