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
            out.fixed(w.time(), 4).ch('\t').fixed(w.th(), 4).ch('\t').fixed(w.thError(), 4).ch('\t').fixed(w.h(), 4);
            for (double hd : w.hd()) {
                out.ch('\t').fixed(hd, 4);
            }
            out.ch('\t');
            String[] st = w.states();
            for (int k = 0; k < st.length; k++) {
                byte[] label = encoded.computeIfAbsent(st[k], s -> s.getBytes(StandardCharsets.UTF_8));
                out.bytes(label).ch('\t').fixed(w.proba()[k], 6).ch('\t').fixed(w.error()[k], 6).ch('\t');
            }
            out.ch('\n');
        }
        out.flush();
    }

    /** {@code _fp.csv}: the count line, then {@code FP Proba State} and one column per node. */
    public static void fixedPoints(Writer out, SimulationResult r) throws IOException {
        List<FixedPoint> fps = r.fixedPoints();
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
            out.append('#').append(Integer.toString(k++)).append('\t').append(Fmt.significant(fp.proba(), 6))
                .append('\t').append(fp.state());
            for (int v : fp.values()) {
                out.append('\t').append(Integer.toString(v));
            }
            out.append('\n');
        }
    }

    /** {@code _finalprob.csv}: {@code Proba State} rows (MaBoSS writes no header; neither do we). */
    public static void finalProb(Writer out, SimulationResult r) throws IOException {
        for (FinalState f : r.finalStates()) {
            out.append(Fmt.significant(f.proba(), 6)).append('\t').append(f.state()).append('\n');
        }
    }

    /** {@code _statdist.csv}: per-trajectory estimates, each cluster's members, then the cluster distributions. */
    public static void statDist(Writer out, StatDist sd) throws IOException {
        out.append("Trajectory\tState\tProba\tState\tProba\n");
        int k = 1;
        for (StatDist.Estimate e : sd.trajectories()) {
            estimate(out, "#" + k++, e);
        }
        int c = 1;
        for (StatDist.Cluster cl : sd.clusters()) {
            out.append("\nTrajectory[cluster=#").append(Integer.toString(c++)).append(",size=")
                .append(Integer.toString(cl.members().size())).append("]\tState\tProba\tState\tProba\tState\tProba\tState\tProba ...\n");
            int m = 1;
            for (StatDist.Estimate e : cl.members()) {
                estimate(out, "#" + m++, e);
            }
        }
        out.append("\nCluster\tState\tProba\tErrorProba\tState\tProba\tErrorProba\tState\tProba\tErrorProba\tState\tProba\tErrorProba...\n");
        c = 1;
        for (StatDist.Cluster cl : sd.clusters()) {
            out.append('#').append(Integer.toString(c++));
            for (int i = 0; i < cl.states().length; i++) {
                out.append('\t').append(cl.states()[i]).append('\t').append(Fmt.significant(cl.proba()[i], 10))
                    .append('\t').append(Fmt.significant(cl.error()[i], 10));
            }
            out.append('\n');
        }
    }

    private static void estimate(Writer out, String tag, StatDist.Estimate e) throws IOException {
        out.append(tag);
        for (int i = 0; i < e.states().length; i++) {
            out.append('\t').append(e.states()[i]).append('\t').append(Fmt.significant(e.proba()[i], 10));
        }
        out.append('\n');
    }
}
