// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** treat on the bundled model: dosing regimens, outputs, and bad input. */
class TreatCommandTest {
    @TempDir
    Path dir;

    static MabossCommandTest.Run run(String... args) {
        return MabossCommandTest.run(args);
    }

    @Test
    void dosedRegimensGiveATumourCourseWithRecistAndPlots() throws IOException {
        Path json = dir.resolve("t.json");
        Path svg = dir.resolve("t.svg");
        MabossCommandTest.Run r = run("treat", "--profile", "pik3ca_mutant", "--regimen", "trastuzumab_q3w", "--months", "12", "--seed", "4",
            "--json", "-o", json.toString(), "--plot", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(json);
        assertThat(text).contains("\"bestResponse\"", "\"timeToProgressionDays\"", "\"clonesAtProgression\"", "\"scans\"");
        assertThat(Files.readString(svg)).startsWith("<svg").contains("polyline").doesNotContain("http://www.w3.org/1999/xlink");
        MabossCommandTest.Run again = run("treat", "--profile", "pik3ca_mutant", "--regimen", "trastuzumab_q3w", "--months", "12", "--seed", "4",
            "--json", "-t", "1");
        assertThat(again.out()).isEqualTo(text);
        MabossCommandTest.Run text2 = run("treat", "--profile", "trastuzumab_sensitive", "--regimen", "docetaxel_q3w", "--regimen", "herceptin",
            "--months", "6");
        assertThat(text2.code()).as(text2.err()).isZero();
        assertThat(text2.out()).contains("regimen:        taxane + trastuzumab").contains("best response:");
    }

    @Test
    void badInputIsRefusedWithExitCode2AndNothingWritten() throws IOException {
        Path out = dir.resolve("o.json");
        MabossCommandTest.Run r = run("treat", "--profile", "pik3ca_mutant", "--regimen", "nope", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope");
        assertThat(run("treat", "--profile", "pik3ca_mutant", "--regimen", "trastuzumab_q3w", "--months", "0").code()).isEqualTo(2);
        assertThat(run("treat", "--profile", "pik3ca_mutant", "--regimen", "trastuzumab_q3w", "--weight", "-3").code()).isEqualTo(2);
        assertThat(run("treat", "--profile", "pik3ca_mutant", "--regimen", "trastuzumab_q3w", "--regimen", "trastuzumab").code()).isEqualTo(2);
        MabossCommandTest.Run skip = run("treat", "--profile", "pik3ca_mutant", "--regimen", "docetaxel_q3w", "--skip", "9");
        assertThat(skip.code()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
