// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.ModelDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model's data: complete evidence, cross-references, profiles and docs/model.md. */
class BundledModelTest {
    static Catalog catalog;

    @BeforeAll
    static void load() throws IOException {
        catalog = Catalog.load();
    }

    @Test
    void everyNodeEdgeMechanismAndTherapyIsCited() {
        assertThat(catalog.check()).isEmpty();
        assertThat(catalog.network().size()).isGreaterThan(150);
        assertThat(catalog.graph().edges()).hasSizeGreaterThan(250);
    }

    @Test
    void theReviewsMechanismsAreAllThere() {
        List<String> required = List.of("tp53_loss", "atm_loss", "rb1_loss", "her2_delta16", "p95her2_cleavage", "muc4_masking",
            "cd44_masking", "ecd_shedding", "igf2_igf1r", "axl_gas6", "pik3ca_activation", "pten_loss", "integrin_upregulation",
            "p27_loss", "cyclin_d1_cdk46", "hla_g_kir2dl4", "pd_l1_induction", "cd16_fibroblasts", "caf_m2", "ab_crystallin",
            "circcdyl2", "circ_btrcp_nrf2", "autophagy_high", "lysosomal_dysfunction", "payload_efflux_abcc2",
            "payload_efflux_abcg2", "her2_loss", "her2_heterogeneity", "heregulin_migration", "shc1_shcbp1_plk1");
        assertThat(catalog.mechanisms().keySet()).containsAll(required);
        for (Mechanism m : catalog.mechanisms().values()) {
            assertThat(m.perturb()).as(m.id()).isNotEmpty();
            assertThat(m.citation().section()).as(m.id()).isNotBlank();
        }
    }

    @Test
    void theReviewsTherapiesAreAllThere() {
        List<String> required = List.of("trastuzumab", "pertuzumab", "t_dm1", "t_dxd", "lapatinib", "tucatinib", "neratinib",
            "pi3k_inhibitor", "akt_inhibitor", "mtor_inhibitor", "cdk46_inhibitor", "igf1r_inhibitor", "axl_inhibitor",
            "adam10_inhibitor", "fak_inhibitor", "grb7_inhibitor", "anti_pd_l1", "anti_hla_g", "chloroquine", "hydroxychloroquine",
            "bafilomycin_a1", "atg5_silencing", "anti_vav2", "anti_mutp53", "rp_hi", "kla_r16_survivin", "her2_car_t",
            "endocrine_therapy", "taxane");
        assertThat(catalog.therapies().keySet()).containsAll(required);
        for (Therapy t : catalog.therapies().values()) {
            for (String drug : t.drugs()) {
                assertThat(catalog.evidence().nodes().get(drug).compartment()).as(t.id() + " drug " + drug).isEqualTo("drug");
            }
        }
        assertThat(catalog.therapy("rapamycin").id()).isEqualTo("mtor_inhibitor");
        assertThat(catalog.therapy("Herceptin").id()).isEqualTo("trastuzumab");
        assertThat(catalog.therapy("T-DM1").id()).isEqualTo("t_dm1");
        assertThat(catalog.therapy("Trastuzumab deruxtecan").id()).isEqualTo("t_dxd");
    }

    @Test
    void everyBundledProfileResolvesWithoutWarnings() throws IOException {
        List<String> names = catalog.profileNames();
        assertThat(names).contains("trastuzumab_sensitive", "pik3ca_mutant", "pten_null", "p95her2_high", "muc4_high",
            "igf1r_driven", "heregulin_rich");
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Profile.Resolved r = ProfileReader.find(name, catalog).resolve(catalog, false);
            problems.addAll(r.warnings());
            if (!name.equals("trastuzumab_sensitive")) {
                assertThat(r.mechanisms().isEmpty() && r.contextFixes().isEmpty()).as(name + " differs from the baseline").isFalse();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void docsModelMdIsGeneratedFromTheData() throws IOException {
        Path doc = Path.of("..", "docs", "model.md");
        assertThat(doc).as("run: ./her2sim model-doc").exists();
        String expected = ModelDoc.generate(catalog);
        assertThat(Files.readString(doc, StandardCharsets.UTF_8)).as("docs/model.md is stale: run ./her2sim model-doc").isEqualTo(expected);
    }
}
