// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import org.her2sim.her2.predict.Shapley;
import org.junit.jupiter.api.Test;

/** The Shapley arithmetic on games whose values are known. */
class ShapleyTest {
    /** Players 0 and 1 are redundant (either gives the whole value), player 2 does nothing. */
    static final LongToDoubleFunction OR_WITH_DUMMY = s -> (s & 0b011) != 0 ? 1 : 0;

    static double sum(double[] xs) {
        return Arrays.stream(xs).sum();
    }

    @Test
    void redundantPlayersShareTheValueAndADummyGetsNothing() {
        Shapley.Result r = Shapley.exact(3).shares(OR_WITH_DUMMY);
        assertThat(r.shares()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(r.shares()[1]).isCloseTo(0.5, within(1e-12));
        assertThat(r.shares()[2]).isCloseTo(0.0, within(1e-12));
        assertThat(r.total()).isEqualTo(1.0);
        assertThat(r.se()).containsOnly(0.0);
    }

    @Test
    void additiveGamesGiveEachPlayerItsOwnValueAndUnanimityGamesSplitEvenly() {
        double[] a = {0.3, -0.2, 0.0, 1.5};
        LongToDoubleFunction additive = s -> {
            double v = 0;
            for (int i = 0; i < a.length; i++) {
                v += (s >> i & 1) * a[i];
            }
            return v;
        };
        double[] phi = Shapley.exact(4).shares(additive).shares();
        for (int i = 0; i < a.length; i++) {
            assertThat(phi[i]).as("player " + i).isCloseTo(a[i], within(1e-12));
        }
        // u_T(S) = 1 when T = {0, 2, 3} is in S: 1/3 to each of T, 0 to player 1
        long t = 0b1101;
        assertThat(Shapley.exact(4).shares(s -> (s & t) == t ? 1 : 0).shares())
            .containsExactly(new double[] {1.0 / 3, 0, 1.0 / 3, 1.0 / 3}, within(1e-12));
        // majority of three: 1 when at least two are in
        assertThat(Shapley.exact(3).shares(s -> Long.bitCount(s) >= 2 ? 1 : 0).shares())
            .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
    }

    @Test
    void symmetricPlayersGetEqualSharesInAnyGame() {
        // players 1 and 3 enter the game only through how many of them are in
        double[] table = new double[3 * 32];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < table.length; i++) {
            table[i] = random.nextDouble(-1, 1);
        }
        LongToDoubleFunction v = s -> table[(int) ((s >> 1 & 1) + (s >> 3 & 1)) * 32 + (int) (s & 0b10101)];
        double[] phi = Shapley.exact(5).shares(v).shares();
        assertThat(phi[1]).isCloseTo(phi[3], within(1e-12));
    }

    @Test
    void sharesSumToTheTotalEffectExactly() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n <= 8; n++) {
            double[] values = random.doubles(1 << n, -2, 2).toArray();
            Shapley.Result r = Shapley.exact(n).shares(s -> values[(int) s]);
            assertThat(r.shares()).hasSize(n);
            assertThat(r.total()).isEqualTo(values[(1 << n) - 1] - values[0]);
            assertThat(sum(r.shares())).as("n = " + n).isCloseTo(r.total(), within(1e-12));
        }
    }

    @Test
    void oneMechanismsShareIsItsWholeEffectWithTheErrorOfTheDifference() {
        Shapley.Result r = Shapley.exact(1).shares(s -> s == 0 ? 0.2 : 0.7, s -> s == 0 ? 0.03 : 0.04);
        assertThat(r.shares()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(r.se()[0]).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void exactValuesEveryCoalitionOnceAndSampledOnlyThoseItsOrdersVisit() {
        assertThat(Shapley.exact(3).coalitions()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(Shapley.exact(3).isExact()).isTrue();
        assertThat(Shapley.exact(0).coalitions()).containsExactly(0);
        Shapley s = Shapley.sampled(10, 5, 1);
        assertThat(s.isExact()).isFalse();
        assertThat(s.permutations()).isEqualTo(5);
        // every order visits the empty and the full coalition and 9 in between
        assertThat(s.coalitions()).contains(0, s.all()).hasSizeLessThanOrEqualTo(2 + 5 * 9).isSorted().doesNotHaveDuplicates();
        int[] asked = {0};
        s.shares(m -> {
            asked[0]++;
            return Long.bitCount(m);
        });
        assertThat(asked[0]).isEqualTo(s.coalitions().length);
        assertThat(Shapley.of(8, 8, 5, 1).isExact()).isTrue();
        assertThat(Shapley.of(9, 8, 5, 1).isExact()).isFalse();
        assertThatThrownBy(() -> Shapley.sampled(3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shapley.exact(Shapley.EXACT_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A 10-player game with redundancy, synergy, a sensitiser and a dummy (player 9). */
    static double tenPlayers(long s) {
        double v = 0;
        v += (s & 0b11) != 0 ? 0.4 : 0;                       // 0 and 1 redundant
        v += (s & 0b1100) == 0b1100 ? 0.3 : 0;                 // 2 and 3 only together
        v += 0.05 * Long.bitCount(s & 0b1110000);              // 4, 5, 6 additive
        v -= (s >> 7 & 1) * 0.2;                               // 7 sensitising
        v += (s >> 8 & 1) * ((s & 1) != 0 ? 0.1 : 0.02);       // 8 depends on 0
        return v;
    }

    @Test
    void sampledSharesConvergeToExactWithinTheirStandardErrors() {
        Shapley.Result exact = Shapley.exact(10).shares(ShapleyTest::tenPlayers);
        assertThat(exact.shares()[9]).isCloseTo(0, within(1e-12));
        // 0 and 1 split 0.4; 0 and 8 split the 0.08 that 8 adds only with 0; 2 and 3 split 0.3
        assertThat(exact.shares()).containsExactly(new double[] {0.24, 0.2, 0.15, 0.15, 0.05, 0.05, 0.05, -0.2, 0.06, 0}, within(1e-12));
        assertThat(sum(exact.shares())).isCloseTo(tenPlayers(1023) - tenPlayers(0), within(1e-12));

        Shapley.Result sampled = Shapley.sampled(10, 400, 5).shares(ShapleyTest::tenPlayers);
        assertThat(sum(sampled.shares())).isCloseTo(sampled.total(), within(1e-9));
        assertThat(sampled.total()).isEqualTo(exact.total());
        for (int i = 0; i < 10; i++) {
            double se = sampled.se()[i];
            assertThat(sampled.shares()[i]).as("player " + i).isCloseTo(exact.shares()[i], within(4 * se + 1e-12));
            if (i < 4 || i == 8) {
                // players whose marginal depends on the order have a sampling error; it falls as 1 / sqrt(orders)
                assertThat(se).as("player " + i).isPositive().isLessThan(0.03);
            }
        }
        // players 4 to 7 and 9 add the same whatever the order: no sampling error
        assertThat(sampled.se()[4]).isZero();
        assertThat(sampled.se()[9]).isZero();
        assertThat(sampled.shares()[9]).isZero();
        Shapley.Result more = Shapley.sampled(10, 3200, 5).shares(ShapleyTest::tenPlayers);
        assertThat(more.se()[0]).isLessThan(sampled.se()[0] / 2);
    }

    @Test
    void sameSeedSameOrdersAndShares() {
        Shapley.Result a = Shapley.sampled(10, 50, 42).shares(ShapleyTest::tenPlayers);
        Shapley.Result b = Shapley.sampled(10, 50, 42).shares(ShapleyTest::tenPlayers);
        assertThat(b.shares()).containsExactly(a.shares());
        assertThat(b.se()).containsExactly(a.se());
        assertThat(Shapley.sampled(10, 50, 42).coalitions()).containsExactly(Shapley.sampled(10, 50, 42).coalitions());
        assertThat(Shapley.sampled(10, 50, 43).coalitions()).isNotEqualTo(Shapley.sampled(10, 50, 42).coalitions());
    }

    @Test
    void valueErrorsAddToTheSampledOrdersError() {
        Shapley s = Shapley.sampled(10, 100, 9);
        Shapley.Result plain = s.shares(ShapleyTest::tenPlayers);
        Shapley.Result noisy = s.shares(ShapleyTest::tenPlayers, m -> 0.01);
        assertThat(noisy.shares()).containsExactly(plain.shares());
        for (int i = 0; i < 10; i++) {
            assertThat(noisy.se()[i]).isGreaterThan(plain.se()[i]);
        }
    }
}
