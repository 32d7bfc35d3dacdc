// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MaBoSS 2.6.6 command line (maboss-compat, run by the MaBoSS launchers): one test per option. */
class MabossCompatTest {
    @TempDir
    Path dir;

    private static final String MODEL = "node A { logic = !B; rate_up = @logic ? $u : 0; rate_down = @logic ? 0 : 1; }\n"
        + "node B { logic = A; rate_up = @logic ? 1 : 0; rate_down = @logic ? 0 : 1; }\nC : A & B\n";
    private static final String CFG = "$u = 2; sample_count = 400; max_time = 5; time_tick = 0.5; A.istate = 1; B.istate = 0;\n";

    Path model() throws IOException {
        Files.writeString(dir.resolve("cfg.cfg"), CFG);
        return Files.writeString(dir.resolve("m.bnd"), MODEL);
    }

    Run maboss(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "maboss-compat";
        System.arraycopy(args, 0, all, 1, args.length);
        return MabossCommandTest.run(all);
    }

    List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("r")).sorted().toList();
        }
    }

    @Test
    void runWritesEveryFileMabossWrites() throws IOException {
        Path m = model();
        Run r = maboss("-c", dir.resolve("cfg.cfg").toString(), "-e", "C.in_graph = 1", "-o", dir.resolve("r").toString(), m.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names()).containsExactly("r_fp.csv", "r_observed_durations.csv", "r_observed_graph.csv", "r_probtraj.csv",
            "r_run.txt", "r_statdist.csv", "r_statdist_cluster.csv", "r_statdist_distrib.csv");
        List<String> graph = Files.readAllLines(dir.resolve("r_observed_graph.csv"));
        assertThat(graph.get(0)).isEqualTo("State\t<nil>\tC");
        assertThat(graph).hasSize(3);
        assertThat(Long.parseLong(graph.get(1).split("\t")[2])).isPositive();
        assertThat(Files.readString(dir.resolve("r_fp.csv"))).startsWith("Fixed Points (");
    }

    @Test
    void withoutInGraphTheObservedGraphIsMabossTrivialOne() throws IOException {
        Path m = model();
        assertThat(maboss("-c", dir.resolve("cfg.cfg").toString(), "-o", dir.resolve("r").toString(), m.toString()).code()).isZero();
        assertThat(Files.readString(dir.resolve("r_observed_graph.csv"))).isEqualTo("State\t<nil>\n<nil>\t0\n");
        assertThat(Files.readString(dir.resolve("r_observed_durations.csv"))).isEqualTo("State\t<nil>\n<nil>\t0\n");
    }

    @Test
    void hexfloatPrintsPercentA() throws IOException {
        Path m = model();
        assertThat(maboss("--hexfloat", "-c", dir.resolve("cfg.cfg").toString(), "-o", dir.resolve("r").toString(), m.toString()).code()).isZero();
        String row = Files.readAllLines(dir.resolve("r_probtraj.csv")).get(1);
        assertThat(row.split("\t")[0]).isEqualTo("0.0000");
        assertThat(row.split("\t")[1]).matches("-?0x[01](\\.[0-9a-f]+)?p[+-]\\d+");
    }

    @Test
    void finalWritesOnlyFinalprob() throws IOException {
        Path m = model();
        assertThat(maboss("--final", "-c", dir.resolve("cfg.cfg").toString(), "-o", dir.resolve("r").toString(), m.toString()).code()).isZero();
        assertThat(names()).containsExactly("r_finalprob.csv");
    }

    @Test
    void formatJsonKeepsGraphFilesInCsv() throws IOException {
        Path m = model();
        assertThat(maboss("--format", "json", "-c", dir.resolve("cfg.cfg").toString(), "-o", dir.resolve("r").toString(), m.toString()).code()).isZero();
        assertThat(names()).contains("r_probtraj.json", "r_fp.json", "r_statdist.json", "r_observed_graph.csv", "r_run.txt");
    }

    @Test
    void dumpTemplateLogicalCheckAndSbmlStopWithoutOutputs() throws IOException {
        Path m = model();
        String cfg = dir.resolve("cfg.cfg").toString();
        Run d = maboss("-c", cfg, "-v", "u=3", "-d", m.toString());
        assertThat(d.out()).contains("sample_count = 400;", "$u = 3;", "A.istate = 1;", "C.refstate = -1;");
        Run t = maboss("-t", m.toString());
        assertThat(t.out()).contains("configuration template", "$u = 0;", "sample_count = 10000;");
        Run l = maboss("-c", cfg, "-l", m.toString());
        assertThat(l.out().lines().toList()).containsExactly("B : !B & A | B & A", "A : !A & !B | A & !B", "C : A & B");
        assertThat(maboss("-c", cfg, "--check", m.toString()).code()).isZero();
        Run x = maboss("-c", cfg, "-x", dir.resolve("m.sbml").toString(), m.toString());
        assertThat(x.code()).as(x.err()).isZero();
        assertThat(Files.readString(dir.resolve("m.sbml"))).contains("qual:qualitativeSpecies");
        assertThat(names()).isEmpty();
    }

    @Test
    void exclusiveOptionsAndUnknownOnesAreRefused() throws IOException {
        Path m = model();
        Run r = maboss("--check", "-o", dir.resolve("r").toString(), m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--check and -o|--output are exclusive options");
        assertThat(maboss("-t", "-c", "x.cfg", m.toString()).err()).contains("--generate-config-template and -c|--config are exclusive");
        assertThat(maboss("--override", "--augment", m.toString()).err()).contains("--override and --augment are exclusive");
        assertThat(maboss("--nope", m.toString()).err()).contains("unknown option --nope");
        assertThat(maboss(m.toString()).err()).contains("ouput option is not set");
        assertThat(names()).isEmpty();
    }

    @Test
    void overrideAndAugmentRedeclareNodes() throws IOException {
        Path m = Files.writeString(dir.resolve("d.bnd"), "node A { logic = A; rate_up = 0; }\nnode A { logic = !A; }\n");
        assertThat(maboss("--check", m.toString()).code()).isEqualTo(2);
        assertThat(maboss("--override", "-l", m.toString()).out()).isEqualTo("A : !A\n");
        // augment keeps rate_up = 0 from the first declaration: the node can only go down
        assertThat(maboss("--augment", "-l", m.toString()).out()).isEqualTo("A : A & !A\n");
    }

    @Test
    void versionHelpAndQuiet() throws IOException {
        assertThat(maboss("-V").out()).startsWith("MaBoSS version 2.6.6 [networks up to 64 nodes]");
        assertThat(maboss("--build", "1024", "--version").out()).startsWith("MaBoSS version 2.6.6 [networks up to 1024 nodes]");
        String help = maboss("--help").out();
        for (String o : List.of("--dump-config", "--generate-config-template", "--generate-logical-expressions", "--export-sbml",
            "--hexfloat", "--override", "--augment", "--use-sbml-names", "--check", "--quiet", "--ensemble", "--save-individual",
            "--random-sampling", "--ensemble-istates", "--final", "--format", "--verbose", "--config-vars", "--config-expr")) {
            assertThat(help).contains(o);
        }
        Path m = model();
        Run w = maboss("--save-individual", "-c", dir.resolve("cfg.cfg").toString(), "--check", m.toString());
        assertThat(w.err()).contains("only usable if --ensemble");
        Run q = maboss("-q", "--save-individual", "--verbose", "2", "-c", dir.resolve("cfg.cfg").toString(), "--check", m.toString());
        assertThat(q.code()).isZero();
        assertThat(q.err()).isEmpty();
    }

    @Test
    void ensembleSplitsTrajectoriesAndSavesEachModel() throws IOException {
        Path m = model();
        Path m2 = Files.writeString(dir.resolve("m2.bnd"), MODEL.replace("rate_up = @logic ? $u : 0;", "rate_up = 0;"));
        String cfg = dir.resolve("cfg.cfg").toString();
        Run r = maboss("--ensemble", "--save-individual", "-c", cfg, "-o", dir.resolve("r").toString(), m.toString(), m2.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names()).contains("r_probtraj.csv", "r_fp.csv", "r_model_0_probtraj.csv", "r_model_1_probtraj.csv",
            "r_model_1_fp.csv").doesNotContain("r_run.txt");
        // model 1 can never switch A on again: its final states differ from model 0's
        assertThat(Files.readString(dir.resolve("r_model_1_probtraj.csv"))).isNotEqualTo(Files.readString(dir.resolve("r_model_0_probtraj.csv")));
        Run s = maboss("--ensemble", "--random-sampling", "-c", cfg, "-o", dir.resolve("rs").toString(), m.toString(), m2.toString());
        assertThat(s.code()).as(s.err()).isZero();
        Path c2 = Files.writeString(dir.resolve("c2.cfg"), CFG.replace("A.istate = 1", "A.istate = 0"));
        Run i = maboss("--ensemble", "--ensemble-istates", "-c", cfg, "-c", c2.toString(), "-o", dir.resolve("ri").toString(),
            m.toString(), m2.toString());
        assertThat(i.code()).as(i.err()).isZero();
        Run bad = maboss("--ensemble", "--ensemble-istates", "-c", cfg, "-o", dir.resolve("rb").toString(), m.toString(), m2.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("one -c or -e per model");
    }

    @Test
    void launcherFilesMatchMabossReferenceNames() throws IOException {
        Path ref = Path.of("../../shared/conformance/maboss/p53_mdm2");
        if (!Files.isDirectory(ref)) {
            ref = Path.of("../shared/conformance/maboss/p53_mdm2");
        }
        if (!Files.isDirectory(ref)) {
            System.err.println("MabossCompatTest: skipped, ../shared/conformance/maboss is absent");
        }
        assumeTrue(Files.isDirectory(ref), "../shared/conformance/maboss is absent");
        Run r = maboss("-c", ref.resolve("model.cfg").toString(), "-c", ref.resolve("run.cfg").toString(), "-e", "sample_count = 2000",
            "-o", dir.resolve("res").toString(), ref.resolve("model.bnd").toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(ref.resolve("reference"))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString().replace(".gz", "");
                assertThat(dir.resolve(n)).exists();
                if (n.contains("observed")) {
                    assertThat(Files.readString(dir.resolve(n))).isEqualTo(Files.readString(p));
                }
            }
        }
        List<String> fp = Files.readAllLines(dir.resolve("res_fp.csv"));
        List<String> want = Files.readAllLines(ref.resolve("reference/res_fp.csv"));
        assertThat(fp.get(0)).isEqualTo(want.get(0));
        assertThat(fp.get(2).split("\t")[2]).isEqualTo(want.get(2).split("\t")[2]);
    }

    /** An SBML-qual model: s1 (named "EGF receptor") -> s2 (named "ERK-1/2") -| s3 (no name). */
    private Path sbml(String name1, String name2) throws IOException {
        String species = "<qual:qualitativeSpecies qual:id=\"%s\"%s qual:compartment=\"c\" qual:constant=\"false\" qual:maxLevel=\"1\"/>";
        String transition = "<qual:transition qual:id=\"t%2$s\"><qual:listOfInputs><qual:input qual:id=\"i%2$s\" qual:qualitativeSpecies=\"%1$s\""
            + " qual:transitionEffect=\"none\"/></qual:listOfInputs><qual:listOfOutputs><qual:output qual:id=\"o%2$s\""
            + " qual:qualitativeSpecies=\"s%2$s\" qual:transitionEffect=\"assignmentLevel\"/></qual:listOfOutputs><qual:listOfFunctionTerms>"
            + "<qual:defaultTerm qual:resultLevel=\"0\"/><qual:functionTerm qual:resultLevel=\"1\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
            + "<apply><eq/><ci>%1$s</ci><cn type=\"integer\">%3$s</cn></apply></math></qual:functionTerm></qual:listOfFunctionTerms></qual:transition>";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\""
            + " xmlns:qual=\"http://www.sbml.org/sbml/level3/version1/qual/version1\" qual:required=\"true\"><model id=\"m\">"
            + "<listOfCompartments><compartment id=\"c\" constant=\"true\"/></listOfCompartments><qual:listOfQualitativeSpecies>"
            + species.formatted("s1", " qual:name=\"" + name1 + "\"") + species.formatted("s2", " qual:name=\"" + name2 + "\"") + species.formatted("s3", "")
            + "</qual:listOfQualitativeSpecies><qual:listOfTransitions>" + transition.formatted("s1", "2", "1") + transition.formatted("s2", "3", "0")
            + "</qual:listOfTransitions></model></sbml>\n";
        return Files.writeString(dir.resolve("m.sbml"), xml);
    }

    @Test
    void useSbmlNamesNamesNodesBySbmlNames() throws IOException {
        Path m = sbml("EGF receptor", "ERK-1/2");
        assertThat(maboss("-l", m.toString()).out().lines().toList()).containsExactly("s1 : 0", "s2 : s1", "s3 : !s2");
        Run l = maboss("--use-sbml-names", "-l", m.toString());
        assertThat(l.code()).as(l.err()).isZero();
        // letters, digits and _ kept, the rest _; a species without a name keeps its id
        assertThat(l.out().lines().toList()).containsExactly("EGF_receptor : 0", "ERK_1_2 : EGF_receptor", "s3 : !ERK_1_2");
        Path cfg = Files.writeString(dir.resolve("n.cfg"), "sample_count = 200; max_time = 2; time_tick = 0.5; EGF_receptor.istate = 1;\n");
        Run r = maboss("--use-sbml-names", "-c", cfg.toString(), "-o", dir.resolve("r").toString(), m.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("r_fp.csv")).get(1)).isEqualTo("FP\tProba\tState\tEGF_receptor\tERK_1_2\ts3");
        // without the option the configuration's names are unknown, and nothing is written
        Run ids = maboss("-c", cfg.toString(), "-o", dir.resolve("q").toString(), m.toString());
        assertThat(ids.code()).isEqualTo(2);
        assertThat(ids.err()).contains("n.cfg:1:").contains("unknown node 'EGF_receptor'");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("r_fp.csv").noneMatch(n -> n.startsWith("q_"));
        }
    }

    @Test
    void useSbmlNamesRefusesTwoSpeciesWithOneName() throws IOException {
        Path m = sbml("EGF receptor", "EGF.receptor");
        Run r = maboss("--use-sbml-names", "-l", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("m.sbml").contains("two components are named EGF_receptor");
    }
}
