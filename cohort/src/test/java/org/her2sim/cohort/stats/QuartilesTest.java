// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuartilesTest {
    @Test
    void cutsAreTheType7PercentilesOfTheFiniteValues() {
        // R: quantile(1:8, c(.25, .5, .75)) gives 2.75 4.50 6.25
        Quartiles q = Quartiles.of(new double[] {8, 7, 6, 5, 4, 3, 2, 1, Double.NaN});
        assertThat(q.cuts()).containsExactly(2.75, 4.5, 6.25);
        assertThat(q.min()).isEqualTo(1);
        assertThat(q.max()).isEqualTo(8);
        assertThat(q.of(2.75)).isEqualTo(1);
        assertThat(q.of(2.76)).isEqualTo(2);
        assertThat(q.of(8)).isEqualTo(4);
        assertThat(q.of(Double.NaN)).isZero();
        assertThat(q.lower(1)).isEqualTo(1);
        assertThat(q.upper(1)).isEqualTo(2.75);
        assertThat(q.lower(4)).isEqualTo(6.25);
        assertThat(q.upper(4)).isEqualTo(8);
    }

    @Test
    void fewerThanFourFiniteValuesHaveNoQuartiles() {
        Quartiles q = Quartiles.of(new double[] {1, 2, 3, Double.POSITIVE_INFINITY, Double.NaN});
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.of(2)).isZero();
    }

    @Test
    void tiedValuesAllFallInTheFirstQuartile() {
        Quartiles q = Quartiles.of(new double[] {3, 3, 3, 3, 9, 9, 9, 9});
        assertThat(q.cuts()).containsExactly(3.0, 6.0, 9.0);
        assertThat(q.of(3)).isEqualTo(1);
        assertThat(q.of(9)).isEqualTo(3);
    }

    /** Random samples (fixed seeds): each cut lies between the order statistics around its rank, and every value lies in its quartile's range. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void everyValueLiesInItsQuartile(long seed) {
        Random r = new Random(seed);
        double[] x = new double[4 + r.nextInt(200)];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(4) == 0 ? Math.floor(r.nextDouble() * 5) : r.nextGaussian() * 10;
        }
        Quartiles q = Quartiles.of(x);
        double[] v = x.clone();
        Arrays.sort(v);
        int n = v.length;
        for (int k = 1; k <= 3; k++) {
            int lo = (int) Math.floor((n - 1) * k / 4.0);
            assertThat(q.cuts()[k - 1]).isBetween(v[lo], v[Math.min(lo + 1, n - 1)]);
        }
        int[] counts = new int[5];
        for (double value : x) {
            int g = q.of(value);
            counts[g]++;
            assertThat(value).isBetween(q.lower(g), q.upper(g));
        }
        assertThat(counts[0]).isZero();
        assertThat(counts[1] + counts[2] + counts[3] + counts[4]).isEqualTo(n);
        // at least a quarter of the values (rounded down, less one) are at or below the first cut
        assertThat(counts[1]).isGreaterThanOrEqualTo((n - 1) / 4 + 1);
    }
}
