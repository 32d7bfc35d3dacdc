// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.random.RandomGenerator;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.stats.FinalStateAccumulator;
import org.her2sim.engine.stats.FixedPointAccumulator;
import org.her2sim.engine.stats.MarginalAccumulator;
import org.her2sim.engine.stats.ObservedGraphAccumulator;
import org.her2sim.engine.stats.ProbTrajAccumulator;
import org.her2sim.engine.stats.StatDistAccumulator;
import org.her2sim.engine.stats.StateTable;
import org.her2sim.engine.stats.TrajectoryRecorder;

/**
 * The stochastic simulation kernel: one trajectory at a time, continuous-time Gillespie over node
 * flips (or MaBoSS's discrete-time jump process), with incremental rate updates and a sum tree to
 * pick the flipping node. One kernel per worker thread; not thread-safe.
 *
 * <p>Per step: apply due schedule entries; if no node can flip, the state is a fixed point and
 * time jumps to the next schedule time or the end; otherwise draw the waiting time
 * ({@code -ln U / total}, or one tick in discrete time), credit the current state with it, and
 * flip one node chosen with probability proportional to its rate. A waiting time that would pass
 * a schedule time stops there without a flip (the process is memoryless, so the next step
 * redraws); MaBoSS instead flips at the schedule time, which is not the process it describes.
 */
final class Kernel {
    private final CompiledModel m;
    // concrete types, so the hot loop makes direct calls the JIT inlines the same way every run
    private final ProbTrajAccumulator probTraj;
    private final StatDistAccumulator statDist;
    private final FixedPointAccumulator fixedPoints;
    private final FinalStateAccumulator finalStates;
    private final TrajectoryRecorder recorder;
    private final ObservedGraphAccumulator observed;
    private MarginalAccumulator marginals;
    private final StateTable states;
    private final boolean needTh;

    private final long[] state;
    private final int[] idx;
    private final double[] rate;
    private final double[] tree;
    private final int leaves;
    private final long[] outKey;
    private int outId;
    private int hd;
    private long transitions;
    private double time;

    // template of the initial arrays when the initial state is deterministic
    private long[] tState;
    private int[] tIdx;
    private double[] tRate;
    private double[] tTree;
    private long[] tOut;
    private int tHd;
    private int tOutId;
    private boolean initializing;
    /** Few nodes: sum the rates and pick by a linear scan instead of keeping a sum tree. */
    private final boolean linear;

    /**
     * @param probTraj window statistics, or null ({@code --final})
     * @param statDist stationary-distribution estimates, or null
     * @param marginals node marginals only: then states, probTraj, statDist, finalStates, recorder
     *     and observed are null, and output states are not interned
     */
    Kernel(CompiledModel m, StateTable states, ProbTrajAccumulator probTraj, StatDistAccumulator statDist,
           FixedPointAccumulator fixedPoints, FinalStateAccumulator finalStates, TrajectoryRecorder recorder,
           ObservedGraphAccumulator observed, MarginalAccumulator marginals) {
        this.m = m;
        this.marginals = marginals;
        this.probTraj = probTraj;
        this.statDist = statDist;
        this.fixedPoints = fixedPoints;
        this.finalStates = finalStates;
        this.recorder = recorder;
        this.observed = observed;
        this.needTh = probTraj != null;
        this.states = states;
        this.state = new long[m.words];
        this.idx = new int[m.n];
        this.rate = new double[m.n];
        int l = 1;
        while (l < m.n) {
            l <<= 1;
        }
        this.leaves = l;
        this.tree = new double[2 * l];
        this.outKey = new long[m.outWords];
        this.linear = m.n <= LINEAR_MAX;
        if (!needTh) {
            thCache = null;
            thMap = null;
        } else if (m.n <= LINEAR_MAX) {
            thCache = new double[1 << m.n];
            java.util.Arrays.fill(thCache, Double.NaN);
            thMap = null;
        } else {
            thCache = null;
            thMap = m.words == 1 ? new long[2 * TH_MAP_SIZE] : null;
        }
    }

    /** Slots of the transition-entropy memo for models of 17 to 64 nodes (key, value bits; key 0 means empty). */
    static final int TH_MAP_SIZE = 1 << 16;
    private final long[] thMap;
    private int thMapCount;

    /**
     * Transition entropy remembered by full state (one word), in a table of fixed size filled up
     * to half; states met after that are computed each time. The value is the same either way.
     */
    private double mappedEntropy() {
        long key = state[0] + 1; // +1 keeps the all-zero state apart from an empty slot
        long h = key * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 32)) & (TH_MAP_SIZE - 1);
        while (true) {
            long k = thMap[2 * slot];
            if (k == key) {
                return Double.longBitsToDouble(thMap[2 * slot + 1]);
            }
            if (k == 0) {
                double th = transitionEntropy();
                if (thMapCount < TH_MAP_SIZE / 2) {
                    thMap[2 * slot] = key;
                    thMap[2 * slot + 1] = Double.doubleToRawLongBits(th);
                    thMapCount++;
                }
                return th;
            }
            slot = (slot + 1) & (TH_MAP_SIZE - 1);
        }
    }

    private double cachedEntropy() {
        int s = (int) state[0];
        double th = thCache[s];
        if (th != th) {
            th = transitionEntropy();
            thCache[s] = th;
        }
        return th;
    }

    /** Transition entropy by full state, for models small enough to tabulate it (NaN: not computed yet). */
    private final double[] thCache;

    /** Largest node count handled without a sum tree. */
    static final int LINEAR_MAX = 16;

    /** Sends node marginals to another accumulator from the next trajectory on (a kernel made for marginals only). */
    void marginals(MarginalAccumulator to) {
        if (marginals == null) {
            throw new IllegalStateException("not a marginals-only kernel");
        }
        marginals = to;
    }

    long transitions() {
        return transitions;
    }

    /** Runs trajectories {@code from} (inclusive) to {@code to} (exclusive). */
    void run(long from, long to) {
        for (long traj = from; traj < to; traj++) {
            trajectory(traj);
        }
    }

    private void trajectory(long traj) {
        RandomGenerator rng = SeedTree.trajectory(m.seed, traj);
        time = 0;
        initialState(rng);
        fixedPoints.begin(traj);
        if (observed != null) {
            observed.start(state);
        }
        if (probTraj != null) {
            probTraj.begin(traj);
        }
        if (marginals != null) {
            marginals.begin(outKey);
        }
        if (statDist != null) {
            statDist.begin(traj);
        }
        if (recorder != null) {
            recorder.begin(traj, fullStateLabel());
        }
        final double maxTime = m.maxTime;
        final double tick = m.timeTick;
        final double[] schedTimes = m.scheduleTimes;
        int sIdx = 0;
        double t = 0;
        double base = 0;
        long steps = 0;
        while (true) {
            while (sIdx < schedTimes.length && schedTimes[sIdx] <= t) {
                applySchedule(sIdx++, rng);
            }
            double next = sIdx < schedTimes.length ? schedTimes[sIdx] : Double.POSITIVE_INFINITY;
            double total = linear ? sumRates() : tree[1];
            double tNew;
            boolean flip;
            double th = 0;
            if (total == 0) {
                fixedPoints.fixedPoint(state);
                tNew = Math.min(next, maxTime);
                flip = false;
                // discrete time: steps after the jump count from where it lands (the next schedule time)
                base = tNew;
                steps = 0;
            } else {
                if (m.discreteTime) {
                    // exact multiples of the tick, so window boundaries never leave slivers
                    tNew = base + (++steps) * tick;
                } else {
                    // exponential waiting time; the JDK's ziggurat avoids a logarithm on most draws
                    tNew = t + rng.nextExponential() / total;
                }
                flip = true;
                if (tNew > next) {
                    tNew = next;
                    flip = false;
                    base = next;
                    steps = 0;
                }
                if (needTh) {
                    th = thCache != null ? cachedEntropy() : thMap != null ? mappedEntropy() : transitionEntropy();
                }
            }
            double tEnd = Math.min(tNew, maxTime);
            if (probTraj != null) {
                probTraj.segment(t, tEnd, outId, hd, th);
            }
            if (statDist != null) {
                statDist.segment(t, tEnd, outId, hd, th);
            }
            if (recorder != null) {
                recorder.step(tEnd, fullStateLabel(), th);
            }
            if (tNew >= maxTime) {
                break;
            }
            t = tNew;
            time = t;
            if (flip) {
                double u = rng.nextDouble() * total;
                flip(linear ? selectLinear(u) : select(u));
                transitions++;
                if (observed != null) {
                    observed.transition(state, t);
                }
            }
        }
        if (probTraj != null) {
            probTraj.end(outId);
        }
        if (statDist != null) {
            statDist.end(outId);
        }
        if (marginals != null) {
            marginals.end();
        } else {
            finalStates.end(outId);
        }
        if (recorder != null) {
            recorder.end();
        }
    }

    /**
     * Sets the initial state. The part fixed by the configuration is computed once and copied;
     * random nodes and istate groups drawn on are then switched on with {@link #flip}, which keeps
     * rates, output state and Hamming distance up to date incrementally.
     */
    private void initialState(RandomGenerator rng) {
        CompiledModel.InitialStates init = m.initial;
        if (tState == null) {
            buildTemplate(init.fixedOn);
        }
        System.arraycopy(tState, 0, state, 0, state.length);
        System.arraycopy(tIdx, 0, idx, 0, idx.length);
        System.arraycopy(tRate, 0, rate, 0, rate.length);
        if (!linear) {
            System.arraycopy(tTree, 0, tree, 0, tree.length);
        }
        System.arraycopy(tOut, 0, outKey, 0, outKey.length);
        hd = tHd;
        outId = tOutId;
        boolean intern = marginals == null;
        // random nodes and groups are switched on by flips; the output state is looked up once after
        initializing = true;
        for (int i : init.randomNodes) {
            if (rng.nextDouble() < 0.5) {
                flip(i);
            }
        }
        for (int g = 0; g < init.groupNodes.length; g++) {
            double u = rng.nextDouble();
            double[] cum = init.groupCumulative[g];
            int k = 0;
            while (k < cum.length - 1 && u >= cum[k]) {
                k++;
            }
            int[] nodes = init.groupNodes[g];
            for (int j = 0; j < nodes.length; j++) {
                if (init.groupValues[g][k][j]) {
                    flip(nodes[j]);
                }
            }
        }
        initializing = false;
        if (intern && (init.randomNodes.length > 0 || init.groupNodes.length > 0)) {
            outId = internOut();
        }
    }

    private void buildTemplate(long[] fixedOn) {
        System.arraycopy(fixedOn, 0, state, 0, state.length);
        java.util.Arrays.fill(tree, 0.0);
        for (int i = 0; i < m.n; i++) {
            int[] regs = m.regulators[i];
            if (m.codeOffset[i] >= 0) {
                int x = 0;
                for (int b = 0; b < regs.length; b++) {
                    int r = regs[b];
                    if ((state[r >>> 6] & (1L << r)) != 0) {
                        x |= 1 << b;
                    }
                }
                idx[i] = x;
            }
            double r = evalRate(i);
            rate[i] = r;
            tree[leaves + i] = r;
        }
        for (int p = leaves - 1; p >= 1; p--) {
            tree[p] = tree[2 * p] + tree[2 * p + 1];
        }
        java.util.Arrays.fill(outKey, 0L);
        for (int k = 0; k < m.outNodes.length; k++) {
            int i = m.outNodes[k];
            if ((state[i >>> 6] & (1L << i)) != 0) {
                outKey[k >>> 6] |= 1L << k;
            }
        }
        hd = 0;
        for (int i = 0; i < m.n; i++) {
            if (m.refValue[i] >= 0 && bit(i) != m.refValue[i]) {
                hd++;
            }
        }
        tState = state.clone();
        tIdx = idx.clone();
        tRate = rate.clone();
        tTree = tree.clone();
        tOut = outKey.clone();
        tHd = hd;
        tOutId = marginals == null ? internOut() : -1;
    }

    /** Active nodes of the full state, internal ones included, as {@code A -- B}; {@code <nil>} if none. */
    private String fullStateLabel() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.n; i++) {
            if (bit(i) != 0) {
                if (sb.length() > 0) {
                    sb.append(" -- ");
                }
                sb.append(m.network.node(i).name());
            }
        }
        return sb.length() == 0 ? "<nil>" : sb.toString();
    }

    private int bit(int i) {
        return (int) ((state[i >>> 6] >>> i) & 1L);
    }

    private int internOut() {
        return outKey.length == 1 ? states.intern(outKey[0]) : states.intern(outKey);
    }

    private double evalRate(int i) {
        int co = m.codeOffset[i];
        double r;
        if (co >= 0) {
            r = m.palette[m.paletteOffset[i] + m.codes[co + idx[i]]];
        } else {
            r = bit(i) != 0 ? m.down[i].eval(state) : m.up[i].eval(state);
        }
        if (!(r >= 0) || r == Double.POSITIVE_INFINITY) {
            throw badRate(i, r);
        }
        return r;
    }

    private ModelException badRate(int i, double r) {
        Node node = m.network.node(i);
        String which = bit(i) != 0 ? "rate_down" : "rate_up";
        return new ModelException(node.declaredAt(), "node " + node.name() + ": " + which + " is " + r
            + " at time " + time + " (rates must be finite and >= 0)");
    }

    private void flip(int j) {
        state[j >>> 6] ^= 1L << j;
        int[] dn = m.depNode[j];
        int[] db = m.depBit[j];
        double[] tr = tree;
        final int[] codeOffset = m.codeOffset;
        final int[] paletteOffset = m.paletteOffset;
        final char[] codes = m.codes;
        final double[] palette = m.palette;
        for (int k = 0; k < dn.length; k++) {
            int d = dn[k];
            int co = codeOffset[d];
            double r;
            if (co >= 0) {
                int x = idx[d] ^ db[k];
                idx[d] = x;
                r = palette[paletteOffset[d] + codes[co + x]];
                if (!(r >= 0) || r == Double.POSITIVE_INFINITY) {
                    throw badRate(d, r);
                }
            } else {
                r = evalRate(d);
            }
            if (r != rate[d]) {
                rate[d] = r;
                if (linear) {
                    continue;
                }
                // up to the root, carrying the sum in a register (IEEE addition is commutative: the
                // same sums as recomputing each parent from its two children)
                int p = leaves + d;
                double v = r;
                tr[p] = v;
                while (p > 1) {
                    v += tr[p ^ 1];
                    p >>>= 1;
                    tr[p] = v;
                }
            }
        }
        int op = m.outPos[j];
        if (op >= 0) {
            outKey[op >>> 6] ^= 1L << op;
            // during the initial flips the output state is looked up (or the marginals started) after
            if (!initializing) {
                if (marginals != null) {
                    marginals.toggle(op, time);
                } else {
                    outId = internOut();
                }
            }
        }
        int ref = m.refValue[j];
        if (ref >= 0) {
            hd += bit(j) != ref ? 1 : -1;
        }
    }

    private double sumRates() {
        double total = 0;
        for (double r : rate) {
            total += r;
        }
        return total;
    }

    /** The node whose cumulative rate first exceeds u, skipping zero rates (rounding can leave u at the total). */
    private int selectLinear(double u) {
        int last = -1;
        for (int i = 0; i < rate.length; i++) {
            double r = rate[i];
            if (r > 0) {
                if (u < r) {
                    return i;
                }
                u -= r;
                last = i;
            }
        }
        return last;
    }

    private int select(double u) {
        double[] tr = tree;
        int p = 1;
        while (p < leaves) {
            int l = 2 * p;
            double left = tr[l];
            if (u < left || tr[l + 1] == 0) {
                p = l;
            } else {
                u -= left;
                p = l + 1;
            }
        }
        return p - leaves;
    }

    private double transitionEntropy() {
        if (m.n == 1) {
            return 0;
        }
        double total = 0;
        double rl = 0;
        for (int i : m.outNodes) {
            double r = rate[i];
            if (r > 0) {
                total += r;
                int co = m.codeOffset[i];
                rl += co >= 0 ? m.paletteRateLog2[m.paletteOffset[i] + m.codes[co + idx[i]]] : r * CompiledModel.log2(r);
            }
        }
        if (total == 0) {
            return 0;
        }
        double th = CompiledModel.log2(total) - rl / total;
        return th > 0 ? th : 0;
    }

    private void applySchedule(int s, RandomGenerator rng) {
        int[] nodes = m.scheduleNodes[s];
        for (int k = 0; k < nodes.length; k++) {
            int j = nodes[k];
            double p = m.scheduleProb[s][k].eval(state);
            boolean on = rng.nextDouble() < p;
            if (on != (bit(j) != 0)) {
                flip(j);
            }
        }
    }
}
