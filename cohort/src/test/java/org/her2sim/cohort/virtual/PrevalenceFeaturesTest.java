// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.her2sim.cohort.profile.SampleProfile;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.profile.Profile;
import org.junit.jupiter.api.Test;

/** Features with a prevalence per setting and with several mechanisms. */
class PrevalenceFeaturesTest {
    static String bundled() throws IOException {
        try (InputStream in = PrevalenceModel.class.getClassLoader().getResourceAsStream(PrevalenceModel.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String withFeature(String text, String line) {
        String anchor = "  - {id: erbb2_mutation";
        return text.replace(anchor, line + "\n" + anchor);
    }

    @Test
    void aValuePerSettingAndAListOfMechanisms() throws IOException {
        PrevalenceModel m = PrevalenceModel.parse("p.yaml", withFeature(bundled(),
            "  - {id: extra, value: {naive: 0.1, pretreated: 0.3}, source: [review], mechanisms: [p95her2_cleavage, pten_loss]}"));
        Feature f = m.feature("extra");
        assertThat(f.prevalence(Setting.NAIVE)).isEqualTo(0.1);
        assertThat(f.prevalence(Setting.PRETREATED)).isEqualTo(0.3);
        assertThat(f.mechanisms()).containsExactly("p95her2_cleavage", "pten_loss");
        assertThat(f.mechanism()).isEqualTo("p95her2_cleavage+pten_loss");
    }

    @Test
    void theBundledHer2NegativeMetastasisIsPretreatedOnlyAndAddsBothMechanisms() throws IOException {
        PrevalenceModel m = PrevalenceModel.load();
        Feature f = m.feature("her2_negative_metastasis");
        assertThat(f.prevalence(Setting.NAIVE)).isZero();
        assertThat(f.prevalence(Setting.PRETREATED)).isEqualTo(0.24);
        assertThat(f.sources()).contains("niikura2012", "mittendorf2009");
        // a patient with the feature gets every mechanism in the profile, the one without none of them
        CohortSampler sampler = new CohortSampler(m);
        List<Patient> ps = sampler.sample(200, 5, Setting.PRETREATED, 1).patients();
        Patient with = ps.stream().filter(p -> p.has(f.id())).findFirst().orElseThrow();
        Patient without = ps.stream().filter(p -> !p.has(f.id())).findFirst().orElseThrow();
        SampleProfile a = PatientProfiles.of(with, 5, Setting.PRETREATED, m, "c.csv");
        SampleProfile b = PatientProfiles.of(without, 5, Setting.PRETREATED, m, "c.csv");
        assertThat(a.profile().mechanisms()).extracting(Profile.Named::name).contains("her2_low_expression", "her2_1plus_cells");
        assertThat(b.profile().mechanisms()).extracting(Profile.Named::name).doesNotContain("her2_low_expression", "her2_1plus_cells");
        // and no naive patient has it
        assertThat(sampler.sample(2000, 5, Setting.NAIVE, 1).patients()).noneMatch(p -> p.has(f.id()));
    }

    @Test
    void aFeatureAbsentFromASettingLeavesThatSettingsCohortsAsTheyWere() throws IOException {
        String text = bundled();
        String with = withFeature(text, "  - {id: extra, value: {naive: 0.0, pretreated: 0.5}, source: [review], mechanism: p95her2_cleavage}");
        CohortSampler a = new CohortSampler(PrevalenceModel.parse("a.yaml", text));
        CohortSampler b = new CohortSampler(PrevalenceModel.parse("b.yaml", with));
        List<Patient> before = a.sample(300, 9, Setting.NAIVE, 1).patients();
        List<Patient> after = b.sample(300, 9, Setting.NAIVE, 1).patients();
        for (int i = 0; i < before.size(); i++) {
            Patient x = before.get(i);
            Patient y = after.get(i);
            assertThat(y.has("extra")).isFalse();
            x.features().forEach((k, v) -> assertThat(y.has(k)).as(k).isEqualTo(v));
            assertThat(y.weightKg()).isEqualTo(x.weightKg());
            assertThat(y.serumEcdNgMl()).isEqualTo(x.serumEcdNgMl());
            assertThat(y.pkZ()).isEqualTo(x.pkZ());
        }
        // the pretreated setting draws it
        assertThat(b.sample(300, 9, Setting.PRETREATED, 1).patients()).anyMatch(p -> p.has("extra"));
    }

    @Test
    void badFeaturesAreLocated() throws IOException {
        refused("{id: extra, value: {naive: 0.1, later: 0.3}, source: [review], mechanism: p95her2_cleavage}", "later");
        refused("{id: extra, value: {naive: 0.1}, source: [review], mechanism: p95her2_cleavage}", "pretreated");
        refused("{id: extra, value: {naive: 0.1, pretreated: 1.3}, source: [review], mechanism: p95her2_cleavage}", "fraction in [0, 1]");
        refused("{id: extra, value: 0.1, source: [review], mechanism: p95her2_cleavage, mechanisms: [pten_loss]}", "exactly one of");
        refused("{id: extra, value: 0.1, source: [review], mechanisms: []}", "at least one");
    }

    /** The bundled model with one more feature is refused with a located message containing the fragment. */
    static void refused(String feature, String fragment) throws IOException {
        assertThatThrownBy(() -> PrevalenceModel.parse("p.yaml", withFeature(bundled(), "  - " + feature)))
            .isInstanceOf(ModelException.class).hasMessageContaining("p.yaml:").hasMessageContaining(fragment);
    }
}
