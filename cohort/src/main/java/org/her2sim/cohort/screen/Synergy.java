// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.List;
import org.her2sim.cohort.run.work.Score;

/**
 * Synergy of a combination from its response score and its members' single-agent scores, each an
 * effect in [0, 1]. Bliss independence: were the drugs independent, the expected effect is
 * {@code 1 - prod(1 - E_i)} ({@code E_A + E_B - E_A E_B} for a pair); the excess is observed minus
 * expected. Highest single agent (HSA): observed minus the largest single effect. Positive means
 * synergy, negative antagonism. Standard errors by the delta method, the runs taken as independent.
 *
 * @param expected the Bliss expectation
 * @param blissExcess observed minus expected
 * @param blissSe its standard error
 * @param hsaExcess observed minus the best single agent
 * @param hsaSe its standard error
 */
public record Synergy(double expected, double blissExcess, double blissSe, double hsaExcess, double hsaSe) {

    /** The synergy of {@code observed} over {@code singles} (at least two). */
    public static Synergy of(Score observed, List<Score> singles) {
        if (singles.size() < 2) {
            throw new IllegalArgumentException("synergy needs at least two single agents");
        }
        double survive = 1;
        for (Score s : singles) {
            survive *= 1 - s.value();
        }
        double expected = 1 - survive;
        // d expected / d E_i = prod_{j != i} (1 - E_j)
        double var = observed.se() * observed.se();
        for (int i = 0; i < singles.size(); i++) {
            double d = 1;
            for (int j = 0; j < singles.size(); j++) {
                if (j != i) {
                    d *= 1 - singles.get(j).value();
                }
            }
            var += d * d * singles.get(i).se() * singles.get(i).se();
        }
        Score best = singles.get(0);
        for (Score s : singles) {
            if (s.value() > best.value()) {
                best = s;
            }
        }
        double hsaSe = Math.sqrt(observed.se() * observed.se() + best.se() * best.se());
        return new Synergy(expected, observed.value() - expected, Math.sqrt(var), observed.value() - best.value(), hsaSe);
    }
}
