// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.predict.ResponseScore;
import org.junit.jupiter.api.Test;

class ResponseScoreTest {
    static final Response R = new Response(List.of("Proliferation", "Apoptosis", "ImmuneKill"), List.of(), 20, 60, 10, 100,
        "Proliferation", List.of("Apoptosis", "ImmuneKill"), 0.5, 0.25);

    @Test
    void netGrowthIsGrowthMinusTheChanceOfAnyDeath() {
        assertThat(ResponseScore.netGrowth(Map.of("Proliferation", 0.8, "Apoptosis", 0.5, "ImmuneKill", 0.2), R))
            .isCloseTo(0.8 - (1 - 0.5 * 0.8), within(1e-12));
        assertThat(ResponseScore.netGrowth(Map.of("Proliferation", 1.0), R)).isEqualTo(1.0);
        assertThat(ResponseScore.netGrowth(Map.of("Apoptosis", 1.0), R)).isEqualTo(-1.0);
    }

    @Test
    void scoreIsTheFallInNetGrowthScaledAndClamped() {
        assertThat(ResponseScore.score(1, -1)).isEqualTo(1.0);
        assertThat(ResponseScore.score(1, 0)).isEqualTo(0.5);
        assertThat(ResponseScore.score(0.5, 0.2)).isCloseTo(0.2, within(1e-12));
        assertThat(ResponseScore.score(0.2, 0.6)).isEqualTo(0.0);   // treatment made it worse
        assertThat(ResponseScore.score(-1, -1)).isEqualTo(0.0);     // nothing left to fall: 0/0
        assertThat(ResponseScore.score(-1, -0.5)).isEqualTo(0.0);
        Map<String, Double> untreated = Map.of("Proliferation", 0.9, "Apoptosis", 0.05, "ImmuneKill", 0.0);
        Map<String, Double> treated = Map.of("Proliferation", 0.3, "Apoptosis", 0.4, "ImmuneKill", 0.5);
        double nu = 0.9 - 0.05;
        double nt = 0.3 - (1 - 0.6 * 0.5);
        assertThat(ResponseScore.score(untreated, treated, R)).isCloseTo((nu - nt) / (nu + 1), within(1e-12));
    }

    @Test
    void classesFollowTheThresholds() {
        assertThat(ResponseScore.classify(0.5, R)).isEqualTo("sensitive");
        assertThat(ResponseScore.classify(0.4999, R)).isEqualTo("partial");
        assertThat(ResponseScore.classify(0.25, R)).isEqualTo("partial");
        assertThat(ResponseScore.classify(0.2499, R)).isEqualTo("resistant");
        assertThat(ResponseScore.classify(0, R)).isEqualTo("resistant");
    }
}
