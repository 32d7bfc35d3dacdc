// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.cfg.RunConfig.GroupEntry;
import org.her2sim.engine.cfg.RunConfig.IstateGroup;
import org.her2sim.engine.cfg.RunConfig.ScheduleEntry;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Param;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.expr.StateFunction;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.stats.ObservedGraphAccumulator;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.StackGuard;

/**
 * The fast form of a network and its configuration, which the kernel evaluates.
 *
 * <p>Each node's rates are a function of a few regulators (the nodes its logic and rates read,
 * itself included). Where the regulators are few, that function is tabulated: entry {@code i}
 * of {@code table[node]} is the node's flip rate when bit {@code k} of {@code i} is the value of
 * regulator {@code k} (regulator 0 is the node itself, so an odd index means the node is on and the
 * entry is its down rate). A flip of node {@code j} then updates each dependent's table index
 * with one XOR. Nodes with too many regulators keep a compiled expression instead.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class CompiledModel {
    /** Largest regulator count that gets a table (2^16 entries). */
    static final int MAX_TABLE_BITS = 16;
    /** Budget of table entries over the whole model. */
    static final long MAX_TABLE_ENTRIES = 1L << 25;

    final Network network;
    final RunConfig config;
    final int n;
    final int words;
    final int[][] regulators;
    /** Per node: offset of its table in {@link #codes}, or -1 when its rates are evaluated as expressions. */
    final int[] codeOffset;
    /** All tables, flattened: each entry is an index into the node's palette. */
    final char[] codes;
    /** Per node: offset of its palette (its distinct rate values) in {@link #palette}. */
    final int[] paletteOffset;
    final double[] palette;
    /** {@code r * log2(r)} for each palette entry (0 for r = 0), for the transition entropy. */
    final double[] paletteRateLog2;
    final StateFunction[] up;
    final StateFunction[] down;
    final int[][] depNode;
    final int[][] depBit;
    final int[] outPos;
    final int[] outNodes;
    final int[] graphNodes;
    final int outWords;
    final int[] refValue;
    final int refCount;
    final InitialStates initial;
    final double[] scheduleTimes;
    final int[][] scheduleNodes;
    final StateFunction[][] scheduleProb;
    final double timeTick;
    final double maxTime;
    final int windows;
    final long sampleCount;
    final boolean discreteTime;
    final long seed;

    private CompiledModel(Network network, RunConfig config) {
        this.network = network;
        this.config = config;
        this.n = network.size();
        this.words = Math.max(1, (n + 63) >>> 6);
        this.regulators = new int[n][];
        this.codeOffset = new int[n];
        this.paletteOffset = new int[n];
        this.up = new StateFunction[n];
        this.down = new StateFunction[n];
        this.timeTick = config.timeTick();
        this.maxTime = config.maxTime();
        this.windows = (int) (maxTime / timeTick);
        this.sampleCount = config.sampleCount();
        this.discreteTime = config.discreteTime();
        this.seed = config.seed();

        // outputs and reference nodes
        outPos = new int[n];
        List<Integer> outs = new ArrayList<>();
        refValue = new int[n];
        int refs = 0;
        for (Node node : network.nodes()) {
            int i = node.index();
            outPos[i] = config.isInternal(node.name()) ? -1 : outs.size();
            if (outPos[i] >= 0) {
                outs.add(i);
            }
            refValue[i] = config.refstates().getOrDefault(node.name(), -1);
            if (refValue[i] >= 0) {
                refs++;
            }
        }
        outNodes = new int[outs.size()];
        for (int k = 0; k < outNodes.length; k++) {
            outNodes[k] = outs.get(k);
        }
        outWords = Math.max(1, (outNodes.length + 63) >>> 6);
        refCount = refs;
        graphNodes = network.nodes().stream().filter(nd -> config.inGraph().getOrDefault(nd.name(), false))
            .mapToInt(Node::index).toArray();
        if (graphNodes.length > ObservedGraphAccumulator.MAX_NODES) {
            throw new ModelException(SourceLocation.of(config.sources().isEmpty() ? network.source() : String.join(", ", config.sources())),
                graphNodes.length + " nodes have in_graph = 1; the observed graph takes at most " + ObservedGraphAccumulator.MAX_NODES);
        }

        double[][] table = compileRates();
        // flatten the tables into 16-bit codes and per-node palettes: a table of 1024 rates with
        // two distinct values takes 2 KB instead of 8, which keeps large models in cache
        char[][] nodeCodes = new char[n][];
        double[][] palettes = new double[n][];
        int totalCodes = 0;
        int totalPalette = 0;
        for (int i = 0; i < n; i++) {
            codeOffset[i] = -1;
            if (table[i] == null || !encode(table[i], i, nodeCodes, palettes)) {
                if (table[i] != null) {
                    fallback(network.node(i));
                }
                continue;
            }
            codeOffset[i] = totalCodes;
            totalCodes += nodeCodes[i].length;
            paletteOffset[i] = totalPalette;
            totalPalette += palettes[i].length;
        }
        codes = new char[totalCodes];
        palette = new double[totalPalette];
        paletteRateLog2 = new double[totalPalette];
        for (int i = 0; i < n; i++) {
            if (codeOffset[i] < 0) {
                continue;
            }
            System.arraycopy(nodeCodes[i], 0, codes, codeOffset[i], nodeCodes[i].length);
            double[] pal = palettes[i];
            for (int c = 0; c < pal.length; c++) {
                double r = pal[c];
                palette[paletteOffset[i] + c] = r;
                paletteRateLog2[paletteOffset[i] + c] = r > 0 && Double.isFinite(r) ? r * log2(r) : 0.0;
            }
        }
        int[][][] deps = dependents();
        depNode = deps[0];
        depBit = deps[1];
        initial = InitialStates.compile(network, config, words);

        // schedule: times sorted, entries per time in node order
        TreeMap<Double, Map<Integer, StateFunction>> byTime = new TreeMap<>();
        for (ScheduleEntry e : config.schedule()) {
            int idx = network.indexOf(e.node());
            StateFunction p = ExpressionCompiler.compile(e.probability(), scope(network.node(idx), "a schedule probability"));
            byTime.computeIfAbsent(e.time(), k -> new TreeMap<>()).put(idx, p);
        }
        scheduleTimes = new double[byTime.size()];
        scheduleNodes = new int[byTime.size()][];
        scheduleProb = new StateFunction[byTime.size()][];
        int k = 0;
        for (Map.Entry<Double, Map<Integer, StateFunction>> e : byTime.entrySet()) {
            scheduleTimes[k] = e.getKey();
            scheduleNodes[k] = e.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
            scheduleProb[k] = e.getValue().values().toArray(new StateFunction[0]);
            k++;
        }
    }

    /**
     * Compiles a network with its configuration.
     *
     * @throws ModelException for an undefined parameter, a bad istate or any other semantic error
     */
    public static CompiledModel compile(Network network, RunConfig config) {
        if (network.size() == 0) {
            throw new ModelException(SourceLocation.of(network.source()), "the model has no nodes");
        }
        return StackGuard.run(SourceLocation.of(network.source()), () -> new CompiledModel(network, config));
    }

    private ExpressionCompiler.Scope scope(Node node, String context) {
        return new ExpressionCompiler.Scope() {
            @Override
            public int node(NodeRef ref) {
                int idx = network.indexOf(ref.name());
                if (idx < 0) {
                    throw new ModelException(ref.at(), "unknown node '" + ref.name() + "' in " + context);
                }
                return idx;
            }

            @Override
            public double param(Param ref) {
                Double v = config.variables().get(ref.name());
                if (v == null) {
                    throw new ModelException(ref.at(), "parameter $" + ref.name() + " is not defined in the configuration");
                }
                return v;
            }

            @Override
            public Expression attribute(AttrRef ref) {
                Expression e = node.attribute(ref.name());
                if (e == null) {
                    throw new ModelException(ref.at(), "node " + node.name() + " has no attribute '" + ref.name() + "'");
                }
                return e;
            }
        };
    }

    /**
     * Encodes a table as codes into its distinct values; false when there are more distinct values
     * than a 16-bit code can name (the node is then evaluated as an expression).
     */
    private static boolean encode(double[] t, int i, char[][] nodeCodes, double[][] palettes) {
        char[] c = new char[t.length];
        long[] pal = new long[4];
        int np = 0;
        java.util.HashMap<Long, Integer> big = null;
        for (int x = 0; x < t.length; x++) {
            long bits = Double.doubleToRawLongBits(t[x]);
            int code = -1;
            if (big == null) {
                for (int k = 0; k < np; k++) {
                    if (pal[k] == bits) {
                        code = k;
                        break;
                    }
                }
            } else {
                Integer v = big.get(bits);
                code = v == null ? -1 : v;
            }
            if (code < 0) {
                if (np == 65536) {
                    return false;
                }
                if (np == pal.length) {
                    pal = java.util.Arrays.copyOf(pal, np * 2);
                }
                code = np;
                pal[np++] = bits;
                if (big != null) {
                    big.put(bits, code);
                } else if (np > 32) {
                    // many distinct values: switch from a linear scan to a map
                    big = new java.util.HashMap<>();
                    for (int k = 0; k < np; k++) {
                        big.put(pal[k], k);
                    }
                }
            }
            c[x] = (char) code;
        }
        double[] p = new double[np];
        for (int k = 0; k < np; k++) {
            p[k] = Double.longBitsToDouble(pal[k]);
        }
        nodeCodes[i] = c;
        palettes[i] = p;
        return true;
    }

    private void fallback(Node node) {
        up[node.index()] = ExpressionCompiler.compile(node.rateUp(), scope(node, "the rate_up of " + node.name()));
        down[node.index()] = ExpressionCompiler.compile(node.rateDown(), scope(node, "the rate_down of " + node.name()));
    }



    private double[][] compileRates() {
        double[][] table = new double[n][];
        long budget = MAX_TABLE_ENTRIES;
        for (Node node : network.nodes()) {
            int i = node.index();
            Expression ru = node.rateUp();
            Expression rd = node.rateDown();
            ExpressionCompiler.Scope sc = scope(node, "the rates of " + node.name());
            List<Integer> read = new ArrayList<>();
            ExpressionCompiler.nodesRead(ru, sc, read);
            ExpressionCompiler.nodesRead(rd, sc, read);
            LinkedHashSet<Integer> regs = new LinkedHashSet<>();
            regs.add(i);
            regs.addAll(read);
            int[] r = new int[regs.size()];
            int p = 0;
            for (int reg : regs) {
                r[p++] = reg;
            }
            regulators[i] = r;
            int k = r.length;
            if (k <= MAX_TABLE_BITS && (1L << k) <= budget) {
                budget -= 1L << k;
                List<double[]> both = ExpressionCompiler.tabulate(List.of(ru, rd), sc, r);
                double[] tu = both.get(0);
                double[] td = both.get(1);
                // bit 0 is the node itself: on means the down rate applies
                for (int idx = 1; idx < tu.length; idx += 2) {
                    tu[idx] = td[idx];
                }
                table[i] = tu;
            } else {
                fallback(node);
            }
        }
        return table;
    }

    private int outPosOf(int i) {
        return outPos[i];
    }

    static double log2(double x) {
        return Math.log(x) * (1.0 / Math.log(2.0));
    }

    private int[][][] dependents() {
        List<List<int[]>> deps = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            deps.add(new ArrayList<>());
        }
        for (int d = 0; d < n; d++) {
            int[] regs = regulators[d];
            for (int b = 0; b < regs.length; b++) {
                deps.get(regs[b]).add(new int[] {d, codeOffset[d] >= 0 ? 1 << b : 0});
            }
        }
        int[][] nodes = new int[n][];
        int[][] bits = new int[n][];
        for (int j = 0; j < n; j++) {
            List<int[]> l = deps.get(j);
            nodes[j] = new int[l.size()];
            bits[j] = new int[l.size()];
            for (int k = 0; k < l.size(); k++) {
                nodes[j][k] = l.get(k)[0];
                bits[j][k] = l.get(k)[1];
            }
        }
        return new int[][][] {nodes, bits};
    }

    /** The network this model was compiled from. */
    public Network network() {
        return network;
    }

    /** The configuration this model was compiled with. */
    public RunConfig config() {
        return config;
    }

    /** Number of nodes. */
    public int size() {
        return n;
    }

    /** Indices of the output (non-internal) nodes, in node order. */
    public int[] outputNodes() {
        return outNodes.clone();
    }

    /** Indices of the {@code in_graph} nodes, in node order. */
    public int[] graphNodes() {
        return graphNodes.clone();
    }

    /** Number of reference nodes (those with a refstate of 0 or 1). */
    public int referenceCount() {
        return refCount;
    }

    /** Number of time windows, {@code (int) (max_time / time_tick)} as in MaBoSS. */
    public int windows() {
        return windows;
    }

    /** The configured time tick. */
    public double timeTick() {
        return timeTick;
    }

    /** The configured max time. */
    public double maxTime() {
        return maxTime;
    }

    /** The configured number of trajectories. */
    public long sampleCount() {
        return sampleCount;
    }

    /** The configured seed. */
    public long seed() {
        return seed;
    }

    /** Number of nodes whose rates are tabulated (the rest are evaluated as expressions). */
    public int tabulatedNodes() {
        int c = 0;
        for (int off : codeOffset) {
            if (off >= 0) {
                c++;
            }
        }
        return c;
    }

    /** Joint distributions, single istates and random nodes, compiled. */
    static final class InitialStates {
        final long[] fixedOn;
        final int[] randomNodes;
        final int[][] groupNodes;
        final double[][] groupCumulative;
        final boolean[][][] groupValues;

        private InitialStates(long[] fixedOn, int[] randomNodes, int[][] groupNodes, double[][] groupCumulative, boolean[][][] groupValues) {
            this.fixedOn = fixedOn;
            this.randomNodes = randomNodes;
            this.groupNodes = groupNodes;
            this.groupCumulative = groupCumulative;
            this.groupValues = groupValues;
        }

        boolean deterministic() {
            return randomNodes.length == 0 && groupNodes.length == 0;
        }

        static InitialStates compile(Network network, RunConfig config, int words) {
            long[] on = new long[words];
            List<Integer> random = new ArrayList<>();
            java.util.Set<String> inGroup = new java.util.HashSet<>();
            for (IstateGroup g : config.istateGroups()) {
                inGroup.addAll(g.nodes());
            }
            for (Node node : network.nodes()) {
                if (inGroup.contains(node.name())) {
                    continue;
                }
                Expression e = config.istates().get(node.name());
                if (e == null) {
                    random.add(node.index());
                    continue;
                }
                double v = ExpressionCompiler.evaluateConstant(e, config.variables(), "an istate");
                SourceLocation at = config.istateLocations().get(node.name());
                if (Double.isNaN(v) || (v > 0 && v != 1) ) {
                    throw new ModelException(at, "istate of " + node.name() + " must be 0, 1 or negative (random), not " + v);
                }
                if (v < 0) {
                    random.add(node.index());
                } else if (v == 1) {
                    on[node.index() >>> 6] |= 1L << node.index();
                }
            }
            List<int[]> gNodes = new ArrayList<>();
            List<double[]> gCum = new ArrayList<>();
            List<boolean[][]> gVals = new ArrayList<>();
            for (IstateGroup g : config.istateGroups()) {
                int[] idx = g.nodes().stream().mapToInt(network::indexOf).toArray();
                double[] w = new double[g.entries().size()];
                boolean[][] vals = new boolean[w.length][idx.length];
                double total = 0;
                for (int k = 0; k < w.length; k++) {
                    GroupEntry en = g.entries().get(k);
                    w[k] = ExpressionCompiler.evaluateConstant(en.weight(), config.variables(), "an istate weight");
                    if (!(w[k] >= 0) || Double.isInfinite(w[k])) {
                        throw new ModelException(g.at(), "istate weight must be a finite number >= 0, not " + w[k]);
                    }
                    total += w[k];
                    for (int j = 0; j < idx.length; j++) {
                        double v = ExpressionCompiler.evaluateConstant(en.values().get(j), config.variables(), "an istate value");
                        if (v != 0 && v != 1) {
                            throw new ModelException(g.at(), "istate value of " + g.nodes().get(j) + " in entry " + (k + 1) + " must be 0 or 1, not " + v);
                        }
                        vals[k][j] = v == 1;
                    }
                }
                if (!(total > 0)) {
                    throw new ModelException(g.at(), "the weights of this istate group sum to " + total + "; at least one must be positive");
                }
                double[] cum = new double[w.length];
                double acc = 0;
                for (int k = 0; k < w.length; k++) {
                    acc += w[k] / total;
                    cum[k] = acc;
                }
                cum[w.length - 1] = 1.0;
                // a group with one effective entry is fixed
                int nonZero = 0;
                int last = -1;
                for (int k = 0; k < w.length; k++) {
                    if (w[k] > 0) {
                        nonZero++;
                        last = k;
                    }
                }
                if (nonZero == 1) {
                    for (int j = 0; j < idx.length; j++) {
                        if (vals[last][j]) {
                            on[idx[j] >>> 6] |= 1L << idx[j];
                        }
                    }
                    continue;
                }
                gNodes.add(idx);
                gCum.add(cum);
                gVals.add(vals);
            }
            return new InitialStates(on, random.stream().mapToInt(Integer::intValue).toArray(),
                gNodes.toArray(new int[0][]), gCum.toArray(new double[0][]), gVals.toArray(new boolean[0][][]));
        }
    }
}
