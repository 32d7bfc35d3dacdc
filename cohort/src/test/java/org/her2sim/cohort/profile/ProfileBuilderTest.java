// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.classify.Call;
import org.her2sim.cohort.classify.ClassificationTable;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.variant.CnaReader;
import org.her2sim.cohort.variant.MafReader;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileBuilderTest {
    static Catalog catalog;
    static ClassificationTable table;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        catalog = Catalog.load();
        table = ClassificationTable.load();
    }

    List<SampleProfile> build(List<String> only) throws IOException {
        Path maf = dir.resolve("m.maf");
        Files.writeString(maf, "#version 2.4\nHugo_Symbol\tVariant_Classification\tHGVSp_Short\tTumor_Sample_Barcode\n"
            + "PIK3CA\tMissense_Mutation\tp.H1047R\tA\n"
            + "AKT1\tMissense_Mutation\tp.E17K\tA\n"
            + "ERBB2\tMissense_Mutation\tp.L755S\tA\n"
            + "PTEN\tNonsense_Mutation\tp.R130*\tB\n"
            + "CDH1\tFrame_Shift_Del\tp.L100fs\tB\n");
        Path cna = dir.resolve("cna.txt");
        Files.writeString(cna, "Hugo_Symbol\tA\tB\tC\nERBB2\t2\t2\t2\nPTEN\t-1\t-2\t0\nMYC\t2\t0\t0\n");
        return new ProfileBuilder(table, catalog.genes()).add(MafReader.read(maf)).add(CnaReader.read(cna)).build(only);
    }

    static SampleProfile named(List<SampleProfile> ps, String name) {
        return ps.stream().filter(p -> p.sample().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void mergesFilesBySample() throws IOException {
        List<SampleProfile> ps = build(List.of());
        assertThat(ps).extracting(SampleProfile::sample).containsExactly("A", "B", "C");
        SampleProfile a = named(ps, "A");
        assertThat(a.profile().alterations()).extracting(Profile.Alteration::toString)
            .containsExactly("PIK3CA activating (p.H1047R)", "AKT1 activating (p.E17K)", "ERBB2 activating (p.L755S)",
                "ERBB2 amplified (amplification (GISTIC 2))");
        assertThat(a.unclassified()).extracting(Call.Unclassified::gene).containsExactly("PTEN", "MYC");
        assertThat(a.unclassified().get(0).reason()).contains("shallow deletion");
        assertThat(a.files()).hasSize(2);
        SampleProfile b = named(ps, "B");
        assertThat(b.profile().alterations()).extracting(Profile.Alteration::gene).containsExactly("PTEN", "CDH1", "ERBB2", "PTEN");
        assertThat(named(ps, "C").profile().alterations()).extracting(Profile.Alteration::gene).containsExactly("ERBB2");
    }

    @Test
    void producedYamlIsAProfileThePredictorReads() throws IOException {
        for (SampleProfile sp : build(List.of())) {
            String yaml = ProfileText.yaml(sp);
            Profile p = ProfileReader.parse("out.yaml", "x", yaml);
            assertThat(p.name()).isEqualTo(sp.sample());
            assertThat(p.alterations()).hasSameSizeAs(sp.altered());
            Profile.Resolved r = p.resolve(catalog, false);
            if (sp.sample().equals("A")) {
                assertThat(r.mechanisms()).containsExactly("pik3ca_activation", "akt1_e17k", "erbb2_kinase_mutation");
                assertThat(yaml).contains("# unclassified: listed, not applied (2)").contains("MYC");
            }
            if (sp.sample().equals("B")) {
                assertThat(r.mechanisms()).containsExactly("pten_loss", "cdh1_loss");
                assertThat(r.warnings()).isEmpty();
            }
        }
    }

    @Test
    void jsonHasUnclassifiedAsAField() throws IOException {
        Map<String, Object> m = JsonTree.of(ProfileJson.of(named(build(List.of()), "A")));
        assertThat(m).containsKeys("name", "description", "files", "alterations", "mechanisms", "context", "unclassified");
        assertThat((List<?>) m.get("unclassified")).hasSize(2);
    }

    @Test
    void sampleSelection() throws IOException {
        assertThat(build(List.of("C", "A"))).extracting(SampleProfile::sample).containsExactly("C", "A");
        assertThatThrownBy(() -> build(List.of("Z"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("--sample: no sample 'Z'").hasMessageContaining("samples: A, B, C");
    }

    @Test
    void aDeclaredSampleWithoutVariantsGivesAnEmptyProfile() throws IOException {
        Path vcf = dir.resolve("pair.vcf");
        Files.writeString(vcf, "##fileformat=VCFv4.2\n##tumor_sample=T\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tN\tT\n"
            + "3\t179218303\t.\tG\tA\t.\tPASS\t.\tGT\t0/0\t0/1\n");
        ProfileBuilder b = new ProfileBuilder(table, catalog.genes()).add(org.her2sim.cohort.variant.VcfReader.read(vcf));
        assertThat(b.build(List.of())).extracting(SampleProfile::sample).containsExactly("T");
        SampleProfile n = b.build(List.of("N")).get(0);
        assertThat(n.profile().alterations()).isEmpty();
        assertThat(n.profile().description()).isEqualTo("From " + vcf + ", sample N (her2sim profile)");
        assertThat(ProfileText.yaml(n)).contains("alterations: []");
    }

    @Test
    void yamlProfilesAreCheckedLikeOtherInputs() {
        Profile in = ProfileReader.parse("p.yaml", "p", "name: p\nalterations:\n  - {gene: PTEN, kind: loss}\n  - {gene: FOO, kind: loss}\n"
            + "mechanisms: [er_crosstalk]\ncontext: {heregulin: high}\n");
        SampleProfile sp = new ProfileBuilder(table, catalog.genes()).add(in, "p.yaml").build(List.of()).get(0);
        assertThat(sp.profile().alterations()).extracting(Profile.Alteration::gene).containsExactly("PTEN");
        assertThat(sp.unclassified().get(0).reason()).contains("FOO loss: the gene is not in the HER2 model");
        String yaml = ProfileText.yaml(sp);
        assertThat(yaml).contains("mechanisms: [er_crosstalk]").contains("context: {heregulin: high}");
        assertThat(ProfileReader.parse("o.yaml", "o", yaml).resolve(catalog, false).mechanisms()).containsExactly("pten_loss", "er_crosstalk");
    }

    @Test
    void scalarsAreQuotedWhenNeeded() {
        assertThat(ProfileText.scalar("PIK3CA")).isEqualTo("PIK3CA");
        assertThat(ProfileText.scalar("p.H1047R")).isEqualTo("p.H1047R");
        assertThat(ProfileText.scalar("p.R130* (Nonsense_Mutation)")).isEqualTo("\"p.R130* (Nonsense_Mutation)\"");
        assertThat(ProfileText.scalar("no")).isEqualTo("\"no\"");
        assertThat(ProfileText.scalar("1.5")).isEqualTo("\"1.5\"");
        assertThat(ProfileText.scalar("")).isEqualTo("\"\"");
        assertThat(ProfileText.scalar("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(ProfileText.fileName("TCGA-A1/01 x")).isEqualTo("TCGA-A1_01_x");
    }
}
