// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Before and after the sequential estimates, on the bundled model (pik3ca_mutant + trastuzumab,
 * 1,000 trajectories, seed 5): each rescue's gain and the score interval against full runs of
 * every scenario, within the stated errors; the same numbers on one and two threads.
 */
class EarlyStopTest {
    static final long SEED = 5;
    static final long SAMPLES = 1000;
    static Catalog c;
    static Prediction two;
    static Scenario untreated;
    static Scenario treated;

    @BeforeAll
    static void predict() throws IOException {
        c = Catalog.load();
        Profile p = ProfileReader.find("pik3ca_mutant", c);
        two = new Predictor(c).predict(p, List.of("trastuzumab"), SEED, new Predictor.Options(SAMPLES, 2, true, false));
        untreated = Scenario.of(p.resolve(c, false), List.of());
        treated = untreated.under(List.of("trastuzumab"));
    }

    static double score(Catalog cat, Scenario u, Scenario t) {
        return ResponseScore.score(Simulation.run(cat, u, SEED, SAMPLES, 2).probabilities(),
            Simulation.run(cat, t, SEED, SAMPLES, 2).probabilities(), cat.response());
    }

    @Test
    void rescueGainsAgreeWithFullRunsWithinTheirErrors() {
        Map<String, Double> full = Simulation.run(c, untreated, SEED, SAMPLES, 2).probabilities();
        double regimen = ResponseScore.score(full, Simulation.run(c, treated, SEED, SAMPLES, 2).probabilities(), c.response());
        assertThat(two.responseScore()).isCloseTo(regimen, within(1e-9));
        int early = 0;
        for (Prediction.Rescue r : two.rescues()) {
            double s = ResponseScore.score(full, Simulation.run(c, treated.under(List.of("trastuzumab", r.id())), SEED, SAMPLES, 2)
                .probabilities(), c.response());
            assertThat(r.trajectories()).isIn(500L, 750L, SAMPLES);
            if (r.trajectories() == SAMPLES) {
                assertThat(r.responseScore()).as(r.id()).isCloseTo(s, within(1e-9));
            } else {
                early++;
                assertThat(r.gainSe()).as(r.id()).isLessThanOrEqualTo(Math.max(Predictor.GAIN_SE, 0.1 * Math.abs(r.gain())) + 1e-12);
                assertThat(r.gain()).as(r.id()).isCloseTo(s - regimen, within(4 * r.gainSe()));
            }
            assertThat(r.gainSe()).as(r.id()).isGreaterThanOrEqualTo(0);
            System.out.printf("rescue %-22s n %4d gain %+.4f se %.4f full %+.4f%n", r.id(), r.trajectories(), r.gain(), r.gainSe(), s - regimen);
        }
        assertThat(early).as("rescues resolved early").isPositive();
    }

    @Test
    void theIntervalAgreesWithFullRunsOfTheEnsemble() {
        Response r = c.response();
        PhenotypeResult u = Simulation.run(c, untreated, SEED, SAMPLES, 2);
        PhenotypeResult t = Simulation.run(c, treated, SEED, SAMPLES, 2);
        double se = Predictor.scoreSe(u, t, r);
        double min = two.responseScore();
        double max = min;
        List<Map<String, Double>> ensemble = c.parameters().ensemble();
        assertThat(ensemble).isNotEmpty();
        for (Map<String, Double> m : ensemble) {
            double s = score(c.withParameters(m), untreated, treated);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        ScoreInterval before = ScoreInterval.of(min, max, se, ensemble.size());
        assertThat(two.interval().members()).isEqualTo(ensemble.size());
        // a member stopped early moves by at most 4 of its errors (each at most the score's) and widens the interval by
        // 1.96 (sqrt(2) - 1) errors at most
        assertThat(two.interval().lower()).isCloseTo(before.lower(), within(4.9 * se));
        assertThat(two.interval().upper()).isCloseTo(before.upper(), within(4.9 * se));
        assertThat(two.interval().lower()).isLessThanOrEqualTo(two.responseScore());
        assertThat(two.interval().upper()).isGreaterThanOrEqualTo(two.responseScore());
        System.out.printf("interval before %.4f-%.4f after %.4f-%.4f se %.4f%n", before.lower(), before.upper(), two.interval().lower(),
            two.interval().upper(), se);
    }

    @Test
    void sameNumbersOnOneThread() throws IOException {
        Prediction one = new Predictor(c).predict(ProfileReader.find("pik3ca_mutant", c), List.of("trastuzumab"), SEED,
            new Predictor.Options(SAMPLES, 1, true, false));
        assertThat(one.toMap()).isEqualTo(two.toMap());
        List<Long> n1 = new ArrayList<>();
        List<Long> n2 = new ArrayList<>();
        one.rescues().forEach(x -> n1.add(x.trajectories()));
        two.rescues().forEach(x -> n2.add(x.trajectories()));
        assertThat(n1).isEqualTo(n2);
    }
}
