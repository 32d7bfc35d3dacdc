// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.function.IntToDoubleFunction;

/**
 * A difference between two scores measured on the same trajectories (same seed: common random
 * numbers), estimated on a growing number of {@link Batch} blocks and stopped once it is precise
 * enough. The estimate after {@code b} blocks is the difference of the scores from those blocks
 * pooled; its standard error is the spread of the per-block differences over {@code sqrt(b)}
 * (batch means). Blocks grow by half from {@value #MIN_BLOCKS} (10, 15, 22, 33, 49, ...) until the
 * error is at most the target or every block has run. The rule only reads simulated values, so the same seed gives
 * the same stopping point and result on any number of threads.
 */
public final class Sequential {
    /** Blocks before the first look (500 trajectories): a spread from 9 degrees of freedom. */
    public static final int MIN_BLOCKS = 10;

    private Sequential() {
    }

    /**
     * An estimate.
     *
     * @param value the difference
     * @param se its standard error (batch means)
     * @param blocks blocks used
     */
    public record Estimate(double value, double se, int blocks) { }

    /** The largest error accepted for a value: the target depends on the value (e.g. relative to it). */
    public interface Target {
        double maxSe(double value);
    }

    /**
     * Estimates the difference.
     *
     * @param total blocks in a full run
     * @param pooled the difference from the first {@code b} blocks pooled
     * @param block the difference on block {@code i} alone
     */
    public static Estimate estimate(int total, IntToDoubleFunction pooled, IntToDoubleFunction block, Target target) {
        int b = Math.min(total, MIN_BLOCKS);
        double[] d = new double[total];
        int have = 0;
        while (true) {
            for (; have < b; have++) {
                d[have] = block.applyAsDouble(have);
            }
            double value = pooled.applyAsDouble(b);
            double se = spread(d, b);
            if (b == total || se <= target.maxSe(value)) {
                return new Estimate(value, se, b);
            }
            b = Math.min(total, b + b / 2);
        }
    }

    /** The standard error of the mean of {@code d[0..b)}: their standard deviation over {@code sqrt(b)}; 0 for one value. */
    static double spread(double[] d, int b) {
        if (b < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = 0; i < b; i++) {
            mean += d[i];
        }
        mean /= b;
        double ss = 0;
        for (int i = 0; i < b; i++) {
            ss += (d[i] - mean) * (d[i] - mean);
        }
        return Math.sqrt(ss / (b - 1) / b);
    }
}
