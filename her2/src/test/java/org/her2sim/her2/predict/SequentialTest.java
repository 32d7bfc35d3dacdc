// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTest {
    @Test
    void theSpreadIsTheStandardErrorOfTheMean() {
        // values 1..5: sd sqrt(2.5), error sqrt(2.5 / 5)
        assertThat(Sequential.spread(new double[] {1, 2, 3, 4, 5}, 5)).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(Sequential.spread(new double[] {1, 2, 3, 4, 5}, 2)).isCloseTo(0.5, within(1e-15));
        assertThat(Sequential.spread(new double[] {7}, 1)).isZero();
    }

    @Test
    void stopsAtTheFirstLookWhenPreciseAndRunsEveryBlockWhenNot() {
        List<Integer> looked = new ArrayList<>();
        Sequential.Estimate precise = Sequential.estimate(40, b -> {
            looked.add(b);
            return 0.4;
        }, i -> 0.4 + (i % 2 == 0 ? 0.01 : -0.01), v -> 0.1 * Math.abs(v));
        assertThat(precise.blocks()).isEqualTo(Sequential.MIN_BLOCKS);
        assertThat(precise.value()).isEqualTo(0.4);
        assertThat(looked).containsExactly(Sequential.MIN_BLOCKS);

        looked.clear();
        Sequential.Estimate noisy = Sequential.estimate(40, b -> {
            looked.add(b);
            return 0.0;
        }, i -> i % 2 == 0 ? 0.5 : -0.5, v -> 0.01);
        assertThat(noisy.blocks()).isEqualTo(40);
        assertThat(looked).containsExactly(10, 15, 22, 33, 40);
        assertThat(noisy.se()).isCloseTo(Sequential.spread(alternating(40), 40), within(1e-15));

        assertThat(Sequential.estimate(3, b -> 1.0, i -> i, v -> 0).blocks()).isEqualTo(3);
    }

    private static double[] alternating(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i % 2 == 0 ? 0.5 : -0.5;
        }
        return d;
    }

    /** Batch means of independent normal blocks: the error covers the true mean about as often as it should. */
    @Test
    void theErrorCoversTheMeanAtTheNominalRate() {
        SplittableRandom rng = new SplittableRandom(11);
        int covered = 0;
        int runs = 2000;
        for (int r = 0; r < runs; r++) {
            double[] blocks = new double[20];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = 0.3 + 0.05 * gaussian(rng);
            }
            Sequential.Estimate e = Sequential.estimate(20, b -> mean(blocks, b), i -> blocks[i], v -> 0);
            if (Math.abs(e.value() - 0.3) <= 2 * e.se()) {
                covered++;
            }
        }
        // two errors cover 95% for 19 degrees of freedom about 94%; binomial error about 0.5%
        assertThat(covered / (double) runs).isBetween(0.92, 0.96);
    }

    private static double mean(double[] d, int b) {
        double s = 0;
        for (int i = 0; i < b; i++) {
            s += d[i];
        }
        return s / b;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
