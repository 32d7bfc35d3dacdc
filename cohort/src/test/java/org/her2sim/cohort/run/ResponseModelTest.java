// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.cohort.run.work.ProfileResponse;
import org.her2sim.cohort.run.work.ResponseModel;
import org.her2sim.cohort.run.work.ScenarioCache;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.Test;

/** The cohort's cached computation gives Predictor's numbers. */
class ResponseModelTest {
    @Test
    void sameScoreContributionsAndRescueAsPredictor() throws IOException {
        Catalog c = Fixtures.model().catalog();
        String yaml = "name: both\nalterations:\n  - {gene: PIK3CA, kind: activating}\n  - {gene: MUC4, kind: overexpressed}\n";
        Profile profile = ProfileReader.parse("both.yaml", "both", yaml);
        Prediction p = new Predictor(c).predict(profile, List.of("trastuzumab"), 11, new Predictor.Options(150, 1, true, false));
        ScenarioCache cache = new ScenarioCache(c, 11, 150, 1);
        ProfileResponse r = new ResponseModel(cache).predict(ProfileKey.of(profile.resolve(c, false)), List.of("trastuzumab"), true);
        assertThat(r.score()).isCloseTo(p.responseScore(), within(1e-12));
        assertThat(r.responseClass()).isEqualTo(p.responseClass());
        assertThat(r.contributions()).hasSize(p.activeMechanisms().size());
        for (Prediction.MechanismEffect e : p.activeMechanisms()) {
            double mine = r.contributions().stream().filter(x -> x.mechanism().equals(e.id())).findFirst().orElseThrow().value();
            assertThat(mine).as(e.id()).isCloseTo(e.contribution(), within(1e-12));
        }
        assertThat(r.rescue()).isEqualTo(p.rescues().get(0).id()).isEqualTo("pi3k_inhibitor");
        assertThat(r.rescueScore()).isCloseTo(p.rescues().get(0).responseScore(), within(1e-12));
        assertThat(r.se()).isBetween(0.0, 0.1);
        // untreated and treated for each of the 4 subsets of the two mechanisms (Shapley shares), and the one add-on
        assertThat(cache.runs()).isEqualTo(2 * 4 + 1);
        assertThat(r.contributions().stream().mapToDouble(ProfileResponse.Contribution::value).sum())
            .isCloseTo(p.attribution().totalEffect(), within(1e-9));
    }

    @Test
    void textFormRoundTripsExactly() {
        ProfileResponse r = new ProfileResponse(0.1 + 0.2, 1.0 / 3, "partial",
            List.of(new ProfileResponse.Contribution("a", Math.PI), new ProfileResponse.Contribution("b", -1e-17)), "", Double.NaN);
        assertThat(ProfileResponse.parse(r.toText())).isEqualTo(r);
        assertThat(r.topMechanism()).isEqualTo("a");
    }
}
