// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.io.IOException;
import java.io.Writer;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.sim.SimulationResult.FinalState;
import org.her2sim.engine.sim.SimulationResult.FixedPoint;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.engine.stats.StatDist;

/** Writes the same content as {@link MabossCsvWriter}, as JSON documents with named fields. */
public final class JsonResultWriter {
    private JsonResultWriter() {
    }

    /** {@code {"trajectories", "referenceNodes", "windows": [{"time", "TH", "ErrorTH", "H", "HD", "states": [{"state", "proba", "error"}]}]}}. */
    public static void probTraj(Writer out, ProbTraj pt) throws IOException {
        out.append("{\"trajectories\":").append(Long.toString(pt.trajectories()))
            .append(",\"referenceNodes\":").append(Integer.toString(pt.referenceNodes())).append(",\"windows\":[");
        boolean first = true;
        for (ProbTraj.Window w : pt.windows()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            out.append("{\"time\":").append(Json.num(w.time())).append(",\"TH\":").append(Json.num(w.th()))
                .append(",\"ErrorTH\":").append(Json.num(w.thError())).append(",\"H\":").append(Json.num(w.h())).append(",\"HD\":[");
            for (int d = 0; d < w.hd().length; d++) {
                out.append(d > 0 ? "," : "").append(Json.num(w.hd()[d]));
            }
            out.append("],\"states\":[");
            for (int k = 0; k < w.states().length; k++) {
                out.append(k > 0 ? "," : "").append("{\"state\":").append(Json.str(w.states()[k]))
                    .append(",\"proba\":").append(Json.num(w.proba()[k])).append(",\"error\":").append(Json.num(w.error()[k])).append('}');
            }
            out.append("]}");
        }
        out.append("\n]}\n");
    }

    /** {@code {"count", "fixedPoints": [{"proba", "state", "values": {node: 0|1}}]}}. */
    public static void fixedPoints(Writer out, SimulationResult r) throws IOException {
        Network net = r.model().network();
        var fps = r.fixedPoints();
        out.append("{\"count\":").append(Integer.toString(fps.size())).append(",\"fixedPoints\":[");
        boolean first = true;
        for (FixedPoint fp : fps) {
            out.append(first ? "\n" : ",\n");
            first = false;
            out.append("{\"proba\":").append(Json.num(fp.proba())).append(",\"state\":").append(Json.str(fp.state())).append(",\"values\":{");
            for (int i = 0; i < net.size(); i++) {
                out.append(i > 0 ? "," : "").append(Json.str(net.node(i).name())).append(':').append(Integer.toString(fp.values()[i]));
            }
            out.append("}}");
        }
        out.append("\n]}\n");
    }

    /** {@code {"states": [{"state", "proba", "error"}]}}. */
    public static void finalProb(Writer out, SimulationResult r) throws IOException {
        out.append("{\"states\":[");
        boolean first = true;
        for (FinalState f : r.finalStates()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            out.append("{\"state\":").append(Json.str(f.state())).append(",\"proba\":").append(Json.num(f.proba()))
                .append(",\"error\":").append(Json.num(f.error())).append('}');
        }
        out.append("\n]}\n");
    }

    /** {@code {"trajectories": [{"trajectory", "states": [{"state", "proba"}]}], "clusters": [{"members", "states": [{"state", "proba", "error"}]}]}}. */
    public static void statDist(Writer out, StatDist sd) throws IOException {
        out.append("{\"trajectories\":[");
        boolean first = true;
        for (StatDist.Estimate e : sd.trajectories()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            estimate(out, e);
        }
        out.append("\n],\"clusters\":[");
        first = true;
        for (StatDist.Cluster c : sd.clusters()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            out.append("{\"members\":[");
            for (int i = 0; i < c.members().size(); i++) {
                out.append(i > 0 ? "," : "").append(Long.toString(c.members().get(i).trajectory() + 1));
            }
            out.append("],\"states\":[");
            for (int k = 0; k < c.states().length; k++) {
                out.append(k > 0 ? "," : "").append("{\"state\":").append(Json.str(c.states()[k])).append(",\"proba\":")
                    .append(Json.num(c.proba()[k])).append(",\"error\":").append(Json.num(c.error()[k])).append('}');
            }
            out.append("]}");
        }
        out.append("\n]}\n");
    }

    private static void estimate(Writer out, StatDist.Estimate e) throws IOException {
        out.append("{\"trajectory\":").append(Long.toString(e.trajectory() + 1)).append(",\"states\":[");
        for (int k = 0; k < e.states().length; k++) {
            out.append(k > 0 ? "," : "").append("{\"state\":").append(Json.str(e.states()[k])).append(",\"proba\":")
                .append(Json.num(e.proba()[k])).append('}');
        }
        out.append("]}");
    }
}
