// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.sim.SimulationResult.FinalState;
import org.her2sim.engine.sim.SimulationResult.FixedPoint;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.engine.stats.ObservedGraphAccumulator;
import org.her2sim.engine.stats.StatDist;

/**
 * Writes results in MaBoSS's tab-separated layouts, so tools that read MaBoSS's files (pyMaBoSS,
 * spreadsheets) read ours. States are listed in sorted order, so the same seed gives
 * byte-identical files.
 */
public final class MabossCsvWriter {
    private MabossCsvWriter() {
    }

    /**
     * {@code _probtraj.csv}: {@code Time TH ErrorTH H HD=0..HD=r} then {@code State Proba ErrorProba}
     * repeated, one row per window; times, TH and H with 4 decimals, probabilities with 6.
     */
    public static void probTraj(OutputStream os, ProbTraj pt) throws IOException {
        probTraj(os, pt, false);
    }

    /** {@code _probtraj.csv}; with {@code hex} every number but the time as {@code %a} (MaBoSS's {@code --hexfloat}). */
    public static void probTraj(OutputStream os, ProbTraj pt, boolean hex) throws IOException {
        int maxStates = 0;
        for (ProbTraj.Window w : pt.windows()) {
            maxStates = Math.max(maxStates, w.states().length);
        }
        AsciiBuffer out = new AsciiBuffer(os);
        out.text("Time\tTH\tErrorTH\tH");
        for (int d = 0; d <= pt.referenceNodes(); d++) {
            out.text("\tHD=").integer(d);
        }
        byte[] triple = "\tState\tProba\tErrorProba".getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < maxStates; k++) {
            out.bytes(triple);
        }
        out.ch('\n');
        // each state's label is encoded once; windows share the label strings
        IdentityHashMap<String, byte[]> encoded = new IdentityHashMap<>();
        for (ProbTraj.Window w : pt.windows()) {
            out.fixed(w.time(), 4).ch('\t');
            num(out, w.th(), 4, hex).ch('\t');
            num(out, w.thError(), 4, hex).ch('\t');
            num(out, w.h(), 4, hex);
            for (double hd : w.hd()) {
                num(out.ch('\t'), hd, 4, hex);
            }
            out.ch('\t');
            String[] st = w.states();
            for (int k = 0; k < st.length; k++) {
                byte[] label = encoded.computeIfAbsent(st[k], s -> s.getBytes(StandardCharsets.UTF_8));
                num(out.bytes(label).ch('\t'), w.proba()[k], 6, hex).ch('\t');
                num(out, w.error()[k], 6, hex).ch('\t');
            }
            out.ch('\n');
        }
        out.flush();
    }

    private static AsciiBuffer num(AsciiBuffer out, double v, int decimals, boolean hex) throws IOException {
        return hex ? out.text(Fmt.hex(v)) : out.fixed(v, decimals);
    }

    private static String num(double v, int digits, boolean hex) {
        return hex ? Fmt.hex(v) : Fmt.general(v, digits);
    }

    /** {@code _fp.csv} in the order of the smallest MaBoSS build that holds the model. */
    public static void fixedPoints(Writer out, SimulationResult r) throws IOException {
        fixedPoints(out, r, SimulationResult.hashWidth(r.model().size()), false);
    }

    /**
     * {@code _fp.csv}: the count line, then {@code FP Proba State} and one column per node, fixed
     * points in the order MaBoSS's build for {@code width} nodes lists them.
     */
    public static void fixedPoints(Writer out, SimulationResult r, int width, boolean hex) throws IOException {
        List<FixedPoint> fps = r.fixedPoints(width);
        Network net = r.model().network();
        out.append("Fixed Points (").append(Integer.toString(fps.size())).append(")\n");
        if (fps.isEmpty()) {
            return;
        }
        out.append("FP\tProba\tState");
        for (int i = 0; i < net.size(); i++) {
            out.append('\t').append(net.node(i).name());
        }
        out.append('\n');
        int k = 1;
        for (FixedPoint fp : fps) {
            out.append('#').append(Integer.toString(k++)).append('\t').append(num(fp.proba(), 6, hex))
                .append('\t').append(fp.state());
            for (int v : fp.values()) {
                out.append('\t').append(Integer.toString(v));
            }
            out.append('\n');
        }
    }

    /** {@code _finalprob.csv}: {@code Proba State} rows (MaBoSS writes no header; neither do we). */
    public static void finalProb(Writer out, SimulationResult r) throws IOException {
        finalProb(out, r, false);
    }

    /** {@code _finalprob.csv}, probabilities as {@code %a} with {@code hex}. */
    public static void finalProb(Writer out, SimulationResult r, boolean hex) throws IOException {
        for (FinalState f : r.finalStates()) {
            out.append(num(f.proba(), 6, hex)).append('\t').append(f.state()).append('\n');
        }
    }

    /** {@code _statdist.csv}: per-trajectory estimates, each cluster's members, then the cluster distributions. */
    public static void statDist(Writer out, StatDist sd) throws IOException {
        statDist(out, sd, false);
    }

    /** {@code _statdist.csv}, numbers as {@code %a} with {@code hex}. */
    public static void statDist(Writer out, StatDist sd, boolean hex) throws IOException {
        out.append("Trajectory\tState\tProba\tState\tProba\n");
        int k = 1;
        for (StatDist.Estimate e : sd.trajectories()) {
            estimate(out, "#" + k++, e, hex);
        }
        int c = 1;
        for (StatDist.Cluster cl : sd.clusters()) {
            out.append("\nTrajectory[cluster=#").append(Integer.toString(c++)).append(",size=")
                .append(Integer.toString(cl.members().size())).append("]\tState\tProba\tState\tProba\tState\tProba\tState\tProba ...\n");
            int m = 1;
            for (StatDist.Estimate e : cl.members()) {
                estimate(out, "#" + m++, e, hex);
            }
        }
        out.append("\nCluster\tState\tProba\tErrorProba\tState\tProba\tErrorProba\tState\tProba\tErrorProba\tState\tProba\tErrorProba...\n");
        c = 1;
        for (StatDist.Cluster cl : sd.clusters()) {
            out.append('#').append(Integer.toString(c++));
            for (int i = 0; i < cl.states().length; i++) {
                out.append('\t').append(cl.states()[i]).append('\t').append(sig10(cl.proba()[i], hex))
                    .append('\t').append(sig10(cl.error()[i], hex));
            }
            out.append('\n');
        }
    }

    private static String sig10(double v, boolean hex) {
        // MaBoSS: a stream with precision 10, i.e. %.10g
        return hex ? Fmt.hex(v) : Fmt.general(v, 10);
    }

    private static void estimate(Writer out, String tag, StatDist.Estimate e, boolean hex) throws IOException {
        out.append(tag);
        for (int i = 0; i < e.states().length; i++) {
            out.append('\t').append(e.states()[i]).append('\t').append(sig10(e.proba()[i], hex));
        }
        out.append('\n');
    }

    /**
     * {@code _observed_graph.csv} ({@code durations} false: transition counts) or
     * {@code _observed_durations.csv} (true: mean time in the row's state before going to the
     * column's): a header of every observed state, then one row per state, states in increasing
     * order of their node bits; with no {@code in_graph} node, the single state {@code <nil>}.
     */
    public static void observedGraph(Writer out, SimulationResult r, boolean durations) throws IOException {
        ObservedGraphAccumulator g = r.observedGraph();
        Network net = r.model().network();
        int[] nodes = g == null ? new int[0] : g.nodes();
        int n = 1 << nodes.length;
        String[] names = new String[n];
        for (int s = 0; s < n; s++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < nodes.length; j++) {
                if ((s >>> j & 1) != 0) {
                    sb.append(sb.length() > 0 ? " -- " : "").append(net.node(nodes[j]).name());
                }
            }
            names[s] = sb.length() == 0 ? "<nil>" : sb.toString();
        }
        out.append("State");
        for (String name : names) {
            out.append('\t').append(name);
        }
        out.append('\n');
        for (int from = 0; from < n; from++) {
            out.append(names[from]);
            for (int to = 0; to < n; to++) {
                out.append('\t').append(g == null ? "0" : durations ? Fmt.general(g.meanDuration(from, to), 6)
                    : Long.toString(g.count(from, to)));
            }
            out.append('\n');
        }
    }
}
