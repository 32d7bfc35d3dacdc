// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.stats;

import java.util.Arrays;

/**
 * Quartile groups of a sample: the cut points are its 25th, 50th and 75th percentiles by linear
 * interpolation between order statistics (Hyndman and Fan 1996, Am Stat 50:361, definition 7, R's
 * default). Q1 takes values up to the first cut, Q4 those above the third; values that are not
 * finite belong to no quartile.
 *
 * @param cuts the three cut points, or none when fewer than four values are finite
 * @param min the smallest finite value (NaN without cuts)
 * @param max the largest finite value (NaN without cuts)
 */
public record Quartiles(double[] cuts, double min, double max) {
    public Quartiles {
        cuts = cuts.clone();
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    /** The quartiles of the finite values of x. */
    public static Quartiles of(double[] x) {
        double[] v = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
        if (v.length < 4) {
            return new Quartiles(new double[0], Double.NaN, Double.NaN);
        }
        double[] cuts = new double[3];
        for (int q = 1; q <= 3; q++) {
            double h = (v.length - 1) * q / 4.0;
            int lo = (int) Math.floor(h);
            cuts[q - 1] = v[lo] + (h - lo) * (v[Math.min(lo + 1, v.length - 1)] - v[lo]);
        }
        return new Quartiles(cuts, v[0], v[v.length - 1]);
    }

    /** Whether there are quartiles (at least four finite values). */
    public boolean isEmpty() {
        return cuts.length == 0;
    }

    /** The quartile (1 to 4) of a value; 0 when it is not finite or there are no quartiles. */
    public int of(double value) {
        if (!Double.isFinite(value) || isEmpty()) {
            return 0;
        }
        int q = 1;
        while (q < 4 && value > cuts[q - 1]) {
            q++;
        }
        return q;
    }

    /** The lower end of quartile q (1 to 4): the smallest value for Q1, else the cut below. */
    public double lower(int q) {
        return q == 1 ? min : cuts[q - 2];
    }

    /** The upper end of quartile q (1 to 4): the cut above, or the largest value for Q4. */
    public double upper(int q) {
        return q == 4 ? max : cuts[q - 1];
    }
}
