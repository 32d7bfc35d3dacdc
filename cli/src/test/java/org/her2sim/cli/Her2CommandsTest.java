// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** predict, explain, demo and model-doc on the her2 module's test fixture. */
class Her2CommandsTest {
    /** The her2 module's fixture catalog (tests run in the cli folder). */
    static final String FIXTURE = Path.of("../her2/src/test/resources/fixture").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    static Run run(String... args) {
        return MabossCommandTest.run(args);
    }

    long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void predictPrintsATableOrJson() throws IOException {
        Run r = run("predict", "--catalog", FIXTURE, "--profile", "pik3ca", "--therapy", "herceptin", "--samples", "200", "--seed", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("profile:    pik3ca").contains("(resistant)").contains("Proliferation")
            .contains("pik3ca_activation").contains("pi3k_inhibitor");
        Path json = dir.resolve("p.json");
        Run j = run("predict", "--catalog", FIXTURE, "--profile", "pik3ca", "--therapy", "trastuzumab", "--samples", "200",
            "--seed", "3", "--json", "-o", json.toString());
        assertThat(j.code()).as(j.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) new Yaml().load(Files.readString(json));
        assertThat(m.keySet()).containsExactly("profile", "therapies", "responseScore", "responseScoreInterval", "responseClass", "phenotypes",
            "activeMechanisms", "attribution", "rescues", "seed");
        assertThat(m.get("responseClass")).isEqualTo("resistant");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void badProfileExitsTwoAndWritesNothing() throws IOException {
        Path profile = dir.resolve("bad.yaml");
        Files.writeString(profile, "alterations:\n  - {gene: FOO, kind: loss}\n");
        Path out = dir.resolve("out.json");
        Run r = run("predict", "--catalog", FIXTURE, "--profile", profile.toString(), "--therapy", "trastuzumab", "--json",
            "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(profile + ":2:5: alteration FOO loss: unknown gene 'FOO'");
        assertThat(out).doesNotExist();
        assertThat(files()).isEqualTo(1);
        // lenient: a warning, and a result
        Run l = run("predict", "--catalog", FIXTURE, "--profile", profile.toString(), "--therapy", "trastuzumab", "--lenient",
            "--samples", "100", "--no-rescues");
        assertThat(l.code()).as(l.err()).isZero();
        assertThat(l.err()).contains("her2sim: warning: " + profile + ":2:5: ignored: gene FOO (not in genes.yaml)");
    }

    @Test
    void unknownTherapyExitsTwo() {
        Run r = run("predict", "--catalog", FIXTURE, "--profile", "baseline", "--therapy", "trastuzamab");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown therapy 'trastuzamab' (did you mean: trastuzumab? known: trastuzumab, pi3k_inhibitor, paclitaxel)");
        assertThat(run("predict", "--catalog", FIXTURE, "--profile", "baseline").code()).isEqualTo(2);
        assertThat(run("predict", "--catalog", FIXTURE, "--profile", "nosuch", "--therapy", "trastuzumab").err())
            .contains("no profile file 'nosuch'");
    }

    @Test
    void explainPrintsEvidenceOrSuggestions() {
        Run r = run("explain", "--catalog", FIXTURE, "HER2", "pten_loss", "herceptin");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("node HER2: HER2 (ERBB2) full-length receptor").contains("mechanism pten_loss: PTEN loss")
            .contains("therapy trastuzumab: Trastuzumab");
        Run bad = run("explain", "--catalog", FIXTURE, "PTNE");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("did you mean: PTEN");
    }

    @Test
    void explainLinksTheCitedPapersAndRejectsABadBibliography() throws IOException {
        Run r = run("explain", "IGF1Ri");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sources:").contains("https://doi.org/10.3389/fonc.2024.1389390")
            .contains("Nahta 2005 Cancer Res:").doesNotContain("https://doi.org/10.1158/0008-5472.CAN-04-3841") // removed: no source confirmed it
            .contains("ref 31:").contains("no DOI or PMID:");
        Path cat = dir.resolve("catalog");
        try (var files = Files.walk(Path.of(FIXTURE))) {
            for (Path f : files.toList()) {
                Path to = cat.resolve(Path.of(FIXTURE).relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(cat.resolve("bibliography.yaml"), "review: {title: T, authors: [A], journal: J, year: 2024, doi: 10.1000/x}\n"
            + "references:\n  - {number: 2, status: identified}\n");
        Run bad = run("explain", "--catalog", cat.toString(), "HER2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bibliography.yaml:3:").contains("'identified' needs a doi or a pmid");
    }

    @Test
    void demoWritesReportAndJson() throws IOException {
        Path out = dir.resolve("demo");
        Run r = run("demo", "--catalog", FIXTURE, "-o", out.toString(), "--samples", "100", "--seed", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("baseline").contains("muc4").contains("pik3ca").contains("wrote " + out.resolve("report.html"));
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("http");
        assertThat(Files.readString(out.resolve("demo.json"))).contains("\"predictions\"");
    }

    @Test
    void modelDocWritesMarkdown() throws IOException {
        Path md = dir.resolve("model.md");
        Run r = run("model-doc", "--catalog", FIXTURE, "-o", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(md)).startsWith("# The HER2 model").contains("## Mechanisms");
        Run p = run("model-doc", "--catalog", FIXTURE, "-o", "-");
        assertThat(p.out()).isEqualTo(Files.readString(md));
    }

    @Test
    void helpListsTheNewCommands() {
        Run r = run("--help");
        assertThat(r.out()).contains("predict").contains("explain").contains("demo").contains("model-doc");
        assertThat(run("help", "predict").out()).contains("--profile FILE|NAME").contains("--no-rescues");
    }
}
