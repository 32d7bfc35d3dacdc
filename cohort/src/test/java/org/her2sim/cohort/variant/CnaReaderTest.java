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

class CnaReaderTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void cbioportalLayout() throws IOException {
        String text = "Hugo_Symbol\tEntrez_Gene_Id\tS1\tS2\n"
            + "ERBB2\t2064\t2\t1\n"
            + "PTEN\t5728\t-2\tNA\n"
            + "TP53\t7157\t0\t-1\n";
        VariantSet v = CnaReader.read(write("data_CNA.txt", text));
        assertThat(v.samples()).containsExactly("S1", "S2");
        assertThat(v.observations()).containsExactly(
            new CopyNumber("S1", "ERBB2", 2, v.observations().get(0).at()),
            new CopyNumber("S2", "ERBB2", 1, v.observations().get(1).at()),
            new CopyNumber("S1", "PTEN", -2, v.observations().get(2).at()),
            new CopyNumber("S2", "TP53", -1, v.observations().get(3).at()));
        assertThat(v.observations().get(1).at().toString()).endsWith("data_CNA.txt:2:14");
    }

    @Test
    void gisticLayout() throws IOException {
        String text = "Gene Symbol\tLocus ID\tCytoband\tTUMOR-1\nCCND1\t595\t11q13.3\t2\n";
        VariantSet v = CnaReader.read(write("all_thresholded.by_genes.txt", text));
        assertThat(v.samples()).containsExactly("TUMOR-1");
        assertThat(((CopyNumber) v.observations().get(0)).level()).isEqualTo(2);
    }

    @Test
    void badValuesNameFileLineColumnAndSample() throws IOException {
        String head = "Hugo_Symbol\tS1\tS2\n";
        assertThatThrownBy(() -> CnaReader.read(write("a.txt", head + "PTEN\t0\t1.5\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("a.txt:2:8: sample 'S2', gene PTEN: '1.5' is not a copy-number level");
        assertThatThrownBy(() -> CnaReader.read(write("b.txt", head + "ERBB2\t3\t0\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("b.txt:2:7: sample 'S1', gene ERBB2: 3 is out of range");
        assertThatThrownBy(() -> CnaReader.read(write("c.txt", head + "ERBB2\t2\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("c.txt:2: expected 3 tab-separated fields");
        assertThatThrownBy(() -> CnaReader.read(write("d.txt", "Gene\tS1\nERBB2\t2\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("d.txt:1").hasMessageContaining("missing column 'Hugo_Symbol' (or Gene Symbol)");
        assertThatThrownBy(() -> CnaReader.read(write("e.txt", "Hugo_Symbol\tS1\tS1\nERBB2\t2\t2\n"))).isInstanceOf(ModelException.class)
            .hasMessageContaining("sample 'S1' is repeated");
    }
}
