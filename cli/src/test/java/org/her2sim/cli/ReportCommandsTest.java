// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cli.MabossCommandTest.Run;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.report.Provenance;
import org.her2sim.her2.service.Her2Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict --html, treat --html and the demo report: provenance, profile, rescues behind a toggle, dose marks. */
class ReportCommandsTest {
    static final String FIXTURE = Her2CommandsTest.FIXTURE;

    @TempDir
    Path dir;

    @Test
    void predictWritesAnHtmlReportWithProvenanceAndTheProfile() throws IOException {
        Path html = dir.resolve("p.html");
        Run r = MabossCommandTest.run("predict", "--catalog", FIXTURE, "--profile", "muc4", "--therapy", "trastuzumab", "--samples", "100",
            "--seed", "3", "--html", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("profile:    muc4").endsWith("wrote " + html + System.lineSeparator());
        String page = Files.readString(html);
        String hash = Her2Model.sha256(Catalog.load(Path.of(FIXTURE)));
        assertThat(page).contains(hash).contains("seed 3").contains(Provenance.RESEARCH_USE).contains("mechanism muc4_masking")
            .contains("context heregulin: low").contains("signalling steps").contains("probability (0-1)");
    }

    @Test
    void aBadHtmlNameExitsTwoWithNothingWritten() throws IOException {
        Run r = MabossCommandTest.run("predict", "--catalog", FIXTURE, "--profile", "muc4", "--therapy", "trastuzumab", "--html",
            dir.resolve("p.txt").toString(), "-o", dir.resolve("p.out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'--html' needs a .html file name");
        try (var s = Files.list(dir)) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void predictTextHidesRescuesWithoutMeasurableGainUnlessAsked() {
        String[] args = {"predict", "--catalog", FIXTURE, "--profile", "pik3ca", "--therapy", "trastuzumab", "--samples", "100", "--seed", "3"};
        Run r = MabossCommandTest.run(args);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--all-rescues";
        Run everything = MabossCommandTest.run(all);
        assertThat(r.out()).contains("pi3k_inhibitor");
        long shown = r.out().lines().filter(l -> l.matches("  \\w+  .*(approved|phase 3|phase 1-2|preclinical) .*")).count();
        long listed = everything.out().lines().filter(l -> l.matches("  \\w+  .*(approved|phase 3|phase 1-2|preclinical) .*")).count();
        assertThat(listed).isGreaterThanOrEqualTo(shown);
        if (listed > shown) {
            assertThat(r.out()).contains((listed - shown) + " more add-on").contains("no measurable gain");
        }
        assertThat(everything.out()).doesNotContain("no measurable gain");
    }

    @Test
    void treatWritesAnHtmlReportWithDoseMarksAndTheScanInterval() throws IOException {
        Path html = dir.resolve("t.html");
        Path svg = dir.resolve("t.svg");
        Run r;
        try {
            Progress.terminal = () -> true;
            r = MabossCommandTest.run("treat", "--profile", "pik3ca_mutant", "--regimen", "trastuzumab_q3w", "--months", "6", "--seed", "4",
                "--html", html.toString(), "--plot", svg.toString());
        } finally {
            Progress.terminal = () -> System.console() != null;
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("her2sim treat: pik3ca_mutant under trastuzumab_q3w for 6 months, seed 4");
        assertThat(r.out()).contains("scans every 42 d").contains("wrote " + html).contains("wrote " + svg);
        String page = Files.readString(html);
        assertThat(page).contains(Her2Model.load().sha256()).contains("seed 4").contains(Provenance.RESEARCH_USE).contains("PIK3CA activating")
            .contains("pik3ca_activation").contains("tumour cells (log10 scale)").contains("doses: trastuzumab_q3w");
        // every 21 days from day 0 within 6 months: days 0, 21, ..., 168
        assertThat(page.split("class=\"dose\"", -1)).hasSize(10);
        assertThat(Files.readString(svg).split("class=\"dose\"", -1)).hasSize(10);
    }
}
