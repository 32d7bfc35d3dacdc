// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {
    /*
     * Ten subjects; E = progression, C = censored:
     *   2E 3C 4E 4E 5C 6E 7E 8C 9E 10E
     * By hand (S = product of (1 - d/n); Greenwood: se = S sqrt(sum d/(n(n-d)))):
     *   t=2  n=10 d=1  S = 0.9                         sum = 1/90            se = 0.9 * 0.105409 = 0.094868
     *   t=4  n=8  d=2  S = 0.9 * 6/8 = 0.675           sum += 2/48 = 0.052778 se = 0.675 * 0.229734 = 0.155071
     *   t=6  n=5  d=1  S = 0.675 * 4/5 = 0.54          sum += 1/20 = 0.102778 se = 0.54 * 0.320590 = 0.173118
     *   t=7  n=4  d=1  S = 0.54 * 3/4 = 0.405          sum += 1/12 = 0.186111 se = 0.405 * 0.431406 = 0.174719
     *   t=9  n=2  d=1  S = 0.405 / 2 = 0.2025          sum += 1/2 = 0.686111  se = 0.2025 * 0.828318 = 0.167734
     *   t=10 n=1  d=1  S = 0
     * Median: first S <= 0.5 -> 7. Lower bound: first S - 1.96 se <= 0.5: t=4 (0.675 - 0.304 = 0.371).
     * Upper bound: first S + 1.96 se <= 0.5: t=9 gives 0.531, t=10 gives 0 -> 10.
     */
    static final double[] TIMES = {2, 3, 4, 4, 5, 6, 7, 8, 9, 10};
    static final boolean[] EVENTS = {true, false, true, true, false, true, true, false, true, true};

    @Test
    void matchesTheHandComputation() {
        KaplanMeier km = KaplanMeier.of(TIMES, EVENTS);
        assertThat(km.n()).isEqualTo(10);
        assertThat(km.events()).isEqualTo(7);
        assertThat(km.steps()).hasSize(9);
        double[][] expected = { // time, at risk, events, censored, S, se
            {2, 10, 1, 0, 0.9, 0.094868}, {3, 9, 0, 1, 0.9, 0.094868}, {4, 8, 2, 0, 0.675, 0.155071}, {5, 6, 0, 1, 0.675, 0.155071},
            {6, 5, 1, 0, 0.54, 0.173118}, {7, 4, 1, 0, 0.405, 0.174719}, {8, 3, 0, 1, 0.405, 0.174719}, {9, 2, 1, 0, 0.2025, 0.167734},
            {10, 1, 1, 0, 0, 0}};
        for (int i = 0; i < expected.length; i++) {
            KaplanMeier.Step s = km.steps().get(i);
            assertThat(s.time()).isEqualTo(expected[i][0]);
            assertThat(s.atRisk()).isEqualTo((int) expected[i][1]);
            assertThat(s.events()).isEqualTo((int) expected[i][2]);
            assertThat(s.censored()).isEqualTo((int) expected[i][3]);
            assertThat(s.survival()).as("S at " + s.time()).isCloseTo(expected[i][4], within(1e-12));
            assertThat(s.se()).as("se at " + s.time()).isCloseTo(expected[i][5], within(1e-6));
        }
        assertThat(km.survival(1)).isEqualTo(1);
        assertThat(km.survival(5.5)).isCloseTo(0.675, within(1e-12));
        assertThat(km.median()).isEqualTo(7);
        assertThat(km.medianLower()).isEqualTo(4);
        assertThat(km.medianUpper()).isEqualTo(10);
    }

    @Test
    void medianNotReachedWhenFewProgress() {
        KaplanMeier km = KaplanMeier.of(new double[] {3, 5, 8, 8, 8}, new boolean[] {true, false, false, false, false});
        assertThat(km.survival(10)).isCloseTo(0.8, within(1e-12));
        assertThat(km.median()).isNaN();
        assertThat(km.medianUpper()).isNaN();
    }

    @Test
    void eventsComeBeforeCensoringAtTheSameTime() {
        KaplanMeier km = KaplanMeier.of(new double[] {4, 4, 6}, new boolean[] {true, false, true});
        assertThat(km.steps().get(0).atRisk()).isEqualTo(3);
        assertThat(km.survival(4)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(km.steps().get(1).atRisk()).isEqualTo(1);
        assertThat(km.survival(6)).isZero();
    }
}
