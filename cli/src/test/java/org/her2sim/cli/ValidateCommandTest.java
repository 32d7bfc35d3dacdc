// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** validate and calibrate on a copy of the bundled model with a few rows of its own. */
class ValidateCommandTest {
    private static final Path BUNDLED = Path.of("../her2/src/main/resources/her2").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static String row(String id, String split, String extra, String therapy, String label) {
        return "- id: " + id + "\n  split: " + split + "\n  group: cell_line\n  quick: true\n"
            + "  source: {citation: \"Test\", doi: \"10.1000/test\"}\n  system: test line\n"
            + "  scenario:\n    profile: {alterations: [{gene: ERBB2, kind: amplified}" + extra + "]}\n    therapies: [" + therapy + "]\n"
            + "  endpoint: growth_inhibition\n  comparison: class\n  published: {value: " + label + ", measure: \"test\"}\n";
    }

    private Path model(String floors) throws IOException {
        return model(floors, "");
    }

    private Path model(String floors, String extraRows) throws IOException {
        Path m = dir.resolve("model");
        try (Stream<Path> s = Files.walk(BUNDLED)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = m.resolve(BUNDLED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.toString().contains("validation/rows/") && !p.toString().endsWith("fitted.yaml")) {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(m.resolve("validation/rows/rows.yaml"), row("a", "training", "", "trastuzumab", "sensitive")
            + row("b", "training", ", {gene: PTEN, kind: loss}", "trastuzumab", "resistant")
            + row("c", "test", ", {gene: PIK3CA, kind: activating}", "trastuzumab", "resistant")
            + row("d", "test", "", "lapatinib", "sensitive") + extraRows);
        Files.writeString(m.resolve("validation/floors.yaml"), floors);
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasRowsWithSourcesAndASummaryPerSplit() throws IOException {
        Path m = model("quick:\n  training: {auc: 0.0}\n");
        Path out = dir.resolve("out");
        Run r = MabossCommandTest.run("validate", "--catalog", m.toString(), "--quick", "--json", "--samples", "150", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> j = (Map<String, Object>) new Yaml().load(r.out());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) j.get("rows");
        assertThat(rows).hasSize(4);
        for (Map<String, Object> x : rows) {
            assertThat(x).containsKeys("id", "split", "source", "published", "model", "agree");
            assertThat((Map<String, Object>) x.get("source")).containsEntry("doi", "10.1000/test");
            assertThat((Map<String, Object>) x.get("model")).containsKeys("value", "interval");
        }
        Map<String, Object> summary = (Map<String, Object>) j.get("summary");
        for (String split : List.of("training", "test")) {
            Map<String, Object> s = (Map<String, Object>) summary.get(split);
            assertThat(s).containsKeys("n", "directionConcordance", "ratioWithin1_5", "auc", "baselineAuc");
            assertThat(s.get("n")).isEqualTo(2);
            double auc = ((Number) s.get("auc")).doubleValue();
            assertThat(auc).isBetween(0.0, 1.0);
        }
        assertThat(out.resolve("scorecard.json")).exists();
        assertThat(Files.readString(out.resolve("scorecard.html"))).contains("<svg").contains("https://doi.org/10.1000/test");
        assertThat(Files.readString(out.resolve("scorecard.txt"))).contains("training").contains("test");
    }

    @Test
    void quickFailsWithExitThreeBelowAFloor() throws IOException {
        // a row the model must get wrong: T-DXd on the baseline tumour published as useless
        Path m = model("quick:\n  training: {agreement: 1.0}\n  test: {agreement: 1.0}\n", row("e", "training", "", "t_dxd", "resistant"));
        Run r = MabossCommandTest.run("validate", "--catalog", m.toString(), "--quick", "--samples", "150");
        assertThat(r.code()).as(r.out()).isEqualTo(ValidateCommand.BELOW_FLOORS);
        assertThat(r.err()).contains("below the floor: ").contains("agreement");
    }

    @Test
    void checkCountsRowsAndBadOptionsExitTwo() throws IOException {
        Path m = model("quick:\n  training: {auc: 0.0}\n");
        Run r = MabossCommandTest.run("validate", "--catalog", m.toString(), "--check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("4 rows").contains("cell_line training       2");
        assertThat(MabossCommandTest.run("validate", "--catalog", m.toString(), "--split", "holdout").code()).isEqualTo(2);
        assertThat(MabossCommandTest.run("calibrate", "--catalog", m.toString()).code()).isEqualTo(2);
        assertThat(MabossCommandTest.run("calibrate", "--catalog", m.toString(), "-o", dir.resolve("f.yaml").toString(), "--samples", "5").code())
            .isEqualTo(2);
        assertThat(dir.resolve("f.yaml")).doesNotExist();
    }

    @Test
    void calibrateWritesAFitTheModelLoads() throws IOException {
        Path m = model("quick:\n  training: {auc: 0.0}\n");
        Path fit = dir.resolve("fitted.yaml");
        Run r = MabossCommandTest.run("calibrate", "--catalog", m.toString(), "-o", fit.toString(), "--evaluations", "12", "--samples", "40,60",
            "--groups", "cell_line");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("on 2 training rows").contains("k_apo").contains("unconstrained by the data");
        String text = Files.readString(fit);
        assertThat(text).contains("provenance:").contains("data_sha256").contains("ensemble:");
        Files.copy(fit, m.resolve("network/fitted.yaml"));
        Run p = MabossCommandTest.run("predict", "--catalog", m.toString(), "--profile", "pik3ca_mutant", "--therapy", "trastuzumab",
            "--samples", "100", "--no-rescues");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).contains("parameter ensemble of");
    }

    @Test
    void progressShowsOnATerminalOnlyAndLeavesStdoutAlone() throws IOException {
        Path m = model("quick:\n  training: {auc: 0.0}\n");
        try {
            Progress.terminal = () -> true;
            Run tty = MabossCommandTest.run("validate", "--catalog", m.toString(), "--quick", "--samples", "100", "--no-ensemble");
            assertThat(tty.code()).as(tty.err()).isZero();
            assertThat(tty.err()).contains("her2sim validate: 4 rows (quick subset), seed ");
            Run quiet = MabossCommandTest.run("validate", "--catalog", m.toString(), "--quick", "--samples", "100", "--no-ensemble", "-q");
            assertThat(quiet.err()).doesNotContain("her2sim validate:");
            Progress.terminal = () -> false;
            Run piped = MabossCommandTest.run("validate", "--catalog", m.toString(), "--quick", "--samples", "100", "--no-ensemble");
            assertThat(piped.err()).doesNotContain("her2sim validate:");
            // the scorecard's seconds differ between runs; everything else is the same
            assertThat(quiet.out().replaceAll("[0-9.]+ s\\b", "")).isEqualTo(tty.out().replaceAll("[0-9.]+ s\\b", ""));
        } finally {
            Progress.terminal = () -> System.console() != null;
        }
    }
}
