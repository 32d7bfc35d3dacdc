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

/** {@code her2sim pk} end to end: tables, JSON, plots, and bad input (exit 2, the option named, nothing written). */
class PkCommandTest {
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
    void theIssuesCommandPrintsCyclesTroughsAndTheSteadyState() {
        Run r = run("pk", "--drug", "trastuzumab", "--regimen", "q3w", "--weight", "70", "--ecd", "200", "--met-sites", "4", "--days", "168",
            "--model", "bruno2005");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trastuzumab_q3w: 8 -> 6 mg/kg IV every 21 days").contains("population mbc")
            .containsPattern("(?m)^1\\s+0\\s+8 mg/kg\\s+\\S+\\s+23\\.0$").containsPattern("(?m)^8\\s+147\\s+6 mg/kg")
            .contains("steady-state trough: 37.5 ug/mL").contains("half-life:").contains("HER2 occupancy");
    }

    @Test
    void metastaticSitesDefaultToOneForMetastaticDiseaseAsInTreat() {
        Run mbc = run("pk", "--drug", "trastuzumab", "--population", "mbc", "--days", "21");
        assertThat(mbc.code()).as(mbc.err()).isZero();
        assertThat(mbc.out()).contains("population mbc").contains("1 metastatic sites");
        Run ebc = run("pk", "--drug", "trastuzumab", "--days", "21");
        assertThat(ebc.code()).as(ebc.err()).isZero();
        assertThat(ebc.out()).contains("population ebc").contains("0 metastatic sites");
    }

    @Test
    void defaultsAndBrandNames() {
        Run r = run("pk", "--drug", "Kadcyla");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("t_dm1_q3w: 3.6 mg/kg IV every 21 days").contains("model:      lu2014");
        Run tki = run("pk", "--drug", "tucatinib", "--days", "21", "--skip", "3");
        assertThat(tki.code()).as(tki.err()).isZero();
        assertThat(tki.out()).contains("on/off by dosing day").contains("exposure on 20 of 21 days");
    }

    @Test
    void percentileBandJsonAndPlotsAreWrittenTogether() throws IOException {
        Path json = dir.resolve("pk.json");
        Path svg = dir.resolve("pk.svg");
        Run r = run("pk", "--drug", "trastuzumab", "--regimen", "sc", "--days", "63", "--samples", "20", "--seed", "5", "--json",
            "-o", json.toString(), "--plot", svg.toString(), "--delay", "2:7");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) new Yaml().load(Files.readString(json));
        assertThat(m).containsEntry("model", "quartino2016").containsKeys("profile", "band", "published");
        @SuppressWarnings("unchecked")
        Map<String, Object> band = (Map<String, Object>) m.get("band");
        assertThat(band).containsEntry("samples", 20).containsEntry("seed", 5);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("virtual patients").contains("target trough 20 ug/mL");
        Run again = run("pk", "--drug", "trastuzumab", "--regimen", "sc", "--days", "63", "--samples", "20", "--seed", "5", "--json",
            "--delay", "2:7");
        assertThat(again.out()).isEqualTo(Files.readString(json));
        Path png = dir.resolve("pk.png");
        Run p = run("pk", "--drug", "pertuzumab", "--plot", png.toString());
        assertThat(p.code()).as(p.err()).isZero();
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(files()).isEqualTo(3);
    }

    @Test
    void badInputExitsTwoNamesTheOptionAndWritesNothing() throws IOException {
        String out = dir.resolve("x.txt").toString();
        String plot = dir.resolve("x.svg").toString();
        List<String[]> cases = List.of(
            new String[] {"--drug", "trastuzumib", "option --drug"},
            new String[] {"--drug", "trastuzumab", "--regimen", "q4w", "option --regimen"},
            new String[] {"--drug", "trastuzumab", "--model", "bruno", "option --model"},
            new String[] {"--drug", "trastuzumab", "--weight", "0", "option \'--weight\': must be between 20 and 250 kg"},
            new String[] {"--drug", "trastuzumab", "--weight", "500", "option '--weight'"},
            new String[] {"--drug", "trastuzumab", "--weight", "heavy", "option \'--weight\': needs a number"},
            new String[] {"--drug", "trastuzumab", "--ecd", "-5", "option '--ecd'"},
            new String[] {"--drug", "trastuzumab", "--met-sites", "-1", "option '--met-sites'"},
            new String[] {"--drug", "trastuzumab", "--population", "ebc", "--met-sites", "4", "option '--met-sites'"},
            new String[] {"--drug", "trastuzumab", "--population", "xbc", "option '--population'"},
            new String[] {"--drug", "trastuzumab", "--days", "-3", "option '--days'"},
            new String[] {"--drug", "trastuzumab", "--delay", "2", "option \'--delay\': expected CYCLE:DAYS"},
            new String[] {"--drug", "trastuzumab", "--skip", "0", "option '--skip'"},
            new String[] {"--drug", "taxane", "--regimen", "q3w", "--skip", "9", "option \'--skip\': cycle 9 is beyond"},
            new String[] {"--drug", "trastuzumab", "--regimen", "sc", "--model", "bruno2005", "option '--model'"},
            new String[] {"--drug", "lapatinib", "--samples", "10", "option '--samples'"},
            new String[] {"--drug", "trastuzumab", "--samples", "0", "option '--samples'"},
            new String[] {"--drug", "trastuzumab", "--masked", "2", "option '--masked'"},
            new String[] {"--drug", "trastuzumab", "--plot", dir.resolve("x.gif").toString(), "option '--plot'"},
            new String[] {"--regimen", "q3w", "a drug is required"});
        for (String[] c : cases) {
            List<String> a = new java.util.ArrayList<>(List.of("pk"));
            a.addAll(List.of(c).subList(0, c.length - 1));
            a.addAll(List.of("-o", out));
            if (!a.contains("--plot")) {
                a.addAll(List.of("--plot", plot));
            }
            String[] args = a.toArray(new String[0]);
            Run r = run(args);
            String expected = c[c.length - 1].replace("option --drug", "--drug: unknown drug").replace("option --regimen", "--regimen: unknown regimen")
                .replace("option --model", "--model: unknown model");
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(expected);
            assertThat(files()).as(String.join(" ", args)).isZero();
        }
    }

    @Test
    void helpListsTheOptions() {
        Run r = run("help", "pk");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--drug NAME").contains("--delay CYCLE:DAYS").contains("--samples N").contains("--plot FILE");
        assertThat(run("--help").out()).contains("pk ");
    }
}
