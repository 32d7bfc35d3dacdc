// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cohort run and screen from the command line: outputs, exit codes, nothing written on bad input. */
class CohortRunCommandTest {
    @TempDir
    Path dir;

    Path cohort(String name, int n) throws IOException {
        StringBuilder sb = new StringBuilder("# her2sim virtual cohort\n# seed: 5\n# setting: naive\n");
        sb.append("id,pik3ca_mutation,muc4_high,weight_kg,serum_ecd_ng_ml,metastatic_sites\n");
        for (int i = 0; i < n; i++) {
            sb.append("P").append(String.format("%06d", i + 1)).append(',').append(i % 2).append(',').append(i / 2 % 2).append(",66.0,20.00,1\n");
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void therapyRunWritesItsTablesAndResumes() throws IOException {
        Path c = cohort("c.csv", 12);
        Path out = dir.resolve("out");
        Run r = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--therapy", "trastuzumab", "--samples", "60", "--seed", "2",
            "-o", out.toString(), "-t", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("12 patients, 4 distinct profiles").contains("response (sensitive):").contains("pik3ca_mutation")
            .contains("4 distinct profiles: 4 computed, 0 read back");
        for (String f : new String[] {"patients.csv", "profiles.csv", "subgroups.csv", "summary.json"}) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readString(out.resolve("patients.csv"))).contains("# command: her2sim cohort run --cohort ")
            .contains("# samples: 60\n");
        Run again = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--therapy", "trastuzumab", "--samples", "60", "--seed", "2",
            "-o", out.toString(), "-t", "2");
        assertThat(again.out()).contains("4 distinct profiles: 0 computed, 4 read back");
        Run other = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--therapy", "pertuzumab", "--samples", "60", "-o",
            out.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("holds a run with other inputs").contains("regimen: trastuzumab there, pertuzumab here");
    }

    @Test
    void anUnknownTherapyIsBadInputAndWritesNothing() throws IOException {
        Path c = cohort("c.csv", 4);
        Path out = dir.resolve("out");
        Run r = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--therapy", "trastuzumabb", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--therapy: unknown therapy 'trastuzumabb'").contains("did you mean: trastuzumab");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMalformedCohortLineNamesFileLineAndFieldAndWritesNothing() throws IOException {
        Path c = cohort("c.csv", 4);
        String text = Files.readString(c).replace("P000003,0,1,66.0", "P000003,0,1,6x.0");
        Files.writeString(c, text);
        Path out = dir.resolve("out");
        Run r = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--regimen", "trastuzumab", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("c.csv:7:").contains("field 'weight_kg'").contains("'6x.0'");
        assertThat(out).doesNotExist();
    }

    @Test
    void dosedRegimenRunsThroughEachPatientsPkAndRefusesImpossibleCovariates() throws IOException {
        Path c = dir.resolve("s.csv");
        Run sample = CohortCommandsTest.run("cohort", "sample", "--size", "6", "--seed", "3", "-o", c.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(sample.out()).contains("with PK scores: pk_z_cl");
        Path out = dir.resolve("dosed");
        Run r = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--regimen", "trastuzumab_q3w,pertuzumab", "--months", "6",
            "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trastuzumab + pertuzumab (dosed: trastuzumab_q3w)").contains("objective response (CR+PR):");
        // times to progression are quantised to the model's scans and censored at the end of follow-up: the text says so
        assertThat(r.out()).contains("scans every 42 days").containsPattern("progression-free at day 18[0-9] are censored");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"dosing\": \"trastuzumab_q3w\"")
            .contains("\"pk_variability\": \"from the cohort's PK scores\"");

        Run twice = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--regimen", "trastuzumab_q3w,trastuzumab");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("--regimen").contains("'trastuzumab' is given twice");

        Path heavy = dir.resolve("heavy.csv");
        Files.writeString(heavy, Files.readString(cohort("h.csv", 2)).replace("P000002,1,0,66.0", "P000002,1,0,300.0"));
        Path none = dir.resolve("none");
        Run bad = CohortCommandsTest.run("cohort", "run", "--cohort", heavy.toString(), "--regimen", "trastuzumab_q3w", "-o", none.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("heavy.csv, patient P000002").contains("field 'weight_kg'").contains("between 20 and 250");
        assertThat(none).doesNotExist();
    }

    @Test
    void usageErrors() throws IOException {
        Path c = cohort("c.csv", 4);
        Run both = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--therapy", "trastuzumab", "--regimen", "trastuzumab");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("either --therapy or --regimen");
        Run samples = CohortCommandsTest.run("cohort", "run", "--cohort", c.toString(), "--regimen", "trastuzumab", "--samples", "10");
        assertThat(samples.code()).isEqualTo(2);
        Run missing = CohortCommandsTest.run("cohort", "run", "--cohort", dir.resolve("none.csv").toString(), "--therapy", "trastuzumab");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.csv: no such file");
        Run screen = CohortCommandsTest.run("screen", "--profiles", "pik3ca_mutant", "--therapies", "trastuzumab");
        assertThat(screen.code()).isEqualTo(2);
        assertThat(screen.err()).contains("2 to 30 therapies");
    }

    @Test
    void screenWritesTablesAndHeatmap() throws IOException {
        Path out = dir.resolve("screen");
        Run r = CohortCommandsTest.run("screen", "--profiles", "pik3ca_mutant,trastuzumab_sensitive", "--therapies",
            "trastuzumab,pertuzumab,pi3k_inhibitor", "--samples", "60", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("screen of 3 therapies on 2 distinct profiles").contains("Bliss excess").contains("trastuzumab+pertuzumab");
        for (String f : new String[] {"screen.csv", "ranking.csv", "screen.json", "heatmap.svg"}) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readString(out.resolve("screen.csv")).lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(1 + 2 * 6);
    }
}
