// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.HtmlReport;
import org.her2sim.her2.report.JsonText;
import org.her2sim.her2.report.PredictionText;
import org.her2sim.her2.report.Provenance;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Mechanism contributions as Shapley shares of the total effect, on the fixture. */
class AttributionTest {
    static final Catalog C = Fixture.catalog();
    static final List<String> TZB = List.of("trastuzumab");
    static final long SEED = 7;
    static final Predictor.Options NO_RESCUES = new Predictor.Options(600, 2, false, false);

    /** PIK3CA activation and PTEN loss each keep AKT on under trastuzumab: an OR gate, either one suffices. */
    static final Profile REDUNDANT = profile("redundant", "mechanisms: [pik3ca_activation, pten_loss]");
    /** The two, plus MUC4 masking in half the cells (a subpopulation: two clones). */
    static final Profile THREE = profile("three", "mechanisms: [pten_loss, muc4_masking, pik3ca_activation]");

    static Profile profile(String name, String body) {
        return ProfileReader.parse(name + ".yaml", name, "name: " + name + "\n" + body + "\n");
    }

    static double contribution(Prediction p, String id) {
        return effect(p, id).contribution();
    }

    static Prediction.MechanismEffect effect(Prediction p, String id) {
        return p.activeMechanisms().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    static double sum(Prediction p) {
        return p.activeMechanisms().stream().mapToDouble(Prediction.MechanismEffect::contribution).sum();
    }

    @Test
    void sharesSumToTheTotalEffectOfAllMechanisms() throws Exception {
        CountingListener l = new CountingListener();
        Prediction p = new Predictor(C).predict(THREE, TZB, SEED, new Predictor.Options(600, 2, true, false), l);
        Prediction.Attribution a = p.attribution();
        assertThat(a.method()).isEqualTo("exact");
        assertThat(a.mechanisms()).isEqualTo(3);
        assertThat(a.coalitions()).isEqualTo(8);
        assertThat(a.scoreWithAll()).isEqualTo(p.responseScore());
        assertThat(a.totalEffect()).isCloseTo(a.scoreWithNone() - a.scoreWithAll(), within(1e-9));
        assertThat(sum(p)).isCloseTo(a.totalEffect(), within(1e-9));
        assertThat(a.totalEffect()).isGreaterThan(0.3);
        // with none of the mechanisms, the profile is the baseline (same seed, same simulations)
        Prediction baseline = new Predictor(C).predict(ProfileReader.find("baseline", C), TZB, SEED, NO_RESCUES);
        assertThat(a.scoreWithNone()).isEqualTo(baseline.responseScore());
        // untreated and treated for each of the 8 subsets (the full one is the profile itself), one per rescue
        assertThat(l.total).isEqualTo(2 * 8 + p.rescues().size());
        assertThat(l.done).isEqualTo(l.total);
        // listed in the profile's order, each with a standard error
        assertThat(p.activeMechanisms()).extracting(Prediction.MechanismEffect::id).containsExactly("pten_loss", "muc4_masking",
            "pik3ca_activation");
        assertThat(p.activeMechanisms()).allSatisfy(m -> assertThat(m.se()).isBetween(1e-4, 0.05));

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) new Yaml().load(JsonText.write(p.toMap()));
        @SuppressWarnings("unchecked")
        Map<String, Object> attribution = (Map<String, Object>) json.get("attribution");
        assertThat(attribution).containsEntry("method", "exact").containsEntry("mechanisms", 3).containsEntry("coalitions", 8)
            .doesNotContainKey("permutations").containsKeys("totalEffect", "scoreWithNone", "scoreWithAll", "note");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mechanisms = (List<Map<String, Object>>) json.get("activeMechanisms");
        assertThat(mechanisms).allSatisfy(m -> assertThat(m).containsKeys("contribution", "contributionSE"));
        String sentence = "Contributions are Shapley shares over the active mechanisms (exact over 3 mechanisms) and sum to the total effect";
        assertThat(PredictionText.of(p)).contains(sentence);
        assertThat(HtmlReport.page("three", C, List.of(p), List.of(THREE), new Provenance("her2sim test", "0".repeat(64), SEED, "2026-01-01")))
            .contains(sentence);
        assertThat(effect(p, "pik3ca_activation").comment()).startsWith("lowers the response: Shapley share ")
            .contains(String.format(java.util.Locale.ROOT, "of the total effect %.3f", a.totalEffect()));
    }

    @Test
    void redundantMechanismsEachGetAShareWhereLeavingOneOutFindsNothing() throws Exception {
        Prediction both = new Predictor(C).predict(REDUNDANT, TZB, SEED, NO_RESCUES);
        double pik3ca = contribution(both, "pik3ca_activation");
        double pten = contribution(both, "pten_loss");
        double total = both.attribution().totalEffect();
        assertThat(total).isGreaterThan(0.3);
        for (Prediction.MechanismEffect m : both.activeMechanisms()) {
            assertThat(m.contribution()).as(m.id()).isGreaterThan(Predictor.NEUTRAL).isGreaterThan(4 * m.se())
                .isCloseTo(total / 2, within(0.05));
            assertThat(m.effect()).isEqualTo("resistance");
        }
        assertThat(pik3ca + pten).isCloseTo(total, within(1e-9));

        // leave-one-out: the score with the other one alone (same seed: the same simulations) minus the score with both
        double onlyPten = new Predictor(C).predict(profile("pten", "mechanisms: [pten_loss]"), TZB, SEED, NO_RESCUES).responseScore();
        double onlyPik3ca = new Predictor(C).predict(profile("pik3ca", "mechanisms: [pik3ca_activation]"), TZB, SEED, NO_RESCUES)
            .responseScore();
        assertThat(onlyPten - both.responseScore()).as("pik3ca_activation left out").isLessThan(Predictor.NEUTRAL);
        assertThat(onlyPik3ca - both.responseScore()).as("pten_loss left out").isLessThan(Predictor.NEUTRAL);
        // the shares are exactly the two-player formula over the four subsets
        double none = both.attribution().scoreWithNone();
        assertThat(pik3ca).isCloseTo(0.5 * (none - onlyPik3ca) + 0.5 * (onlyPten - both.responseScore()), within(1e-9));
    }

    @Test
    void sameSeedSameSharesExactOrSampled() throws Exception {
        Prediction a = new Predictor(C).predict(THREE, TZB, SEED, NO_RESCUES);
        Prediction b = new Predictor(C).predict(THREE, TZB, SEED, new Predictor.Options(600, 1, false, false));
        assertThat(JsonText.write(b.toMap())).isEqualTo(JsonText.write(a.toMap()));

        // sampled over 30 random orders (as with more than Predictor.MAX_EXACT mechanisms)
        Predictor sampling = new Predictor(C, 1, 30);
        CountingListener l = new CountingListener();
        Prediction s = sampling.predict(THREE, TZB, SEED, NO_RESCUES, l);
        Prediction t = sampling.predict(THREE, TZB, SEED, NO_RESCUES);
        assertThat(JsonText.write(t.toMap())).isEqualTo(JsonText.write(s.toMap()));
        assertThat(s.attribution().method()).isEqualTo("sampled");
        assertThat(s.attribution().permutations()).isEqualTo(30);
        assertThat(s.attribution().describe()).isEqualTo("sampled, 30 permutations of 3 mechanisms");
        assertThat(l.total).isEqualTo(2 * s.attribution().coalitions());
        assertThat(l.done).isEqualTo(l.total);
        assertThat(sum(s)).isCloseTo(s.attribution().totalEffect(), within(1e-9));
        assertThat(s.attribution().totalEffect()).isEqualTo(a.attribution().totalEffect());
        for (Prediction.MechanismEffect m : s.activeMechanisms()) {
            assertThat(m.contribution()).as(m.id()).isCloseTo(contribution(a, m.id()), within(4 * m.se()));
        }
        Prediction other = sampling.predict(THREE, TZB, SEED + 1, NO_RESCUES);
        assertThat(other.activeMechanisms()).extracting(Prediction.MechanismEffect::contribution)
            .isNotEqualTo(s.activeMechanisms().stream().map(Prediction.MechanismEffect::contribution).toList());
        assertThat(Predictor.attributionPlayers(List.of("b", "a"))).containsExactly("a", "b");
    }
}
