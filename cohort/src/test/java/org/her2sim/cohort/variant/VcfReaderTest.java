// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.her2sim.engine.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcfReaderTest {
    static final String HEAD = """
        ##fileformat=VCFv4.2
        ##reference=file:///refs/GRCh38.fa
        ##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">
        ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
        """;
    static final String ANN_HEAD = "##INFO=<ID=ANN,Number=.,Type=String,Description=\"Functional annotations: "
        + "'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank"
        + " | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'\">\n";
    static final String CSQ_HEAD = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
        + "Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|HGVSp|Amino_acids|Protein_position|CANONICAL\">\n";

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static String tab(String... f) {
        return String.join("\t", f) + "\n";
    }

    static String ann(String alt, String effect, String gene, String hgvsp) {
        return String.join("|", alt, effect, "MODERATE", gene, gene, "transcript", "ENST1", "protein_coding", "1/2", "c.1A>G", hgvsp,
            "", "", "", "", "");
    }

    @Test
    void annotatedSingleSample() throws IOException {
        String text = HEAD + ANN_HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "T1")
            + tab("chr3", "179234297", ".", "A", "G", "50", "PASS", "DP=80;ANN=" + ann("G", "missense_variant", "PIK3CA", "p.His1047Arg")
                + "," + ann("G", "upstream_gene_variant", "OTHER", ""), "GT", "0/1")
            + tab("chr10", "87933147", ".", "C", "T", "50", "PASS", "ANN=" + ann("T", "stop_gained", "PTEN", "p.Arg130*"), "GT", "0/1");
        VariantSet v = VcfReader.read(write("t.vcf", text));
        assertThat(v.samples()).containsExactly("T1");
        assertThat(v.observations()).hasSize(2);
        Mutation m = (Mutation) v.observations().get(0);
        assertThat(m.gene()).isEqualTo("PIK3CA");
        assertThat(m.protein()).isEqualTo("H1047R");
        assertThat(m.consequences()).containsExactly("missense_variant");
        assertThat(m.locus().assembly()).isEqualTo("GRCh38");
        assertThat(m.at().toString()).endsWith("t.vcf:7");
        Mutation p = (Mutation) v.observations().get(1);
        assertThat(p.protein()).isEqualTo("R130*");
        assertThat(p.consequences()).containsExactly("stop_gained");
    }

    @Test
    void vepCsqWithCanonicalAndAminoAcids() throws IOException {
        String csq = "G|upstream_gene_variant|MODIFIER|XYZ|ENSG2|ENST9||||,"
            + "G|missense_variant|MODERATE|PIK3CA|ENSG1|ENST2|||1047|,"
            + "G|missense_variant|MODERATE|PIK3CA|ENSG1|ENST1||H/R|1047|YES";
        String text = HEAD + CSQ_HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO")
            + tab("3", "179234297", ".", "A", "G", ".", ".", "CSQ=" + csq);
        VariantSet v = VcfReader.read(write("sites.vcf", text));
        assertThat(v.samples()).containsExactly("sites");
        Mutation m = (Mutation) v.observations().get(0);
        assertThat(m.sample()).isEqualTo("sites");
        assertThat(m.gene()).isEqualTo("PIK3CA");
        assertThat(m.protein()).isEqualTo("H1047R");
    }

    @Test
    void vepIndelAlleleIsTrimmed() throws IOException {
        String csq = "-|frameshift_variant|HIGH|PTEN|ENSG1|ENST1|ENSP1:p.Lys6fs|||YES";
        String text = HEAD + CSQ_HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO")
            + tab("10", "87863130", ".", "GA", "G,GAA", ".", "PASS", "CSQ=" + csq);
        VariantSet v = VcfReader.read(write("indel.vcf", text));
        assertThat(v.observations()).hasSize(2);
        Mutation del = (Mutation) v.observations().get(0);
        assertThat(del.gene()).isEqualTo("PTEN");
        assertThat(del.protein()).isEqualTo("K6fs");
        Mutation ins = (Mutation) v.observations().get(1);
        assertThat(ins.gene()).as("no CSQ entry for the second allele").isEmpty();
    }

    @Test
    void csqWithoutFormatIsAHeaderError() throws IOException {
        String text = HEAD + "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"VEP\">\n"
            + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO");
        assertThatThrownBy(() -> VcfReader.read(write("bad.vcf", text))).isInstanceOf(ModelException.class)
            .hasMessageContaining("bad.vcf:6").hasMessageContaining("Format:");
    }

    @Test
    void malformedAnnEntryNamesLineAndInfo() throws IOException {
        String text = HEAD + ANN_HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO")
            + tab("3", "179234297", ".", "A", "G", ".", ".", "ANN=G|missense_variant|PIK3CA");
        assertThatThrownBy(() -> VcfReader.read(write("ann.vcf", text))).isInstanceOf(ModelException.class)
            .hasMessageContaining("ann.vcf:7:").hasMessageContaining("INFO ANN entry 1");
    }

    @Test
    void multiSampleGivesOneProfilePerCarrier() throws IOException {
        String text = HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "S1", "S2", "S3")
            + tab("3", "179218303", ".", "G", "A", ".", "PASS", ".", "GT", "0/1", "0/0", "./.")
            + tab("17", "7675088", ".", "C", "T", ".", "PASS", ".", "GT", "0/0", "1/1", "0/0");
        VariantSet v = VcfReader.read(write("multi.vcf", text));
        assertThat(v.declared()).containsExactly("S1", "S2", "S3");
        assertThat(v.samples()).containsExactly("S1", "S2");
        assertThat(v.observations()).extracting(Observation::sample).containsExactly("S1", "S2");
    }

    @Test
    void tumourSampleFromHeader() throws IOException {
        String text = HEAD.replace("##INFO", "##tumor_sample=TUM\n##normal_sample=NOR\n##INFO")
            + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "NOR", "TUM")
            + tab("3", "179218303", ".", "G", "A", ".", "PASS", ".", "GT", "0/1", "0/1");
        VariantSet v = VcfReader.read(write("pair.vcf", text));
        assertThat(v.samples()).containsExactly("TUM");
        assertThat(v.declared()).containsExactly("NOR", "TUM");
    }

    @Test
    void unannotatedKeepsTheLocusAndAssembly() throws IOException {
        String text = HEAD.replace("GRCh38", "hg19") + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO")
            + tab("3", "178952085", ".", "A", "G", ".", "LowQual", ".");
        Mutation m = (Mutation) VcfReader.read(write("raw.vcf", text)).observations().get(0);
        assertThat(m.gene()).isEmpty();
        assertThat(m.locus()).isEqualTo(new Locus("3", 178952085, "A", "G", "GRCh37"));
        assertThat(m.filter()).isEqualTo("LowQual");
    }

    @Test
    void gzipAndBgzipAreRead() throws IOException {
        String text = HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "T")
            + tab("3", "179234297", ".", "A", "G", ".", "PASS", ".", "GT", "0/1");
        Path gz = dir.resolve("a.vcf.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Path bgz = dir.resolve("b.vcf.gz");
        try (OutputStream o = new BlockCompressedOutputStream(bgz.toFile())) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        for (Path p : List.of(gz, bgz)) {
            VariantSet v = VcfReader.read(p);
            assertThat(v.samples()).containsExactly("T");
            assertThat(v.observations()).hasSize(1);
            assertThat(v.observations().get(0).at().line()).isEqualTo(6);
        }
    }

    @Test
    void malformedLinesNameFileLineAndColumn() throws IOException {
        String head = HEAD + tab("#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "T");
        assertThatThrownBy(() -> VcfReader.read(write("few.vcf", head + tab("3", "179234297", ".", "A", "G"))))
            .isInstanceOf(ModelException.class).hasMessageContaining("few.vcf:6: expected 10 tab-separated columns").hasMessageContaining("found 5");
        assertThatThrownBy(() -> VcfReader.read(write("pos.vcf", head + tab("3", "17x", ".", "A", "G", ".", ".", ".", "GT", "0/1"))))
            .isInstanceOf(ModelException.class).hasMessageContaining("pos.vcf:6:3: POS: '17x'");
        assertThatThrownBy(() -> VcfReader.read(write("ref.vcf", head + tab("3", "5", ".", "Q", "G", ".", ".", ".", "GT", "0/1"))))
            .isInstanceOf(ModelException.class).hasMessageContaining("ref.vcf:6:").hasMessageContaining("REF");
        assertThatThrownBy(() -> VcfReader.read(write("gt.vcf", head + tab("3", "5", ".", "A", "G", ".", ".", ".", "GT", "0/7"))))
            .isInstanceOf(ModelException.class).hasMessageContaining("gt.vcf:6: malformed VCF record");
        assertThatThrownBy(() -> VcfReader.read(write("nohead.vcf", "3\t5\t.\tA\tG\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("nohead.vcf:1:1: not a VCF");
        assertThatThrownBy(() -> VcfReader.read(write("cols.vcf", HEAD + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTR\tINFO\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("cols.vcf:5:").hasMessageContaining("'FILTER'");
    }
}
