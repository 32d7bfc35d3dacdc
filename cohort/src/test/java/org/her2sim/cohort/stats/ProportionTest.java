// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {
    /** Newcombe 1998 Stat Med 17:857, Table I, method 3 (Wilson score), to the four decimals printed there. */
    @Test
    void wilsonIntervalsMatchNewcombesTable() {
        check(81, 263, 0.2553, 0.3662);
        check(15, 148, 0.0624, 0.1605);
        check(0, 20, 0.0000, 0.1611);
        check(1, 29, 0.0061, 0.1718);
        check(29, 29, 0.8830, 1.0000);
    }

    private static void check(long k, long n, double lo, double hi) {
        Proportion p = Proportion.of(k, n);
        assertThat(p.lo()).as(k + "/" + n + " lower").isCloseTo(lo, within(5e-5));
        assertThat(p.hi()).as(k + "/" + n + " upper").isCloseTo(hi, within(5e-5));
        assertThat(p.p()).isEqualTo((double) k / n);
    }

    @Test
    void emptyAndBadCounts() {
        assertThat(Proportion.of(0, 0).lo()).isNaN();
        assertThatThrownBy(() -> Proportion.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
