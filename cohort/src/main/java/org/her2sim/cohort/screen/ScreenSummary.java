// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code screen.json}: the run, the therapies, the ranking and every profile's scores; numbers
 * rounded to six decimals. Single agents carry their score only, combinations their synergy too.
 */
public record ScreenSummary(Map<String, String> run, List<String> therapies, List<Ranked> ranking, List<ProfileScores> profiles) {
    public ScreenSummary {
        run = Collections.unmodifiableMap(new LinkedHashMap<>(run));
        therapies = List.copyOf(therapies);
        ranking = List.copyOf(ranking);
        profiles = List.copyOf(profiles);
    }

    /** A place in the ranking. */
    public sealed interface Ranked permits RankedSingle, RankedCombination { }

    /** A single agent's place: its mean score. */
    public record RankedSingle(int rank, List<String> combination, double meanScore, double scoreSe) implements Ranked { }

    /**
     * A combination's place: its mean score and synergy.
     *
     * @param synergisticShare weighted share of profiles with Bliss excess above 2 SE
     * @param antagonisticShare weighted share below -2 SE
     */
    public record RankedCombination(int rank, List<String> combination, double meanScore, double scoreSe, double meanBlissExcess, double blissSe,
                                    double meanHsaExcess, double hsaSe, double synergisticShare, double antagonisticShare) implements Ranked { }

    /**
     * One distinct profile's scores.
     *
     * @param weight patients (or profile files) with it
     */
    public record ProfileScores(String profile, int weight, List<Scored> combinations) {
        public ProfileScores {
            combinations = List.copyOf(combinations);
        }
    }

    /** A profile's score under a therapy or combination. */
    public sealed interface Scored permits ScoredSingle, ScoredCombination { }

    /** Under a single agent. */
    public record ScoredSingle(List<String> combination, double score, double se) implements Scored { }

    /** Under a combination, with Bliss's expected score and both excesses. */
    public record ScoredCombination(List<String> combination, double score, double se, double blissExpected, double blissExcess, double blissSe,
                                    double hsaExcess, double hsaSe) implements Scored { }
}
