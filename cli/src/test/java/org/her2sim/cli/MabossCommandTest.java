// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code maboss} command end to end: outputs, determinism, formats, and bad input. */
class MabossCommandTest {

    static final String MODEL = """
        node A { rate_up = $u; rate_down = $d; }
        node B { logic = A; rate_up = @logic ? 2 : 0; rate_down = @logic ? 0 : 2; }
        C : A & !B
        """;
    static final String CFG = """
        $u = 1; $d = 0.5;
        A.istate = 0; B.istate = 0; C.istate = 0;
        B.refstate = 1;
        time_tick = 0.5; max_time = 10; sample_count = 4000; seed_pseudorandom = 7;
        statdist_traj_count = 20; statdist_cluster_threshold = 0.8;
        """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesMabossFilesAndSummary() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("m.cfg", CFG);
        Run r = run("maboss", "-c", cfg.toString(), "-o", dir.resolve("res").toString(), model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ran 4000 trajectories").contains("wrote");
        String probtraj = Files.readString(dir.resolve("res_probtraj.csv"));
        assertThat(probtraj).startsWith("Time\tTH\tErrorTH\tH\tHD=0\tHD=1\tState\tProba\tErrorProba");
        assertThat(probtraj.lines().count()).isEqualTo(21); // header + max_time / time_tick windows
        assertThat(Files.readString(dir.resolve("res_fp.csv"))).startsWith("Fixed Points (");
        assertThat(Files.readString(dir.resolve("res_statdist.csv"))).contains("Cluster\tState\tProba\tErrorProba");
        assertThat(Files.readString(dir.resolve("res_run.txt"))).contains("Sample Count: 4000").contains("node A {");
        // no temporary file is left behind
        assertThat(files()).allMatch(p -> !p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void outputsAreByteIdenticalForAnyThreadCount() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("m.cfg", CFG);
        for (String t : List.of("1", "2", "3")) {
            Run r = run("maboss", "-q", "-c", cfg.toString(), "-t", t, "-o", dir.resolve("t" + t).toString(), model.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        for (String suffix : List.of("_probtraj.csv", "_fp.csv", "_statdist.csv")) {
            byte[] one = Files.readAllBytes(dir.resolve("t1" + suffix));
            assertThat(Files.readAllBytes(dir.resolve("t2" + suffix))).as(suffix).isEqualTo(one);
            assertThat(Files.readAllBytes(dir.resolve("t3" + suffix))).as(suffix).isEqualTo(one);
        }
        Run other = run("maboss", "-q", "-c", cfg.toString(), "--seed", "8", "-o", dir.resolve("s8").toString(), model.toString());
        assertThat(other.code()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("s8_probtraj.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("t1_probtraj.csv")));
    }

    @Test
    void configurationsApplyInCommandLineOrder() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("m.cfg", CFG);
        Path late = write("late.cfg", "max_time = 4;");
        // -e before the file is overridden by it; -e after wins
        Run r = run("maboss", "-q", "-e", "max_time = 2", "-c", cfg.toString(), "-c", late.toString(), "-e", "time_tick = 1",
            "-o", dir.resolve("o").toString(), model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("o_probtraj.csv")).lines().count()).isEqualTo(1 + 4);
    }

    @Test
    void finalJsonAndPlot() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("m.cfg", CFG);
        Run r = run("maboss", "-q", "--final", "--format", "json", "-c", cfg.toString(), "-o", dir.resolve("f").toString(), model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(files()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("f_finalprob.json", "m.bnd", "m.cfg");
        String json = Files.readString(dir.resolve("f_finalprob.json"));
        assertThat(json).startsWith("{\"states\":[").contains("\"state\":\"A -- B\"");

        Run p = run("maboss", "-q", "--format", "json", "--plot", dir.resolve("plot.png").toString(), "-c", cfg.toString(),
            "-o", dir.resolve("j").toString(), model.toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(Files.readString(dir.resolve("j_probtraj.json"))).startsWith("{\"trajectories\":4000,\"referenceNodes\":1,\"windows\":[");
        assertThat(ImageIO.read(dir.resolve("plot.png").toFile()).getWidth()).isGreaterThan(100);
    }

    @Test
    void displayTrajWritesEveryStepInTrajectoryOrder() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("m.cfg", CFG);
        for (String t : List.of("1", "2")) {
            Run r = run("maboss", "-q", "-c", cfg.toString(), "-e", "display_traj = 1; sample_count = 5", "-t", t,
                "-o", dir.resolve("d" + t).toString(), model.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        String traj = Files.readString(dir.resolve("d1_traj.txt"));
        assertThat(traj).startsWith("\nTrajectory #1\n istate\t<nil>\n").contains("Trajectory #5").doesNotContain("Trajectory #6");
        // each step line: end time, the full state held until then, its transition entropy
        assertThat(traj.lines().filter(l -> !l.isEmpty() && !l.startsWith("Trajectory") && !l.startsWith(" istate")))
            .allMatch(l -> l.split("\t").length == 3);
        assertThat(Files.readString(dir.resolve("d2_traj.txt"))).isEqualTo(traj);
    }

    @Test
    void knockOutFixesANode() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("m.cfg", CFG);
        Run r = run("maboss", "-q", "--final", "--ko", "A", "-c", cfg.toString(), "-o", dir.resolve("ko").toString(), model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("ko_finalprob.csv"))).isEqualTo("1\t<nil>\n");
        Run ki = run("maboss", "-q", "--final", "--ki", "A", "-e", "max_time = 50", "-c", cfg.toString(), "-o", dir.resolve("ki").toString(), model.toString());
        assertThat(ki.code()).as(ki.err()).isZero();
        assertThat(Files.readString(dir.resolve("ki_finalprob.csv"))).isEqualTo("1\tA -- B\n");
    }

    @Test
    void syntaxErrorNamesFileLineColumnAndWritesNothing() throws IOException {
        Path model = write("bad.bnd", "node A {\n  logic = B &;\n}\nnode B { }\n");
        Run r = run("maboss", "-o", dir.resolve("x").toString(), model.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(model + ":2:14:").contains("expected an expression");
        assertThat(files()).containsExactly(model);
    }

    @Test
    void semanticErrorsExitTwoWithLocation() throws IOException {
        Path model = write("m.bnd", MODEL);
        Path cfg = write("bad.cfg", "$u = 1;\nA.istate = 0;\nA.istate = 1;\n");
        Run dup = run("maboss", "-c", cfg.toString(), "-o", dir.resolve("x").toString(), model.toString());
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.err()).contains(cfg + ":3:1:").contains("istate of A is already set");

        Path noParam = write("p.cfg", "A.istate = 0;");
        Run undefined = run("maboss", "-c", noParam.toString(), "-o", dir.resolve("x").toString(), model.toString());
        assertThat(undefined.code()).isEqualTo(2);
        assertThat(undefined.err()).contains("$u").contains("not defined");

        Path neg = write("neg.cfg", "$u = -1; $d = 1; A.istate = 0;");
        Run negative = run("maboss", "-c", neg.toString(), "-o", dir.resolve("x").toString(), model.toString());
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("node A").contains("rate_up is -1").contains("at time");

        Run unknownNode = run("maboss", "--ko", "Z", "-c", write("ok.cfg", CFG).toString(), "-o", dir.resolve("x").toString(), model.toString());
        assertThat(unknownNode.code()).isEqualTo(2);
        assertThat(unknownNode.err()).contains("unknown node 'Z'");
        assertThat(files()).noneMatch(p -> p.getFileName().toString().startsWith("x"));
    }

    @Test
    void usageErrors() throws IOException {
        Path model = write("m.bnd", MODEL);
        assertThat(run("maboss", model.toString()).err()).contains("-o PREFIX");
        assertThat(run("maboss", "--nope", model.toString()).code()).isEqualTo(2);
        assertThat(run("maboss", "-o", "x", "--format", "xml", model.toString()).err()).contains("unknown format 'xml'");
        assertThat(run("maboss", "-o", dir.resolve("x").toString(), dir.resolve("missing.bnd").toString()).err()).contains("missing.bnd: no such file");
        assertThat(run("nosuch").code()).isEqualTo(2);
        assertThat(run("--help").out()).contains("maboss");
        assertThat(run("help", "maboss").out()).contains("--config").contains("--ko");
        assertThat(run("maboss", "--check", "-c", write("c.cfg", CFG).toString(), model.toString()).out()).contains("3 nodes").contains("configuration OK");
    }
}
