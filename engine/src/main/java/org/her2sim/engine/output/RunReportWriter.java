// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.her2sim.engine.bnd.BndWriter;
import org.her2sim.engine.cfg.CfgWriter;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.SeedTree;
import org.her2sim.engine.sim.SimulationResult;

/** Writes {@code _run.txt}: what ran, with which settings, how long it took, and the full model and configuration. */
public final class RunReportWriter {
    /** The engine's version, printed in reports. */
    public static final String VERSION = "her2sim 0.1.0";

    private RunReportWriter() {
    }

    /** Writes the report. */
    public static void write(Writer out, SimulationResult r, Instant start, Instant end, String commandLine) throws IOException {
        Network net = r.model().network();
        RunConfig c = r.model().config();
        String rule = "-".repeat(50);
        StringBuilder sb = new StringBuilder();
        sb.append(rule).append(" Run ").append(rule).append('\n');
        sb.append("Engine version: ").append(VERSION).append(" (MaBoSS 2.6 BND/CFG compatible)\n");
        if (commandLine != null) {
            sb.append("Command line: ").append(commandLine).append('\n');
        }
        sb.append('\n');
        sb.append("Run start time: ").append(start).append('\n');
        sb.append("Run end time: ").append(end).append('\n');
        sb.append("Simulation elapsed runtime: ").append(Fmt.significant(r.seconds(), 4)).append(" secs using ")
            .append(r.threads()).append(r.threads() == 1 ? " thread\n\n" : " threads\n\n");
        sb.append("Time Tick: ").append(Fmt.significant(c.timeTick(), 10)).append('\n');
        sb.append("Max Time: ").append(Fmt.significant(c.maxTime(), 10)).append('\n');
        sb.append("Sample Count: ").append(c.sampleCount()).append('\n');
        sb.append("StatDist Trajectory Count: ").append(c.statdistTrajCount()).append('\n');
        sb.append("Discrete Time: ").append(c.discreteTime() ? "TRUE" : "FALSE").append('\n');
        sb.append("Random Generator: ").append(SeedTree.ALGORITHM).append(" (one stream per trajectory, derived from seed and index)\n");
        sb.append("Seed Pseudo Random: ").append(c.seed()).append('\n');
        sb.append("Output nodes:");
        for (int i : r.model().outputNodes()) {
            sb.append(' ').append(net.node(i).name());
        }
        sb.append('\n');
        sb.append("Transitions: ").append(r.transitions()).append('\n');
        sb.append("Sources: ").append(net.source());
        for (String s : c.sources()) {
            sb.append(", ").append(s);
        }
        sb.append("\n\n");
        sb.append(rule).append(" Network ").append(rule).append('\n');
        sb.append(BndWriter.writeInIndexOrder(net));
        sb.append(rule).append(" Configuration ").append(rule).append('\n');
        sb.append(CfgWriter.write(c));
        out.append(sb);
    }
}
