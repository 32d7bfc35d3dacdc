// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

/** The standard normal distribution's CDF and quantile, enough for fitting a lognormal to two points. */
final class Normal {
    private Normal() {
    }

    /** Phi(x), to about 1e-7 (Abramowitz and Stegun 7.1.26 for erf). */
    static double cdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** The x with Phi(x) = p, for p in (0, 1), by bisection. */
    static double quantile(double p) {
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
