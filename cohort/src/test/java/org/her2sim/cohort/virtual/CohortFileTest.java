// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cohort.profile.ProfileText;
import org.her2sim.cohort.profile.SampleProfile;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortFileTest {
    static PrevalenceModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        model = PrevalenceModel.load();
    }

    String text(Cohort c) throws IOException {
        StringWriter w = new StringWriter();
        CohortFile.write(c, w);
        return w.toString();
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void roundTrips() throws IOException {
        Cohort c = new CohortSampler(model).sample(500, 42, Setting.PRETREATED, 2);
        String text = text(c);
        assertThat(text).startsWith("# her2sim virtual cohort\n# version: her2sim ").contains("# seed: 42\n# setting: pretreated\n# size: 500\n")
            .contains("\nid,pik3ca_mutation,pten_loss,p95her2,");
        Cohort back = CohortFile.read(write("c.csv", text));
        assertThat(back.seed()).isEqualTo(42);
        assertThat(back.setting()).isEqualTo(Setting.PRETREATED);
        assertThat(back.patients()).isEqualTo(c.patients());
        assertThat(text(back)).isEqualTo(text);
        assertThat(text).contains(",weight_kg,serum_ecd_ng_ml,metastatic_sites,pk_z_cl,pk_z_vc,pk_z_q,pk_z_vp,pk_z_vmax,pk_z_km,pk_z_ka,pk_z_f\n");
        assertThat(back.patients().get(0).pkZ()).hasSize(8);
    }

    @Test
    void scanHandsOverOnePatientAtATimeAfterTheHeader() throws IOException {
        Cohort c = new CohortSampler(model).sample(50, 9, Setting.NAIVE, 1);
        Path f = write("s.csv", text(c));
        java.util.List<String> seen = new java.util.ArrayList<>();
        CohortFile.Header h = CohortFile.scan(f, header -> {
            assertThat(seen).isEmpty();
            assertThat(header.seed()).isEqualTo(9);
            assertThat(header.pk()).isTrue();
            assertThat(header.features()).startsWith("pik3ca_mutation", "pten_loss");
            return p -> seen.add(p.id());
        });
        assertThat(h.setting()).isEqualTo(Setting.NAIVE);
        assertThat(seen).hasSize(50).startsWith("P000001", "P000002").endsWith("P000050");
    }

    @Test
    void filesWithoutPkScoresReadAsTypicalPatients() throws IOException {
        Cohort back = CohortFile.read(write("old.csv", HEAD + "P000001,1,0,60.5,12.00,2\n"));
        assertThat(back.patients().get(0).pkZ()).isEmpty();
        assertThat(text(back)).doesNotContain("pk_z_");
        String pk = HEAD.replace("metastatic_sites\n", "metastatic_sites," + String.join(",", CohortFile.PK_COLUMNS) + "\n");
        assertThat(CohortFile.read(write("pk.csv", pk + "P000001,1,0,60.5,12.00,2,0.5,-1,0,0,0,0,0,3.25\n")).patients().get(0).pkZ())
            .containsExactly(0.5, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.25);
        assertThatThrownBy(() -> CohortFile.read(write("pk2.csv", pk + "P000001,1,0,60.5,12.00,2,0.5,fast,0,0,0,0,0,0\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("pk2.csv:5:30: field 'pk_z_vc': 'fast' is not a standard-normal score");
        assertThatThrownBy(() -> CohortFile.read(write("pk3.csv", pk + "P000001,1,0,60.5,12.00,2,0.5,11,0,0,0,0,0,0\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("field 'pk_z_vc': '11'");
        assertThatThrownBy(() -> CohortFile.read(write("pk4.csv", pk.replace("pk_z_km", "pk_z_kx") + "P000001,1,0,60.5,12.00,2,0,0,0,0,0,0,0,0\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("pk4.csv:4:").hasMessageContaining("must be 'pk_z_km'");
    }

    @Test
    void patientsAreProfilesThePredictorReads() throws IOException {
        Catalog catalog = Catalog.load();
        Cohort c = new CohortSampler(model).sample(300, 1, Setting.PRETREATED, 1);
        for (Patient p : c.patients()) {
            SampleProfile sp = PatientProfiles.of(p, c, model, "c.csv");
            Profile back = ProfileReader.parse("p.yaml", "p", ProfileText.yaml(sp));
            Profile.Resolved r = back.resolve(catalog, false);
            if (p.has("p95her2")) {
                assertThat(r.mechanisms()).contains("p95her2_cleavage");
            }
            if (p.has("hr_positive")) {
                assertThat(r.mechanisms()).contains("er_crosstalk");
            }
            if (p.has("igf1r_positive")) {
                assertThat(r.mechanisms()).contains("igf2_igf1r");
            }
            if (p.has("tp53_mutation")) {
                assertThat(r.mechanisms()).contains("tp53_loss");
            }
            if (p.has("erbb2_mutation")) {
                assertThat(r.mechanisms()).contains("erbb2_kinase_mutation");
            }
        }
    }

    @Test
    void everyFeatureMapsOntoTheModel() throws IOException {
        Catalog catalog = Catalog.load();
        for (Feature f : model.features()) {
            if (!f.gene().isEmpty()) {
                assertThat(catalog.genes().target(f.gene(), f.kind())).as(f.id()).isNotNull();
            } else if (!f.mechanisms().isEmpty()) {
                f.mechanisms().forEach(m -> assertThat(catalog.mechanism(m)).as(f.id()).isNotNull());
            } else {
                assertThat(f.none()).as(f.id()).isNotBlank();
            }
        }
    }

    static final String HEAD = "# her2sim virtual cohort\n# seed: 3\n# setting: naive\n"
        + "id,pik3ca_mutation,pten_loss,weight_kg,serum_ecd_ng_ml,metastatic_sites\n";

    @Test
    void errorsNameLineAndField() throws IOException {
        assertThat(CohortFile.read(write("ok.csv", HEAD + "P000001,1,0,60.5,12.00,2\n")).patients()).hasSize(1);
        assertThatThrownBy(() -> CohortFile.read(write("a.csv", HEAD + "P000001,1,2,60.5,12.00,2\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("a.csv:5:11: field 'pten_loss': '2' is not 0 or 1");
        assertThatThrownBy(() -> CohortFile.read(write("b.csv", HEAD + "P000001,1,0,heavy,12.00,2\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("b.csv:5:13: field 'weight_kg'");
        assertThatThrownBy(() -> CohortFile.read(write("c.csv", HEAD + "P000001,1,0,60.5,12.00\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("c.csv:5: expected 6 comma-separated fields");
        assertThatThrownBy(() -> CohortFile.read(write("d.csv", HEAD + "P000001,1,0,60.5,12.00,0\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("d.csv:5:24: field 'metastatic_sites'");
        assertThatThrownBy(() -> CohortFile.read(write("e.csv", HEAD.replace("naive", "early")))).isInstanceOf(ModelException.class)
            .hasMessageContaining("e.csv:3: setting: 'early'");
        assertThatThrownBy(() -> CohortFile.read(write("f.csv", "id,x\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("f.csv:1:1: not a cohort file");
        assertThatThrownBy(() -> CohortFile.read(write("g.csv", HEAD.replace("weight_kg", "weight")))).isInstanceOf(ModelException.class)
            .hasMessageContaining("g.csv:4:").hasMessageContaining("must be 'weight_kg'");
        assertThatThrownBy(() -> CohortFile.read(write("h.csv", HEAD + "P1,1,0,60.5,12.00,1\nP1,1,0,60.5,12.00,1\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("h.csv:6:1: id: 'P1' is repeated");
        assertThatThrownBy(() -> CohortFile.read(write("i.csv", HEAD.replace("# setting", "# size: 2\n# setting") + "P1,1,0,60.5,12.00,1\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("i.csv:3: size: the header says 2 but the file has 1");
    }

    @Test
    void badModelsNameLineAndColumn() {
        String bad = """
            sources: {a: "A"}
            pik3ca_pten:
              pik3ca: {value: 0.2, source: [a]}
              pten_loss: {value: 0.2, source: [a]}
              either: {naive: {value: 0.5, source: [a]}, pretreated: {value: 0.7, source: [a]}}
              cooccurrence_source: [a]
            features: []
            covariates: {}
            """;
        assertThatThrownBy(() -> PrevalenceModel.parse("p.yaml", bad)).isInstanceOf(ModelException.class)
            .hasMessageContaining("p.yaml:5:").hasMessageContaining("'either' must lie between");
        assertThatThrownBy(() -> PrevalenceModel.parse("p.yaml", bad.replace("0.5", "0.3").replace("source: [a]}}", "source: [b]}}")))
            .isInstanceOf(ModelException.class).hasMessageContaining("p.yaml:5:").hasMessageContaining("unknown source 'b'");
    }
}
