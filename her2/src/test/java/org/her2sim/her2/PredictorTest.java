// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Expectations;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.JsonText;
import org.her2sim.her2.report.PredictionText;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class PredictorTest {
    static final Catalog C = Fixture.catalog();
    static final List<String> TZB = List.of("trastuzumab");

    static Prediction predict(String profile, int threads, List<String> therapies) throws Exception {
        return new Predictor(C).predict(ProfileReader.find(profile, C), therapies, 7, new Predictor.Options(300, threads, true, false));
    }

    @Test
    void sameSeedSameResultForAnyThreadCount() throws Exception {
        Prediction a = predict("pik3ca", 2, TZB);
        Prediction b = predict("pik3ca", 2, TZB);
        Prediction c = predict("pik3ca", 1, TZB);
        assertThat(JsonText.write(b.toMap())).isEqualTo(JsonText.write(a.toMap()));
        assertThat(JsonText.write(c.toMap())).isEqualTo(JsonText.write(a.toMap()));
        Prediction other = new Predictor(C).predict(ProfileReader.find("pik3ca", C), TZB, 8, new Predictor.Options(300, 2, true, false));
        assertThat(other.seed()).isEqualTo(8);
        assertThat(other.treated().get("ImmuneKill").p()).isNotEqualTo(a.treated().get("ImmuneKill").p());
    }

    @Test
    void theListenerHearsOfEverySimulationAndTheResultIsTheSame() throws Exception {
        CountingListener l = new CountingListener();
        Prediction p = new Predictor(C).predict(ProfileReader.find("pik3ca", C), TZB, 7, new Predictor.Options(300, 2, true, false), l);
        // untreated and treated for each subset of the active mechanisms (one mechanism: with and without it), one per rescue tried
        assertThat(p.attribution().coalitions()).isEqualTo(1 << p.activeMechanisms().size()).isEqualTo(2);
        assertThat(l.total).isEqualTo(2 * p.attribution().coalitions() + p.rescues().size());
        assertThat(l.done).isEqualTo(l.total);
        assertThat(JsonText.write(p.toMap())).isEqualTo(JsonText.write(predict("pik3ca", 2, TZB).toMap()));
    }

    @Test
    void jsonHasExactlyTheTenKeys() throws Exception {
        Prediction p = predict("pik3ca", 2, TZB);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) new Yaml().load(JsonText.write(p.toMap()));
        assertThat(m.keySet()).containsExactly("profile", "therapies", "responseScore", "responseScoreInterval", "responseClass", "phenotypes",
            "activeMechanisms", "attribution", "rescues", "seed");
        assertThat(m.keySet()).containsExactlyElementsOf(Prediction.KEYS);
        assertThat(m.get("profile")).isEqualTo("pik3ca");
        assertThat(m.get("therapies")).isEqualTo(TZB);
        assertThat(m.get("seed")).isEqualTo(7);
        assertThat((List<?>) m.get("phenotypes")).hasSize(6);
    }

    @Test
    void baselineIsSensitiveAndPik3caResistantWithARescue() throws Exception {
        Prediction base = predict("baseline", 2, TZB);
        assertThat(base.responseScore()).isGreaterThan(0.8);
        assertThat(base.responseClass()).isEqualTo("sensitive");
        assertThat(base.activeMechanisms()).isEmpty();
        assertThat(base.phenotypes().get(0).untreated().p()).isEqualTo(1.0);

        Prediction p = predict("pik3ca", 2, TZB);
        assertThat(p.responseClass()).isEqualTo("resistant");
        assertThat(p.treated().get("Proliferation").p()).isEqualTo(1.0);
        Prediction.MechanismEffect m = p.activeMechanisms().get(0);
        assertThat(m.id()).isEqualTo("pik3ca_activation");
        assertThat(m.contribution()).isGreaterThan(0.5);
        assertThat(m.effect()).isEqualTo("resistance");
        // one mechanism: its share is the whole effect, the score without it minus the score with it
        assertThat(m.contribution()).isEqualTo(p.attribution().totalEffect());
        assertThat(m.contribution()).isCloseTo(base.responseScore() - p.responseScore(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(p.rescues()).extracting(Prediction.Rescue::id).containsExactly("pi3k_inhibitor");  // paclitaxel is no add-on
        assertThat(p.rescues().get(0).gain()).isGreaterThan(0.5);
        assertThat(p.rescues().get(0).counters()).containsExactly("pik3ca_activation");
        assertThat(PredictionText.of(p)).contains("response:   ").contains("pik3ca_activation").contains("pi3k_inhibitor");
    }

    @Test
    void aSubpopulationMechanismMixesClones() throws Exception {
        Prediction p = predict("muc4", 2, TZB);
        // half the cells have MUC4 masking: trastuzumab binds in the other half only
        assertThat(p.treated().get("TZB_bound").p()).isBetween(0.45, 0.55);
        assertThat(p.activeMechanisms().get(0).contribution()).isGreaterThan(0.2);
    }

    @Test
    void therapiesByAliasAndUnknownTherapies() throws Exception {
        Prediction p = new Predictor(C).predict(ProfileReader.find("baseline", C), List.of("Herceptin", "trastuzumab"), 7,
            new Predictor.Options(100, 2, false, false));
        assertThat(p.therapies()).containsExactly("trastuzumab");
        assertThat(p.rescues()).isEmpty();
        assertThatThrownBy(() -> predict("baseline", 2, List.of("trastuzamab"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("unknown therapy 'trastuzamab' (did you mean: trastuzumab? known: trastuzumab, pi3k_inhibitor, paclitaxel)");
    }

    @Test
    void everyExpectationOfTheFixtureHolds() {
        List<Expectations.Outcome> out = Expectations.check(C, 7, 200, 2);
        assertThat(out).hasSize(4);
        assertThat(out).allSatisfy(o -> assertThat(o.holds(0.05)).as(o.mechanism() + ": " + o.expectation()).isTrue());
    }
}
