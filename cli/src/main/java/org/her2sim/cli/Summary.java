// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.stats.ProbTraj;

/** The short human summary printed after a run. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream out, SimulationResult r, List<String> written) {
        var m = r.model();
        out.printf("model: %s (%d nodes, %d outputs)%n", m.network().source(), m.size(), m.outputNodes().length);
        out.printf("ran %d trajectories to t = %s in %.2f s on %d thread%s: %d transitions (%.1f M/s)%n",
            m.sampleCount(), trim(m.maxTime()), r.seconds(), r.threads(), r.threads() == 1 ? "" : "s",
            r.transitions(), r.transitions() / Math.max(1e-9, r.seconds()) / 1e6);
        ProbTraj pt = r.probTraj();
        if (pt != null && !pt.windows().isEmpty()) {
            ProbTraj.Window last = pt.windows().get(pt.windows().size() - 1);
            out.printf("last window (t = %s): %d states; most probable:%n", trim(last.time()), last.states().length);
            Integer[] idx = new Integer[last.states().length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -last.proba()[i]).thenComparing(i -> last.states()[i]));
            for (int k = 0; k < Math.min(5, idx.length); k++) {
                out.printf("  %8.4f +- %.4f  %s%n", last.proba()[idx[k]], last.error()[idx[k]], last.states()[idx[k]]);
            }
        } else {
            r.finalStates().stream().sorted(Comparator.comparingDouble(f -> -f.proba())).limit(5)
                .forEach(f -> out.printf("  %8.4f +- %.4f  %s%n", f.proba(), f.error(), f.state()));
        }
        var fps = r.fixedPoints();
        out.printf("fixed points reached: %d%s%n", fps.size(), fps.isEmpty() ? "" : " (most frequent: " + fps.get(0).state()
            + ", " + String.format("%.4f", fps.get(0).proba()) + ")");
        for (String w : written) {
            out.println("wrote " + w);
        }
    }

    private static String trim(double v) {
        return org.her2sim.engine.output.Fmt.significant(v, 10);
    }
}
