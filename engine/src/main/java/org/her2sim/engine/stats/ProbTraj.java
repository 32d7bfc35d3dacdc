// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.List;

/**
 * Probability trajectories: for every time window {@code [k * tick, (k + 1) * tick)}, the
 * probability of each output state (time spent in it, averaged over trajectories and divided by
 * the window width) with its standard error, the transition entropy TH and its error, the state
 * entropy H, and the distribution of the Hamming distance to the reference state.
 *
 * @param trajectories number of trajectories averaged
 * @param referenceNodes number of reference nodes (HD runs from 0 to this)
 * @param windows one entry per window, in time order
 */
public record ProbTraj(long trajectories, int referenceNodes, List<Window> windows) {

    /**
     * One time window. States are listed in canonical (sorted label) order.
     *
     * @param time start of the window
     * @param th mean transition entropy (bits)
     * @param thError standard error of {@code th}
     * @param h entropy of the state distribution (bits)
     * @param hd probability of each Hamming distance 0..referenceNodes
     * @param states state labels such as {@code A -- B}, or {@code <nil>}
     * @param proba probability of each state
     * @param error standard error of each probability
     */
    public record Window(double time, double th, double thError, double h, double[] hd,
                         String[] states, double[] proba, double[] error) {

        /** The probability of a state in this window, 0 if absent. */
        public double probability(String state) {
            for (int i = 0; i < states.length; i++) {
                if (states[i].equals(state)) {
                    return proba[i];
                }
            }
            return 0;
        }
    }
}
