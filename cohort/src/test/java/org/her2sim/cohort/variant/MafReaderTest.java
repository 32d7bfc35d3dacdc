// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.engine.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MafReaderTest {
    static final String HEADER = "Hugo_Symbol\tEntrez_Gene_Id\tVariant_Classification\tHGVSp_Short\tTumor_Sample_Barcode\n";

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void oneSamplePerBarcodeInFileOrder() throws IOException {
        String text = "#version 2.4\n" + HEADER
            + "PIK3CA\t5290\tMissense_Mutation\tp.H1047R\tTCGA-B\n"
            + "PTEN\t5728\tNonsense_Mutation\tp.R130*\tTCGA-A\n"
            + "\n"
            + "AKT1\t207\tMissense_Mutation\tp.E17K\tTCGA-B\n";
        VariantSet v = MafReader.read(write("m.maf", text));
        assertThat(v.samples()).containsExactly("TCGA-B", "TCGA-A");
        assertThat(v.observations()).hasSize(3);
        Mutation m = (Mutation) v.observations().get(1);
        assertThat(m.gene()).isEqualTo("PTEN");
        assertThat(m.protein()).isEqualTo("R130*");
        assertThat(m.consequences()).containsExactly("Nonsense_Mutation");
        assertThat(m.at().toString()).endsWith("m.maf:4:1");
        assertThat(v.observations().get(2).at().line()).isEqualTo(6);
    }

    @Test
    void missingColumnNamesFileAndColumn() throws IOException {
        String text = "Hugo_Symbol\tHGVSp_Short\tTumor_Sample_Barcode\nPIK3CA\tp.H1047R\tS\n";
        assertThatThrownBy(() -> MafReader.read(write("short.maf", text))).isInstanceOf(ModelException.class)
            .hasMessageContaining("short.maf:1").hasMessageContaining("missing column 'Variant_Classification'");
        String noProtein = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\nPIK3CA\tSilent\tS\n";
        assertThatThrownBy(() -> MafReader.read(write("np.maf", noProtein))).isInstanceOf(ModelException.class)
            .hasMessageContaining("missing column 'HGVSp_Short' (or Protein_Change, HGVSp)");
    }

    @Test
    void malformedLinesNameLineAndColumn() throws IOException {
        assertThatThrownBy(() -> MafReader.read(write("f.maf", HEADER + "PIK3CA\t5290\tMissense_Mutation\tp.H1047R\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("f.maf:2: expected 5 tab-separated fields").hasMessageContaining("found 4");
        assertThatThrownBy(() -> MafReader.read(write("e.maf", HEADER + "PIK3CA\t5290\tMissense_Mutation\tp.H1047R\t\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("e.maf:2:").hasMessageContaining("Tumor_Sample_Barcode: empty");
        assertThatThrownBy(() -> MafReader.read(write("empty.maf", "#version 2.4\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("empty.maf: empty file");
    }

    @Test
    void cbioportalProteinChangeAndFilter() throws IOException {
        String text = "Hugo_Symbol\tVariant_Classification\tProtein_Change\tTumor_Sample_Barcode\tFILTER\n"
            + "PIK3CA\tMissense_Mutation\tE545K\tS1\tPASS\n"
            + "TP53\tMissense_Mutation\tR175H\tS1\tpanel_of_normals\n";
        VariantSet v = MafReader.read(write("c.maf", text));
        assertThat(((Mutation) v.observations().get(0)).protein()).isEqualTo("E545K");
        assertThat(((Mutation) v.observations().get(0)).filter()).isEmpty();
        assertThat(((Mutation) v.observations().get(1)).filter()).isEqualTo("panel_of_normals");
    }
}
