// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.stats;

/**
 * A proportion k/n with its Wilson score interval (Wilson 1927; Newcombe 1998 Stat Med 17:857,
 * method 3): good coverage for small n and for k near 0 or n, where the plain normal interval fails.
 *
 * @param k successes
 * @param n trials
 * @param lo lower bound of the 95% interval
 * @param hi upper bound
 */
public record Proportion(long k, long n, double lo, double hi) {
    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    /** k of n with its 95% Wilson interval; 0 of 0 gives NaN throughout. */
    public static Proportion of(long k, long n) {
        return wilson(k, n, Z95);
    }

    /** k of n with the Wilson interval for quantile z. */
    public static Proportion wilson(long k, long n, double z) {
        if (k < 0 || n < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, not k=" + k + ", n=" + n);
        }
        if (n == 0) {
            return new Proportion(0, 0, Double.NaN, Double.NaN);
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lo = k == 0 ? 0 : Math.max(0, centre - half);
        double hi = k == n ? 1 : Math.min(1, centre + half);
        return new Proportion(k, n, lo, hi);
    }

    /** k / n (NaN when n is 0). */
    public double p() {
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
