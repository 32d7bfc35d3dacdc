// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

/**
 * MaBoSS's observed graph: the states of the {@code in_graph} nodes, how often a trajectory went
 * from one to another and how long it stayed in the first before going. A change is seen only at
 * a node flip (as in MaBoSS: a scheduled redraw shows at the next flip). Durations are summed as
 * exact integers (units of {@code time_tick / 2^31}), so merged results do not depend on threads.
 * Not thread-safe; one per worker.
 */
public final class ObservedGraphAccumulator {
    /** Most in_graph nodes: the tables hold 4^k cells. */
    public static final int MAX_NODES = 10;
    private static final double Q = 2147483648.0;

    private final int[] nodes;
    private final double unit;
    private final long[] counts;
    private final long[] durations;
    private int last;
    private double lastTime;

    /**
     * @param nodes indices of the in_graph nodes, in node order
     * @param timeTick the run's time_tick (the duration unit is {@code timeTick / 2^31})
     */
    public ObservedGraphAccumulator(int[] nodes, double timeTick) {
        if (nodes.length > MAX_NODES) {
            throw new IllegalArgumentException(nodes.length + " in_graph nodes; at most " + MAX_NODES);
        }
        this.nodes = nodes.clone();
        this.unit = timeTick / Q;
        int s = 1 << nodes.length;
        this.counts = new long[s * s];
        this.durations = new long[s * s];
    }

    /** The in_graph nodes' indices. */
    public int[] nodes() {
        return nodes.clone();
    }

    /** Number of observed states, 2^k. */
    public int states() {
        return 1 << nodes.length;
    }

    /** Observed state of a full state: bit j is the j-th in_graph node. */
    public int observe(long[] state) {
        int o = 0;
        for (int j = 0; j < nodes.length; j++) {
            int i = nodes[j];
            o |= (int) ((state[i >>> 6] >>> i) & 1L) << j;
        }
        return o;
    }

    /** A trajectory starts in {@code state} at time 0. */
    public void start(long[] state) {
        last = observe(state);
        lastTime = 0;
    }

    /** A node flipped at time {@code t}, giving {@code state}. */
    public void transition(long[] state, double t) {
        int o = observe(state);
        if (o != last) {
            int cell = last * states() + o;
            counts[cell]++;
            durations[cell] += Math.round((t - lastTime) / unit);
            last = o;
            lastTime = t;
        }
    }

    /** Adds another worker's tables. */
    public void merge(ObservedGraphAccumulator other) {
        for (int c = 0; c < counts.length; c++) {
            counts[c] += other.counts[c];
            durations[c] += other.durations[c];
        }
    }

    /** Transitions from observed state {@code from} to {@code to}. */
    public long count(int from, int to) {
        return counts[from * states() + to];
    }

    /** Mean time spent in {@code from} before going to {@code to}; 0 when never seen. */
    public double meanDuration(int from, int to) {
        int cell = from * states() + to;
        return counts[cell] == 0 ? 0 : durations[cell] * unit / counts[cell];
    }
}
