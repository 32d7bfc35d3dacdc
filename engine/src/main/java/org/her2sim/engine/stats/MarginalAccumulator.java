// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

/**
 * Each output node's probability of being on, per time window: the cheap statistic when only
 * node marginals are wanted (no states are told apart, no entropy is computed).
 *
 * <p>The kernel reports a node's switches ({@link #toggle}); the time from switching on to
 * switching off is split over the windows it crosses, whole windows counted by a difference
 * array, partly covered ones rounded to units of {@code tick / 2^31} piece by piece (where
 * {@link ProbTrajAccumulator} rounds a trajectory's sum per window and state). The sums are exact
 * integers, so results do not depend on the thread count. A window's marginal equals the sum of
 * the probabilities of the states with the node on, up to that rounding (below 1e-9).
 * Not thread-safe; one per worker.
 */
public final class MarginalAccumulator {
    private static final double Q = ProbTrajAccumulator.Q;

    private final WindowGrid grid;
    private final double scale;
    private final int windows;
    private final int nodes;
    private final double limit;
    /** Whole windows: per node, counts added at a window and removed after (index node * (windows + 1) + window). */
    private final long[] whole;
    /** Partly covered windows: quantised time per node and window. */
    private final long[] partial;
    private final double[] onSince;
    private long trajectories;

    /**
     * @param tick window width
     * @param windows number of windows
     * @param maxTime end of the trajectories
     * @param nodes number of output nodes
     */
    public MarginalAccumulator(double tick, int windows, double maxTime, int nodes) {
        this.grid = new WindowGrid(tick, windows);
        this.scale = Q / tick;
        this.windows = windows;
        this.nodes = nodes;
        this.limit = Math.min(maxTime, windows * tick);
        this.whole = new long[nodes * (windows + 1)];
        this.partial = new long[nodes * windows];
        this.onSince = new double[nodes];
    }

    /** A trajectory starts at time 0; {@code outKey} holds its output nodes' bits. */
    public void begin(long[] outKey) {
        for (int k = 0; k < nodes; k++) {
            onSince[k] = (outKey[k >>> 6] & 1L << k) != 0 ? 0 : -1;
        }
    }

    /** Output node {@code k} switches (on to off or off to on) at time {@code t}. */
    public void toggle(int k, double t) {
        double from = onSince[k];
        if (from < 0) {
            onSince[k] = t;
        } else {
            onSince[k] = -1;
            on(k, from, t);
        }
    }

    /** The trajectory ends: nodes still on count to the end. */
    public void end() {
        for (int k = 0; k < nodes; k++) {
            if (onSince[k] >= 0) {
                on(k, onSince[k], limit);
            }
        }
        trajectories++;
    }

    /** Node {@code k} was on during {@code [t0, t1)}. */
    private void on(int k, double t0, double t1) {
        if (t1 > limit) {
            t1 = limit;
        }
        if (!(t1 > t0) || !grid.split(t0, t1)) {
            return;
        }
        WindowGrid g = grid;
        add(k, g.first, g.firstPart);
        if (g.wholeTo > g.wholeFrom) {
            int base = k * (windows + 1);
            whole[base + g.wholeFrom]++;
            whole[base + g.wholeTo]--;
        }
        if (g.last >= 0) {
            add(k, g.last, g.lastPart);
        }
    }

    private void add(int k, int w, double s) {
        partial[k * windows + w] += (long) (s * scale + 0.5);
    }

    /** Adds another worker's sums to this one. */
    public void merge(MarginalAccumulator other) {
        for (int i = 0; i < whole.length; i++) {
            whole[i] += other.whole[i];
        }
        for (int i = 0; i < partial.length; i++) {
            partial[i] += other.partial[i];
        }
        trajectories += other.trajectories;
    }

    /** Trajectories seen. */
    public long trajectories() {
        return trajectories;
    }

    /** Probability of each output node per window: {@code [node][window]}. */
    public double[][] probabilities() {
        double[][] out = new double[nodes][windows];
        long n = Math.max(1, trajectories);
        for (int k = 0; k < nodes; k++) {
            long count = 0;
            int base = k * (windows + 1);
            for (int w = 0; w < windows; w++) {
                count += whole[base + w];
                out[k][w] = (count * Q + partial[k * windows + w]) / Q / n;
            }
        }
        return out;
    }
}
