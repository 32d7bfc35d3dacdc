// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phenotype and readout probabilities of one scenario: each node's marginal probability averaged
 * over the read-out window, with its standard error, and its marginal per time window (the time
 * course, for plots).
 *
 * <p>The error is {@code sqrt(p (1 - p) / n)} over {@code n} trajectories. A trajectory's time
 * fraction in the window lies in [0, 1] with mean {@code p}, so its variance is at most
 * {@code p (1 - p)}: the figure is conservative (exact when no trajectory flips inside the window).
 *
 * @param values by node, phenotypes then readouts
 * @param times start time of each window
 * @param course by node, its probability in each window
 * @param trajectories trajectories simulated (summed over clones)
 */
public record PhenotypeResult(Map<String, Estimate> values, double[] times, Map<String, double[]> course, long trajectories) {
    public PhenotypeResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        course = Collections.unmodifiableMap(new LinkedHashMap<>(course));
    }

    /** The estimate for a node; null if it is not an output. */
    public Estimate get(String node) {
        return values.get(node);
    }

    /** Probabilities only, by node. */
    public Map<String, Double> probabilities() {
        Map<String, Double> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.p()));
        return m;
    }

    /**
     * Mixes clones: {@code p = sum w_i p_i}, {@code se = sqrt(sum w_i^2 se_i^2)}, and the time
     * courses likewise.
     *
     * @param weights fractions of cells, summing to 1
     */
    public static PhenotypeResult mix(List<PhenotypeResult> parts, List<Double> weights) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        PhenotypeResult first = parts.get(0);
        Map<String, Estimate> values = new LinkedHashMap<>();
        Map<String, double[]> course = new LinkedHashMap<>();
        long n = 0;
        for (PhenotypeResult r : parts) {
            n += r.trajectories();
        }
        for (String node : first.values().keySet()) {
            double p = 0;
            double var = 0;
            double[] c = new double[first.times().length];
            for (int i = 0; i < parts.size(); i++) {
                double w = weights.get(i);
                Estimate e = parts.get(i).get(node);
                p += w * e.p();
                var += w * w * e.se() * e.se();
                double[] ci = parts.get(i).course().get(node);
                for (int k = 0; k < c.length; k++) {
                    c[k] += w * ci[k];
                }
            }
            values.put(node, new Estimate(p, Math.sqrt(var)));
            course.put(node, c);
        }
        return new PhenotypeResult(values, first.times(), course, n);
    }
}
