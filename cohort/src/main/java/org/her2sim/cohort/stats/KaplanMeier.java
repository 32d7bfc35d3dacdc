// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan-Meier estimate of a survival curve (here: time to progression) from times with an
 * event flag (false = censored). At a time with both, events come first (the censored are still at
 * risk). The standard error is Greenwood's: {@code se = S sqrt(sum d / (n (n - d)))}.
 *
 * <p>The median is the first time {@code S <= 0.5} (NaN when not reached). Its 95% interval is
 * Brookmeyer and Crowley's (1982 Biometrics 38:29) with the plain Greenwood band: the times whose
 * {@code |S - 0.5| <= z se}: from the first time {@code S - z se <= 0.5} to the first time
 * {@code S + z se <= 0.5} (NaN when that is not reached within follow-up).
 *
 * @param steps one row per distinct time, in order
 * @param n the number of subjects
 */
public record KaplanMeier(List<Step> steps, int n) {
    public KaplanMeier {
        steps = List.copyOf(steps);
    }

    /**
     * One distinct time.
     *
     * @param atRisk subjects at risk just before it
     * @param events events at it
     * @param censored censored at it
     * @param survival the estimate just after it
     * @param se Greenwood's standard error of that
     */
    public record Step(double time, int atRisk, int events, int censored, double survival, double se) { }

    /** The curve of {@code times} with {@code event[i]} true for an event, false for censoring. */
    public static KaplanMeier of(double[] times, boolean[] event) {
        int n = times.length;
        if (event.length != n) {
            throw new IllegalArgumentException("times and events differ in length");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!(times[i] >= 0)) {
                throw new IllegalArgumentException("time " + times[i] + " is not a non-negative number");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        List<Step> steps = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        int atRisk = n;
        int i = 0;
        while (i < n) {
            double t = times[order[i]];
            int d = 0;
            int c = 0;
            while (i < n && times[order[i]] == t) {
                if (event[order[i]]) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                greenwood = atRisk == d ? Double.POSITIVE_INFINITY : greenwood + (double) d / ((double) atRisk * (atRisk - d));
            }
            double se = s == 0 ? 0 : s * Math.sqrt(greenwood);
            steps.add(new Step(t, atRisk, d, c, s, se));
            atRisk -= d + c;
        }
        return new KaplanMeier(steps, n);
    }

    /** The estimate at time t (1 before the first event). */
    public double survival(double t) {
        double s = 1;
        for (Step st : steps) {
            if (st.time() > t) {
                break;
            }
            s = st.survival();
        }
        return s;
    }

    /** The number of events. */
    public int events() {
        return steps.stream().mapToInt(Step::events).sum();
    }

    /** The median: the first time the estimate is at most 0.5; NaN when not reached. */
    public double median() {
        return firstAtMost(0);
    }

    /** Lower bound of the median's 95% interval; NaN when not reached. */
    public double medianLower() {
        return firstAtMost(-Proportion.Z95);
    }

    /** Upper bound of the median's 95% interval; NaN when not reached within follow-up. */
    public double medianUpper() {
        return firstAtMost(Proportion.Z95);
    }

    /** The first event time where {@code S + z se <= 0.5}. */
    private double firstAtMost(double z) {
        for (Step st : steps) {
            if (st.events() > 0 && st.survival() + z * st.se() <= 0.5 + 1e-12) {
                return st.time();
            }
        }
        return Double.NaN;
    }
}
