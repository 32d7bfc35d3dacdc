// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** profile and cohort sample, on small files made here. */
class CohortCommandsTest {
    @TempDir
    Path dir;

    static Run run(String... args) {
        return MabossCommandTest.run(args);
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static long count(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    static final String MAF = "#version 2.4\nHugo_Symbol\tVariant_Classification\tHGVSp_Short\tTumor_Sample_Barcode\n"
        + "PIK3CA\tMissense_Mutation\tp.H1047R\tT-1\n"
        + "AKT1\tMissense_Mutation\tp.E17K\tT-1\n"
        + "MYC\tMissense_Mutation\tp.S62A\tT-1\n"
        + "PTEN\tNonsense_Mutation\tp.R130*\tT-2\n";

    @Test
    void profilePrintsYamlAndWritesOneFilePerSample() throws IOException {
        Path maf = write("m.maf", MAF);
        Run r = run("profile", "--maf", maf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("name: T-1").contains("{gene: PIK3CA, kind: activating, variant: p.H1047R}")
            .contains("{gene: AKT1, kind: activating, variant: p.E17K}").contains("# unclassified: listed, not applied (1)").contains("MYC").contains("---\nname: T-2");
        Path out = dir.resolve("profiles");
        Run w = run("profile", "--maf", maf.toString(), "-o", out.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("wrote 2 profiles");
        assertThat(out.resolve("T-1.yaml")).exists();
        Run p = run("predict", "--profile", out.resolve("T-2.yaml").toString(), "--therapy", "trastuzumab", "--samples", "100",
            "--seed", "1", "--no-rescues");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).contains("pten_loss");
    }

    @Test
    void profileJsonAndSampleSelection() throws IOException {
        Path maf = write("m.maf", MAF);
        Run r = run("profile", "--maf", maf.toString(), "--sample", "T-2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) new Yaml().load(r.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name")).isEqualTo("T-2");
        assertThat(list.get(0)).containsKey("unclassified");
        Run bad = run("profile", "--maf", maf.toString(), "--sample", "T-9");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no sample 'T-9'").contains("T-1, T-2");
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        Path good = write("good.maf", MAF);
        Path bad = write("bad.maf", MAF + "TP53\tMissense_Mutation\tp.R175H\n");
        Run r = run("profile", "--maf", good.toString(), "--maf", bad.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.maf:7: expected 4 tab-separated fields");
        assertThat(count(out)).isZero();
        Run missing = run("profile", "--vcf", dir.resolve("nope.vcf").toString(), "-o", out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.vcf: no such file");
        Path cna = write("cna.txt", "Hugo_Symbol\tS1\nERBB2\tx\n");
        Run c = run("profile", "--cna", cna.toString(), "-o", out.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("cna.txt:2:7: sample 'S1', gene ERBB2: 'x'");
        assertThat(count(out)).isZero();
        assertThat(run("profile").code()).isEqualTo(2);
    }

    @Test
    void profileReadsVcf() throws IOException {
        Path vcf = write("t.vcf", "##fileformat=VCFv4.2\n##reference=GRCh38\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n"
            + "chr3\t179218303\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\n");
        Run r = run("profile", "--vcf", vcf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("name: TUMOR").contains("{gene: PIK3CA, kind: activating, variant: p.E545K}");
    }

    @Test
    void cohortSampleWritesAFileProfileReads() throws IOException {
        Path file = dir.resolve("cohort.csv");
        Run r = run("cohort", "sample", "--size", "200", "--seed", "11", "--setting", "pretreated", "-o", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote").contains("200 patients, pretreated, seed 11").contains("pik3ca_or_pten_loss");
        String text = Files.readString(file);
        assertThat(text).startsWith("# her2sim virtual cohort\n").contains("# seed: 11\n# setting: pretreated\n");
        Run again = run("cohort", "sample", "--size", "200", "--seed", "11", "--setting", "pretreated", "--threads", "1");
        assertThat(again.out()).isEqualTo(text);
        Run p = run("profile", "--cohort", file.toString(), "--sample", "P000002");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).contains("name: P000002").contains("{gene: ERBB2, kind: amplified}");
    }

    @Test
    void cohortSampleBadOptionsExitTwoAndWriteNothing() throws IOException {
        Path file = dir.resolve("c.csv");
        assertThat(run("cohort", "sample", "--size", "10", "--seed", "1", "--setting", "early", "-o", file.toString()).code()).isEqualTo(2);
        assertThat(run("cohort", "sample", "--size", "0", "--seed", "1", "-o", file.toString()).code()).isEqualTo(2);
        assertThat(run("cohort", "sample", "--seed", "1", "-o", file.toString()).code()).isEqualTo(2);
        assertThat(file).doesNotExist();
        Path bad = write("bad.csv", "# her2sim virtual cohort\n# seed: 1\n# setting: naive\nid,a,weight_kg,serum_ecd_ng_ml,metastatic_sites\nP1,3,60,10,1\n");
        Run r = run("profile", "--cohort", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:5:4: field 'a'");
    }
}
