// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

/**
 * A response score's 95% interval: the least and greatest score over the model's parameter
 * ensemble (network/fitted.yaml), each widened by 1.96 sampling standard errors; with no ensemble,
 * the sampling interval alone. Clamped to [0, 1].
 *
 * @param members ensemble members the interval covers (0: sampling only)
 */
public record ScoreInterval(double lower, double upper, int members) {
    /** What the interval covers, in words. */
    public String describe() {
        return members == 0 ? "sampling only (the model has no parameter ensemble)"
            : "parameter ensemble of " + members + " sets and sampling";
    }

    static ScoreInterval of(double min, double max, double se, int members) {
        return new ScoreInterval(Math.max(0, min - 1.96 * se), Math.min(1, max + 1.96 * se), members);
    }
}
