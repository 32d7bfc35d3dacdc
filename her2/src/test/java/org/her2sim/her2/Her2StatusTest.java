// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Her2Status;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A profile's {@code her2:} test results: the ASCO/CAP 2018 classes and the mechanisms they add. */
class Her2StatusTest {
    static final SourceLocation AT = SourceLocation.of("p.yaml");

    static Her2Status status(String ihc, String ish, Double cn) {
        return new Her2Status(ihc.isEmpty() ? null : ihc, ish.isEmpty() ? null : ish, cn, AT);
    }

    @ParameterizedTest(name = "ihc {0}, ish {1}, copies {2} -> {3}")
    @CsvSource({
        "3+, '', , 3+, false",
        "3+, negative, , 3+, true",
        "2+, positive, , 3+, false",
        "2+, negative, , 2+, false",
        "2+, '', , 2+, true",
        "1+, '', , 1+, false",
        "1+, positive, , 3+, true",
        "ultralow, '', , ultralow, false",
        "0, '', , 0, false",
        "'', '', 7.5, 3+, false",
        "'', '', 2.0, 1+, true",
        "'', negative, , 1+, true",
        "Ultra-Low, '', , ultralow, false"})
    void classesFollowTheScoringRules(String ihc, String ish, Double cn, String expected, boolean warns) {
        Her2Status.Call c = status(ihc, ish, cn).classify();
        assertThat(c.her2Class()).isEqualTo(expected);
        assertThat(c.warning().isEmpty()).as(c.warning()).isEqualTo(!warns);
    }

    @Test
    void badValuesAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> status("4+", "", null)).isInstanceOf(ModelException.class).hasMessageContaining("p.yaml")
            .hasMessageContaining("ihc '4+' is not one of 0, ultralow, 1+, 2+, 3+");
        assertThatThrownBy(() -> status("", "maybe", null)).hasMessageContaining("ish 'maybe'");
        assertThatThrownBy(() -> status("", "", -1.0)).hasMessageContaining("copy_number -1.0");
        assertThatThrownBy(() -> status("", "", null)).hasMessageContaining("give at least one of ihc, ish, copy_number");
        assertThatThrownBy(() -> status("", "positive", 2.0).classify()).hasMessageContaining("give one of them");
    }

    @Test
    void theClassAddsItsMechanismsAndErbb2IsGivenOnce() throws IOException {
        Catalog c = Catalog.load();
        Profile low = ProfileReader.parse("p.yaml", "p", "her2: {ihc: \"1+\", ish: negative}\n");
        assertThat(low.resolve(c, false).mechanisms()).containsExactly("her2_low_expression", "her2_1plus_cells");
        Profile zero = ProfileReader.parse("p.yaml", "p", "her2: {ihc: 0}\nalterations:\n  - {gene: PIK3CA, kind: activating}\n");
        assertThat(zero.resolve(c, false).mechanisms()).containsExactly("her2_loss", "pik3ca_activation");
        Profile amp = ProfileReader.parse("p.yaml", "p", "her2: {copy_number: 12}\n");
        assertThat(amp.resolve(c, false).mechanisms()).isEmpty();
        Profile both = ProfileReader.parse("p.yaml", "p", "her2: {ihc: \"1+\"}\nalterations:\n  - {gene: ERBB2, kind: amplified}\n");
        assertThatThrownBy(() -> both.resolve(c, false)).isInstanceOf(ModelException.class).hasMessageContaining("p.yaml:3")
            .hasMessageContaining("give it once");
        Profile mutant = ProfileReader.parse("p.yaml", "p", "her2: {ihc: \"2+\", ish: negative}\nalterations:\n"
            + "  - {gene: ERBB2, kind: activating, variant: p.L755S}\n");
        assertThat(mutant.resolve(c, false).mechanisms()).contains("erbb2_kinase_mutation", "her2_2plus_cells");
        assertThatThrownBy(() -> ProfileReader.parse("p.yaml", "p", "her2: {ihc: 1+, fish: negative}\n"))
            .hasMessageContaining("fish");
    }
}
