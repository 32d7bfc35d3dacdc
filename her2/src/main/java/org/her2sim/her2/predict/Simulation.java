// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.output.PlotWriter;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Marginals;
import org.her2sim.engine.sim.Simulator;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Response;

/**
 * Runs a {@link Scenario} on the engine and reads its phenotypes. Every clone runs with the same
 * seed; results do not depend on the thread count (the engine's guarantee).
 */
public final class Simulation {
    private Simulation() {
    }

    /**
     * Simulates every clone of the scenario and mixes them (see {@link Scenario}).
     *
     * @param samples trajectories per clone
     * @param threads engine worker threads
     */
    public static PhenotypeResult run(Catalog catalog, Scenario scenario, long seed, long samples, int threads) {
        List<PhenotypeResult> parts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Scenario.Clone c : scenario.clones(catalog)) {
            parts.add(runClone(catalog, scenario, c.mechanisms(), seed, samples, threads));
            weights.add(c.weight());
        }
        return PhenotypeResult.mix(parts, weights);
    }

    /** Simulates one clone: the scenario with exactly these mechanisms (subpopulation fractions ignored), no mixing. */
    public static PhenotypeResult runClone(Catalog catalog, Scenario scenario, List<String> cloneMechanisms, long seed, long samples,
                                           int threads) {
        CompiledModel m = scenario.compile(catalog, cloneMechanisms, seed, samples);
        return read(Simulator.runMarginals(m, Math.max(1, threads)), catalog.response());
    }

    /** Marginals of the phenotypes and readouts: per window, and averaged over the read-out window. */
    static PhenotypeResult read(Marginals mg, Response r) {
        List<String> nodes = r.outputs();
        double[][] prob = new double[nodes.size()][];
        for (int i = 0; i < prob.length; i++) {
            prob[i] = mg.of(nodes.get(i));
        }
        return read(prob, mg.timeTick(), mg.trajectories(), r);
    }

    /** The same from full probability trajectories (the slower path, kept to check the marginals against). */
    static PhenotypeResult read(ProbTraj pt, Response r, double tick) {
        double[][] prob = PlotWriter.nodeProbabilities(pt, r.outputs());
        return read(prob, tick, pt.trajectories(), r);
    }

    private static PhenotypeResult read(double[][] prob, double tick, long n, Response r) {
        List<String> nodes = r.outputs();
        int w = prob.length == 0 ? 0 : prob[0].length;
        double[] times = new double[w];
        for (int k = 0; k < w; k++) {
            times[k] = k * tick;
        }
        double from = r.maxTime() - r.readoutWindow() - 1e-9 * tick;
        int first = w - 1;
        while (first > 0 && times[first - 1] >= from) {
            first--;
        }
        Map<String, Estimate> values = new LinkedHashMap<>();
        Map<String, double[]> course = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double sum = 0;
            for (int k = first; k < w; k++) {
                sum += prob[i][k];
            }
            double p = w == 0 ? 0 : Math.max(0, Math.min(1, sum / (w - first)));
            values.put(nodes.get(i), new Estimate(p, Math.sqrt(p * (1 - p) / Math.max(1, n))));
            course.put(nodes.get(i), prob[i]);
        }
        return new PhenotypeResult(values, times, course, n);
    }
}
