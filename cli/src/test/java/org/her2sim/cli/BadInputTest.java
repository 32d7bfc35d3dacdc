// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and careless input: one located line on stderr, exit 2, no stack trace, nothing written. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String RATES = "\n rate_up = @logic ? 1 : 0;\n rate_down = @logic ? 0 : 1;\n}\n";

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static void oneLocatedLine(Run r, String where) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("her2sim: error: ").contains(where).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maboss", "convert", "analyze"})
    void deepParenthesesAreALocatedError(String command) throws IOException {
        int n = 10_000;
        Path m = write("deep.bnd", "node A {\n logic = " + "(".repeat(n) + "A" + ")".repeat(n) + ";" + RATES);
        Run r = run(command, m);
        oneLocatedLine(r, "deep.bnd:2:");
        assertThat(r.err()).contains("nested too deeply");
        assertThat(files()).containsExactly(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maboss", "convert", "analyze"})
    void longChainsAreALocatedErrorOrRead(String command) throws IOException {
        Path sum = write("sum.bnd", "node A {\n logic = A;\n rate_up = " + String.join("+", Collections.nCopies(30_000, "1")) + ";\n rate_down = 0;\n}\n");
        oneLocatedLine(run(command, sum), "sum.bnd:3:");
        Path or = write("or.bnet", "targets, factors\nA, " + String.join(" | ", Collections.nCopies(10_000, "A")) + "\n");
        Run r = run(command, or);
        if (r.code() != 0) {
            oneLocatedLine(r, "or.bnet");
        }
    }

    private Run run(String command, Path model) {
        return switch (command) {
            case "maboss" -> MabossCommandTest.run("maboss", "-e", "max_time=5;sample_count=100", "-q", "-o", dir.resolve("out/x").toString(), model.toString());
            case "convert" -> MabossCommandTest.run("convert", model.toString(), dir.resolve("out/x.sbml").toString());
            default -> MabossCommandTest.run("analyze", "stable-states", model.toString());
        };
    }

    @Test
    void tooManyTimeWindowsAreRefused() throws IOException {
        Path m = write("m.bnd", "node A {\n logic = A;" + RATES);
        Run r = MabossCommandTest.run("maboss", "-e", "time_tick=1e-9", "-o", dir.resolve("x").toString(), m.toString());
        oneLocatedLine(r, "-e #1:1:1: max_time / time_tick");
        assertThat(files()).containsExactly(m);
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTheRun() throws IOException {
        Path m = write("m.bnd", "node A {\n logic = A;" + RATES);
        Path blocker = write("file", "");
        Run r = MabossCommandTest.run("maboss", "-e", "max_time=5", "-o", blocker.resolve("sub/x").toString(), m.toString());
        oneLocatedLine(r, "cannot write");
        assertThat(r.out()).isEmpty();
        assertThat(files()).containsExactlyInAnyOrder(m, blocker);
    }

    @Test
    void aDirectoryAsTheModelIsNamed() {
        oneLocatedLine(MabossCommandTest.run("maboss", "-o", dir.resolve("x").toString(), dir.toString()), dir + ": is a directory");
        oneLocatedLine(MabossCommandTest.run("analyze", "stable-states", dir.resolve("a.bnet").toString() + "/"), "a.bnet");
    }

    @Test
    void notUtf8IsLocated() throws IOException {
        Path p = dir.resolve("p.yaml");
        Files.write(p, "name: x\nalterations:\n  - {gene: PTEN, kind: lo\u00e9ss}\n".getBytes(StandardCharsets.ISO_8859_1));
        oneLocatedLine(MabossCommandTest.run("predict", "--profile", p.toString(), "--therapy", "trastuzumab"), "p.yaml:3:26: not UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"convert", "analyze"})
    void bnetIsReadAlikeByEveryCommand(String command) throws IOException {
        Path bom = dir.resolve("bom.bnet");
        Files.write(bom, "\uFEFFtargets, factors\nA, A\n".getBytes(StandardCharsets.UTF_8));
        assertThat(run(command, bom).code()).isZero();
        Path dup = write("dup.bnet", "targets, factors\nA, A\nA, !A\n");
        oneLocatedLine(run(command, dup), "dup.bnet:3:1: node A is declared twice");
        oneLocatedLine(run("maboss", dup), "dup.bnet:3:1: node A is declared twice");
    }

    @Test
    void anInvalidFileNameIsBadInput() {
        oneLocatedLine(MabossCommandTest.run("maboss", "-o", dir.resolve("x").toString(), "m\u0000.bnd"), "not a valid file name");
    }

    @Test
    void controlCharactersAreNotEchoed() {
        Run r = MabossCommandTest.run("maboss", "-o", dir.resolve("x").toString(), "--threads", "1\u001b[2J", "m.bnd");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u001b").contains("\\x1b[2J");
    }

    @Test
    void messagesAreCleanedAndCut() {
        assertThat(Messages.clean("a\u0007b\tc\u2028")).isEqualTo("a\\x07b\tc\\u2028");
        assertThat(Messages.clean("x".repeat(5000))).hasSize(2004).endsWith(" ...");
    }

    @Test
    void unknownPlotNodesAndBadGroupIstatesAreRefused() throws IOException {
        Path m = write("m.bnd", "node A {\n logic = A;" + RATES + "node B {\n logic = A;" + RATES);
        Run r = MabossCommandTest.run("maboss", "-e", "max_time=5", "--plot-nodes", "A,NOPE", "-o", dir.resolve("x").toString(), m.toString());
        oneLocatedLine(r, "--plot-nodes: no node 'NOPE'");
        Run g = MabossCommandTest.run("maboss", "-e", "max_time=5; [A, B].istate = 1 [0, 2];", "-o", dir.resolve("x").toString(), m.toString());
        oneLocatedLine(g, "-e #1:1:");
        assertThat(g.err()).contains("istate value of B in entry 1 must be 0 or 1, not 2");
        assertThat(files()).containsExactly(m);
    }

    @Test
    void aTruncatedGzipIsNamed() throws IOException {
        Path vcf = dir.resolve("t.vcf.gz");
        byte[] gz;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + "chr1\t1\t.\tA\tG\t50\tPASS\t.\n".repeat(2000))
                .getBytes(StandardCharsets.UTF_8));
        }
        gz = bytes.toByteArray();
        Files.write(vcf, java.util.Arrays.copyOf(gz, gz.length / 2));
        oneLocatedLine(MabossCommandTest.run("profile", "--vcf", vcf.toString()), vcf + ": truncated or damaged gzip data");
    }

    @Test
    void aLongSampleNameGivesAShortFileName() throws IOException {
        String sample = "S".repeat(300);
        Path maf = write("m.maf", "Hugo_Symbol\tVariant_Classification\tHGVSp_Short\tTumor_Sample_Barcode\nPIK3CA\tMissense_Mutation\tp.H1047R\t"
            + sample + "\n");
        Run r = MabossCommandTest.run("profile", "--maf", maf.toString(), "-o", dir.resolve("p").toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(dir.resolve("p"))) {
            assertThat(s.map(p -> p.getFileName().toString())).singleElement().satisfies(n -> assertThat(n.length()).isLessThan(130));
        }
    }

    @Test
    void aHugeYamlIsRefusedAtOnce() throws IOException {
        Path p = write("big.yaml", "name: \"" + "x".repeat(4 << 20) + "\"\n");
        long t0 = System.nanoTime();
        oneLocatedLine(MabossCommandTest.run("predict", "--profile", p.toString(), "--therapy", "trastuzumab"), "big.yaml: too large");
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Path z = dir.resolve("bomb.zginml");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new java.util.zip.ZipEntry("GINsim-data/regulatoryGraph.ginml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        oneLocatedLine(MabossCommandTest.run("analyze", "stable-states", z.toString()), "bomb.zginml: GINsim-data/regulatoryGraph.ginml unzips to more than");
    }

    @Test
    void anInternalErrorIsOneLineAndExitOneWithTheTraceOnlyUnderDebug() {
        java.io.PrintStream broken = new java.io.PrintStream(new java.io.ByteArrayOutputStream()) {
            @Override
            public void println(String x) {
                throw new IllegalStateException("broken pipe\u001b[1m");
            }
        };
        for (boolean debug : new boolean[] {false, true}) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            String[] args = debug ? new String[] {"--debug", "--version"} : new String[] {"--version"};
            int code = Main.execute(broken, new java.io.PrintStream(err, true, StandardCharsets.UTF_8), args);
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(1);
            assertThat(text).startsWith("her2sim: internal error, please report: java.lang.IllegalStateException: broken pipe\\x1b[1m");
            if (debug) {
                assertThat(text).contains("\tat org.her2sim.cli.Main");
            } else {
                assertThat(text.lines()).singleElement().asString().endsWith("(--debug shows the trace)");
            }
        }
    }
}
