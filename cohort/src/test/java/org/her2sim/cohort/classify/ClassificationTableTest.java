// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.her2sim.cohort.variant.CopyNumber;
import org.her2sim.cohort.variant.Locus;
import org.her2sim.cohort.variant.Mutation;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.GeneMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTableTest {
    static final SourceLocation AT = new SourceLocation("x.maf", 2, 1);
    static ClassificationTable table;

    @BeforeAll
    static void load() throws IOException {
        table = ClassificationTable.load();
    }

    static Call mutation(String gene, String protein, String... terms) {
        return table.classify(new Mutation("S", gene, protein, List.of(terms), null, "", AT));
    }

    static Call copyNumber(String gene, int level) {
        return table.classify(new CopyNumber("S", gene, level, AT));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "PIK3CA, H1047R, Missense_Mutation, activating, hotspot",
        "PIK3CA, E545K, missense_variant, activating, hotspot",
        "PIK3CA, E542K, Missense_Mutation, activating, hotspot",
        "PTEN, R130*, Nonsense_Mutation, loss, truncating",
        "PTEN, K6fs, frameshift_variant, loss, truncating",
        "PTEN, '', Splice_Site, loss, truncating",
        "PTEN, R130G, Missense_Mutation, loss, hotspot",
        "TP53, R175H, Missense_Mutation, loss, hotspot",
        "TP53, R213*, stop_gained, loss, truncating",
        "TP53, '', splice_acceptor_variant, loss, truncating",
        "CDKN1B, Q104*, Nonsense_Mutation, loss, truncating",
        "RB1, E137fs, Frame_Shift_Del, loss, truncating",
        "ATM, R35*, Nonsense_Mutation, loss, truncating",
        "ESR1, D538G, missense_variant, activating, hotspot",
        "ERBB2, L755S, Missense_Mutation, activating, hotspot"})
    void classified(String gene, String protein, String term, String kind, String rule) {
        Call c = mutation(gene, protein, term);
        assertThat(c).isInstanceOf(Call.Altered.class);
        Call.Altered a = (Call.Altered) c;
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(a.rule()).isEqualTo(rule);
        assertThat(a.sources()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
        "MYC, S62A, Missense_Mutation, gene not in the classification table",
        "PIK3CA, R88Q, Missense_Mutation, not among PIK3CA's hotspots",
        "PIK3CA, R38*, Nonsense_Mutation, an oncogene",
        "PTEN, L108L, Silent, no protein change",
        "TP53, V157F, Missense_Mutation, unknown significance",
        "TP53, '', In_Frame_Del, without a protein change",
        "PTEN, '', made_up_term, not in the table's lists"})
    void unclassified(String gene, String protein, String term, String reason) {
        Call c = mutation(gene, protein, term);
        assertThat(c).isInstanceOf(Call.Unclassified.class);
        assertThat(((Call.Unclassified) c).reason()).contains(reason);
    }

    @Test
    void mostSevereTermWins() {
        assertThat(mutation("PTEN", "", "splice_region_variant", "splice_donor_variant")).isInstanceOf(Call.Altered.class);
    }

    @Test
    void copyNumberLevels() {
        assertThat(((Call.Altered) copyNumber("ERBB2", 2)).kind()).isEqualTo("amplified");
        assertThat(((Call.Altered) copyNumber("ERBB2", 1)).kind()).isEqualTo("gain");
        assertThat(((Call.Altered) copyNumber("PTEN", -2)).kind()).isEqualTo("loss");
        assertThat(((Call.Altered) copyNumber("CCND1", 2)).variant()).isEqualTo("amplification (GISTIC 2)");
        assertThat(((Call.Unclassified) copyNumber("PTEN", -1)).reason()).startsWith("shallow deletion (GISTIC -1): ignored");
        assertThat(((Call.Unclassified) copyNumber("PTEN", 2)).reason()).contains("no copy-number rule for PTEN amplified");
        assertThat(((Call.Unclassified) copyNumber("PIK3CA", 1)).reason()).contains("no copy-number rule for PIK3CA gain");
        assertThat(((Call.Unclassified) copyNumber("MYC", 2)).reason()).isEqualTo("gene not in the classification table");
    }

    @Test
    void unannotatedRecordsUseGrch38Sites() {
        Call hit = table.classify(new Mutation("S", "", "", List.of(), new Locus("chr3", 179234297, "A", "G", ""), "", AT));
        assertThat(hit).isInstanceOf(Call.Altered.class);
        assertThat(((Call.Altered) hit).gene()).isEqualTo("PIK3CA");
        assertThat(hit.variant()).isEqualTo("p.H1047R");
        Call tp53 = table.classify(new Mutation("S", "", "", List.of(), new Locus("17", 7673802, "C", "T", "GRCh38"), "", AT));
        assertThat(((Call.Altered) tp53).kind()).isEqualTo("loss");
        Call hg19 = table.classify(new Mutation("S", "", "", List.of(), new Locus("3", 179234297, "A", "G", "GRCh37"), "", AT));
        assertThat(((Call.Unclassified) hg19).reason()).contains("GRCh37");
        Call miss = table.classify(new Mutation("S", "", "", List.of(), new Locus("3", 5, "A", "G", ""), "", AT));
        assertThat(((Call.Unclassified) miss).reason()).contains("no gene annotation");
        assertThat(miss.variant()).isEqualTo("3:5 A>G");
    }

    @Test
    void filteredCallsAreListedNotUsed() {
        Call c = table.classify(new Mutation("S", "PIK3CA", "H1047R", List.of("Missense_Mutation"), null, "weak_evidence", AT));
        assertThat(((Call.Unclassified) c).reason()).contains("FILTER=weak_evidence");
    }

    /** Every gene of the table is in the HER2 model's genes.yaml, and so is every kind it gives. */
    @Test
    void everyRuleMapsOntoTheModel() throws IOException {
        GeneMap genes = Catalog.load().genes();
        List<String> gaps = new java.util.ArrayList<>();
        for (GeneRules g : table.genes().values()) {
            assertThat(genes.gene(g.gene())).as(g.gene()).isEqualTo(g.gene());
            for (String kind : table.kinds(g)) {
                if (genes.target(g.gene(), kind) == null) {
                    gaps.add(g.gene() + " " + kind);
                }
            }
        }
        assertThat(gaps).as("kinds genes.yaml does not map").isEmpty();
        for (ClassificationTable.Site s : table.sites()) {
            assertThat(table.gene(s.gene()).hotspot(s.change())).as(s.toString()).isNotNull();
        }
    }

    @Test
    void everySourceIsUsed() {
        String text;
        try (var in = ClassificationTable.class.getClassLoader().getResourceAsStream(ClassificationTable.RESOURCE)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String id : table.sources().keySet()) {
            String body = text.substring(text.indexOf("\nconsequences:"));
            assertThat(body).as(id).containsPattern("[\\[ ]" + id + "[,\\]]");
        }
    }

    static final String MINI = """
        sources: {a: "A 2000 Journal"}
        consequences: {source: [a], truncating: [stop_gained]}
        copy_number: {source: [a], levels: {"2": amplified, "-2": loss}}
        genes:
          TP53:
            role: tumour_suppressor
            hotspots: [{kind: loss, changes: [R248], source: [a]}]
        """;

    @Test
    void codonEntriesMatchAnyMissenseAtTheCodon() {
        ClassificationTable t = ClassificationTable.parse("mini.yaml", MINI);
        assertThat(t.classify(new Mutation("S", "TP53", "R248L", List.of(), null, "", AT))).isInstanceOf(Call.Altered.class);
        assertThat(t.classify(new Mutation("S", "TP53", "R249S", List.of(), null, "", AT))).isInstanceOf(Call.Unclassified.class);
    }

    @Test
    void badTablesNameLineAndColumn() {
        assertThatThrownBy(() -> ClassificationTable.parse("t.yaml", MINI.replace("source: [a]}]", "source: [b]}]")))
            .isInstanceOf(ModelException.class).hasMessageContaining("t.yaml:7:").hasMessageContaining("unknown source 'b'");
        assertThatThrownBy(() -> ClassificationTable.parse("t.yaml", MINI.replace("kind: loss", "kind: lost")))
            .isInstanceOf(ModelException.class).hasMessageContaining("t.yaml:7:").hasMessageContaining("kind must be one of");
        assertThatThrownBy(() -> ClassificationTable.parse("t.yaml", MINI.replace("changes: [R248]", "changes: [Arg248]")))
            .isInstanceOf(ModelException.class).hasMessageContaining("not a one-letter protein change");
        assertThatThrownBy(() -> ClassificationTable.parse("t.yaml", MINI.replace("role: tumour_suppressor", "role: suppressor")))
            .isInstanceOf(ModelException.class).hasMessageContaining("t.yaml:6:").hasMessageContaining("role must be");
    }
}
