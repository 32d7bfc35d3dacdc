// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    static final Catalog C = Fixture.catalog();

    @TempDir
    Path dir;

    static Profile parse(String text) {
        return ProfileReader.parse("p.yaml", "p", text);
    }

    @Test
    void bundledProfilesResolve() throws IOException {
        Profile.Resolved p = ProfileReader.find("pik3ca", C).resolve(C, false);
        assertThat(p.profile().name()).isEqualTo("pik3ca");
        assertThat(p.mechanisms()).containsExactly("pik3ca_activation");
        Profile.Resolved m = ProfileReader.find("muc4", C).resolve(C, false);
        assertThat(m.mechanisms()).containsExactly("muc4_masking");
        assertThat(m.contextFixes()).extracting(Object::toString).containsExactly("HRG=0");
        assertThat(ProfileReader.find("baseline.yaml", C).resolve(C, false).mechanisms()).isEmpty();
    }

    @Test
    void mechanismsComeInOrderWithoutRepeats() {
        Profile p = parse("""
            alterations:
              - {gene: pik3ca, kind: Activating}
              - {gene: PIK3CA, kind: amplified}
              - {gene: her2, kind: amplified}
            mechanisms: [pten_loss, pik3ca_activation]
            context: {heregulin: high}
            """);
        Profile.Resolved r = p.resolve(C, false);
        assertThat(p.name()).isEqualTo("p");
        assertThat(r.mechanisms()).containsExactly("pik3ca_activation", "pten_loss");
        assertThat(r.contextFixes()).extracting(Object::toString).containsExactly("HRG=1");
        assertThat(r.warnings()).isEmpty();
    }

    String error(String text) {
        try {
            parse(text).resolve(C, false);
        } catch (ModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void unknownEntriesAreErrorsAtTheirPlace() {
        assertThat(error("alterations:\n  - {gene: PIK3CA, kind: activating}\n  - {gene: FOO, kind: loss}\n"))
            .startsWith("p.yaml:3:5: alteration FOO loss: unknown gene 'FOO'");
        assertThat(error("alterations:\n  - {gene: PTEN, kind: deleted}\n"))
            .startsWith("p.yaml:2:5: alteration PTEN deleted: unknown kind 'deleted' (").contains("loss, gain");
        assertThat(error("alterations:\n  - {gene: PTEN, kind: gain}\n"))
            .isEqualTo("p.yaml:2:5: alteration PTEN gain: PTEN has no mechanism for kind 'gain' in genes.yaml (known kinds: loss)");
        assertThat(error("mechanisms: [pten_los]\n")).startsWith("p.yaml:1:14: unknown mechanism 'pten_los' (did you mean: pten_loss?");
        assertThat(error("context:\n  heregullin: high\n")).startsWith("p.yaml:2:3: context: unknown context key 'heregullin' (did you mean: heregulin?");
        assertThat(error("context: {heregulin: medium}\n")).startsWith("p.yaml:1:22: context heregulin: unknown level 'medium'");
    }

    @Test
    void lenientModeCollectsWarnings() {
        Profile p = parse("""
            alterations:
              - {gene: FOO, kind: loss}
              - {gene: PTEN, kind: gain}
              - {gene: PIK3CA, kind: activating}
            mechanisms: [nope]
            context: {sunlight: high, heregulin: medium}
            """);
        Profile.Resolved r = p.resolve(C, true);
        assertThat(r.mechanisms()).containsExactly("pik3ca_activation");
        assertThat(r.warnings()).containsExactly(
            "p.yaml:2:5: ignored: gene FOO (not in genes.yaml)",
            "p.yaml:3:5: ignored: PTEN gain (no mechanism in genes.yaml)",
            "p.yaml:5:14: ignored: mechanism nope (not in mechanisms.yaml)",
            "p.yaml:6:11: ignored: context sunlight (not in context.yaml)",
            "p.yaml:6:38: ignored: context heregulin: medium (unknown level)");
    }

    @Test
    void unmodelledAlterationsAreReportedNotDropped() {
        Profile.Resolved r = parse("alterations: [{gene: CDH1, kind: loss}, {gene: PTEN, kind: loss}]\n").resolve(C, false);
        assertThat(r.mechanisms()).containsExactly("pten_loss");
        assertThat(r.warnings()).containsExactly("p.yaml:1:15: not modelled: CDH1 loss (named by the review, no mechanism in the model)");
    }

    @Test
    void malformedProfilesFailWhenRead() {
        assertThatThrownBy(() -> parse("alterations:\n  - {gene: PTEN, knd: loss}\n"))
            .isInstanceOf(ModelException.class).hasMessageStartingWith("p.yaml:2:18: alteration: unknown field 'knd'");
        assertThatThrownBy(() -> parse("alterations:\n  - {gene: PTEN}\n"))
            .hasMessageStartingWith("p.yaml:2:5: alteration: missing field 'kind'");
        assertThatThrownBy(() -> parse("name: [x\n")).hasMessageStartingWith("p.yaml:2:1: YAML syntax error");
        assertThatThrownBy(() -> parse("alteration: []\n")).hasMessageStartingWith("p.yaml:1:1: profile: unknown field 'alteration'");
    }

    @Test
    void findReadsFilesOrBundledNames() throws IOException {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "alterations: [{gene: PTEN, kind: loss}]\n");
        Profile p = ProfileReader.find(f.toString(), C);
        assertThat(p.name()).isEqualTo("mine");
        assertThat(p.resolve(C, false).mechanisms()).containsExactly("pten_loss");
        assertThatThrownBy(() -> ProfileReader.find("nosuch", C)).isInstanceOf(ModelException.class)
            .hasMessageContaining("no profile file 'nosuch'").hasMessageContaining("baseline, muc4, pik3ca");
    }
}
