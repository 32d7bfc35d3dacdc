// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.ModelGraph;
import org.her2sim.her2.catalog.ModelGraph.Sign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path dir;

    /** Loads an edited copy and returns the error message. */
    String error(String file, String from, String with) throws IOException {
        Fixture.edited(dir, file, from, with);
        try {
            Catalog.load(dir);
        } catch (ModelException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + with);
    }

    /** {@code file:line:column} of the first occurrence of {@code text} in an edited file. */
    String where(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            int c = lines.get(i).indexOf(text);
            if (c >= 0) {
                return dir.resolve(file) + ":" + (i + 1) + ":" + (c + 1);
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void loadsTheFixture() throws IOException {
        Catalog c = Fixture.catalog();
        assertThat(c.network().size()).isEqualTo(16);
        assertThat(c.therapies().keySet()).containsExactly("trastuzumab", "pi3k_inhibitor", "paclitaxel");
        assertThat(c.mechanisms().keySet()).containsExactly("pik3ca_activation", "pten_loss", "muc4_masking");
        assertThat(c.mechanism("muc4_masking").subpopulation()).isEqualTo(0.5);
        assertThat(c.mechanism("pik3ca_activation").citation().toString()).isEqualTo("§6.1; refs 34, 35, 37; Berns 2007 Cancer Cell");
        assertThat(c.therapy("HERCEPTIN").id()).isEqualTo("trastuzumab");
        assertThat(c.therapy("paclitaxel").addon()).isFalse();
        assertThat(c.therapy("pi3k_inhibitor").addon()).isTrue();
        assertThat(c.genes().gene("her2")).isEqualTo("ERBB2");
        assertThat(c.genes().target("PIK3CA", "amplified")).isEqualTo("pik3ca_activation");
        assertThat(c.response().outputs()).containsExactly("Proliferation", "Apoptosis", "ImmuneKill", "AKT", "ERK", "TZB_bound");
        assertThat(c.context().get("heregulin").get("high").get(0).toString()).isEqualTo("HRG=1");
        assertThat(c.profileNames()).containsExactly("baseline", "muc4", "pik3ca");
        // the same files from a directory
        Catalog d = Catalog.load(Fixture.dir());
        assertThat(d.profileNames()).isEqualTo(c.profileNames());
        assertThat(d.graph()).isEqualTo(c.graph());
    }

    @Test
    void graphSignsComeFromTruthTables() {
        ModelGraph g = Fixture.catalog().graph();
        assertThat(g.edge("TZB_bound", "HER2").sign()).isEqualTo(Sign.NEGATIVE);
        assertThat(g.edge("HRG", "HER2").sign()).isEqualTo(Sign.POSITIVE);
        assertThat(g.edge("PTEN", "AKT").sign()).isEqualTo(Sign.NEGATIVE);
        assertThat(g.edge("PI3Ki", "AKT").sign()).isEqualTo(Sign.NEGATIVE);
        assertThat(g.edge("AKT", "Apoptosis").sign()).isEqualTo(Sign.NEGATIVE);
        assertThat(g.edge("MUC4", "TZB_bound").sign()).isEqualTo(Sign.NEGATIVE);
        assertThat(g.edge("TZB", "TZB_bound").sign()).isEqualTo(Sign.POSITIVE);
        assertThat(g.edge("HER2", "Proliferation")).isNull();
        assertThat(g.incoming("TZB")).isEmpty();
        assertThat(g.incoming("HRG")).isEmpty();   // "logic = HRG;" in HRG: an input, not a self-loop
        assertThat(g.incoming("AKT")).extracting(ModelGraph.Edge::from).containsExactly("PI3Ki", "PTEN", "PI3K");
    }

    @Test
    void checkListsWhatTheEvidenceLacks() {
        List<String> issues = Fixture.catalog().check();
        assertThat(issues).contains("node PI3Ki: no evidence in evidence.yaml", "edge HRG -> HER2 (+): no evidence in evidence.yaml");
        assertThat(issues).anyMatch(s -> s.startsWith("node ERK: no references or papers"));
        assertThat(issues).anyMatch(s -> s.startsWith("edge HER2 -> ERK: sign - in evidence.yaml but + in the network"));
        assertThat(issues).anyMatch(s -> s.startsWith("edge ERK -> Proliferation: not in the network"));
        assertThat(issues).anyMatch(s -> s.startsWith("therapy paclitaxel: no references or papers"));
        assertThat(issues).noneMatch(s -> s.startsWith("node HER2:") || s.startsWith("edge HER2 -> PI3K") || s.contains("drug node")
            || s.startsWith("mechanism"));
    }

    @Test
    void unknownNodeInAMechanismIsReportedWhereItIsWritten() throws IOException {
        String msg = error("mechanisms.yaml", "{node: PTEN, value: 0}", "{node: PTENX, value: 0}");
        assertThat(msg).startsWith(where("mechanisms.yaml", "PTENX") + ": mechanism 'pten_loss': unknown node 'PTENX' in perturb")
            .contains("did you mean: PTEN");
    }

    @Test
    void unknownTherapyInCounteredBy() throws IOException {
        String msg = error("mechanisms.yaml", "countered_by: []", "countered_by: [lapatinib]");
        assertThat(msg).startsWith(where("mechanisms.yaml", "lapatinib") + ": mechanism 'muc4_masking': countered_by: unknown therapy 'lapatinib'");
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() throws IOException {
        String msg = error("therapies.yaml", "aliases: [herceptin]", "aliases: [herceptin");
        assertThat(msg).matches(java.util.regex.Pattern.quote(dir.resolve("therapies.yaml").toString()) + ":\\d+:\\d+: YAML syntax error: (?s).*");
    }

    @Test
    void otherErrors() throws IOException {
        assertThat(error("mechanisms.yaml", "behaviour: \"AKT stays active\"", "behavior: x"))
            .startsWith(where("mechanisms.yaml", "behavior") + ": mechanism 'pten_loss': unknown field 'behavior'");
    }

    @Test
    void geneMappedToAnUnknownMechanism() throws IOException {
        assertThat(error("genes.yaml", "{loss: pten_loss}", "{loss: pten_gone}"))
            .startsWith(where("genes.yaml", "pten_gone") + ": gene PTEN, loss: unknown mechanism 'pten_gone' (did you mean: pten_loss?");
    }

    @Test
    void unknownDrugNodeAndAlterationKind() throws IOException {
        assertThat(error("therapies.yaml", "drugs: [PI3Ki]", "drugs: [PI3K_i]"))
            .startsWith(where("therapies.yaml", "PI3K_i") + ": therapy 'pi3k_inhibitor': drugs: unknown node 'PI3K_i'");
    }

    @Test
    void unknownKindInGenes() throws IOException {
        assertThat(error("genes.yaml", "PTEN: {loss:", "PTEN: {deleted:"))
            .startsWith(where("genes.yaml", "deleted") + ": gene PTEN: unknown alteration kind 'deleted'");
    }

    @Test
    void phenotypeMustBeANode() throws IOException {
        assertThat(error("response.yaml", "readouts: [AKT,", "readouts: [AKT2,"))
            .startsWith(where("response.yaml", "AKT2") + ": response: readouts: unknown node 'AKT2'");
    }

    @Test
    void networkErrorsKeepTheirLocation() throws IOException {
        assertThat(error("network/her2.bnd", "node ERK { logic = HER2; }", "node ERK { logic = HER2 }"))
            .startsWith(dir.resolve("network/her2.bnd") + ":");
    }

    @Test
    void expectationsMayNameBackgroundMechanisms() throws IOException {
        assertThat(Fixture.catalog().mechanism("pten_loss").expect().get(1).toString())
            .isEqualTo("Proliferation up under trastuzumab with muc4_masking");
        assertThat(error("mechanisms.yaml", "with: [muc4_masking]", "with: [muc4]"))
            .startsWith(where("mechanisms.yaml", "muc4]") + ": expect: with: unknown mechanism 'muc4'");
    }

    @Test
    void commasInFlowMappingsGetAHint() throws IOException {
        assertThat(error("context.yaml", "{node: HRG, value: 1}", "{node: HRG, value: 1, x}"))
            .contains("unknown field 'x'").contains("quote values that contain commas");
    }

    @Test
    void evidenceLevelIsOneOfFour() throws IOException {
        assertThat(error("therapies.yaml", "evidence: phase 1-2", "evidence: phase 2"))
            .contains("therapy 'pi3k_inhibitor': evidence 'phase 2' is not one of approved, phase 3, phase 1-2, preclinical");
    }

    @Test
    void sameAsMustNameAnotherEntry() throws IOException {
        assertThat(error("therapies.yaml", "evidence: phase 1-2", "evidence: phase 1-2\n    same_as: {id: pi3k_inhibitor, why: x}"))
            .contains("same_as: names the therapy itself");
    }

    @Test
    void sameAsMustNameAKnownEntry() throws IOException {
        assertThat(error("therapies.yaml", "evidence: phase 1-2", "evidence: phase 1-2\n    same_as: {id: trastuzumabb, why: x}"))
            .contains("therapy 'pi3k_inhibitor': same_as: unknown therapy 'trastuzumabb'");
    }

    @Test
    void sameAsMustSayWhy() throws IOException {
        assertThat(error("therapies.yaml", "evidence: phase 1-2", "evidence: phase 1-2\n    same_as: {id: trastuzumab, why: \"\"}"))
            .contains("'why' must say why");
    }

    @Test
    void duplicateMechanismId() throws IOException {
        assertThat(error("mechanisms.yaml", "id: pten_loss", "id: pik3ca_activation")).contains("mechanism 'pik3ca_activation': duplicate id");
    }
}
