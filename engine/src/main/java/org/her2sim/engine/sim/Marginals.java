// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.List;

/**
 * Output nodes' probabilities of being on, per time window ({@link Simulator#runMarginals}).
 *
 * @param nodes output node names, in the compiled model's output order
 * @param timeTick window width; window {@code w} starts at {@code w * timeTick}
 * @param windows number of windows
 * @param trajectories trajectories simulated
 * @param probability {@code [node][window]}, nodes as in {@code nodes}
 * @param transitions node flips over all trajectories
 */
public record Marginals(List<String> nodes, double timeTick, int windows, long trajectories, double[][] probability, long transitions) {
    public Marginals {
        nodes = List.copyOf(nodes);
    }

    /** The probabilities of one node per window; all 0 if it is not an output node. */
    public double[] of(String node) {
        int i = nodes.indexOf(node);
        return i < 0 ? new double[windows] : probability[i];
    }

    /**
     * Several runs of the same model on different trajectories as one: probabilities weighted by
     * trajectories, transitions summed.
     */
    public static Marginals pool(List<Marginals> parts) {
        Marginals first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        long n = 0;
        long transitions = 0;
        for (Marginals m : parts) {
            n += m.trajectories;
            transitions += m.transitions;
        }
        // trajectory-weighted sums first, one division last: a node always on stays exactly 1
        double[][] p = new double[first.probability.length][first.windows];
        for (Marginals m : parts) {
            for (int k = 0; k < p.length; k++) {
                for (int t = 0; t < first.windows; t++) {
                    p[k][t] += m.trajectories * m.probability[k][t];
                }
            }
        }
        double div = Math.max(1, n);
        for (double[] row : p) {
            for (int t = 0; t < row.length; t++) {
                row[t] /= div;
            }
        }
        return new Marginals(first.nodes, first.timeTick, first.windows, n, p, transitions);
    }
}
