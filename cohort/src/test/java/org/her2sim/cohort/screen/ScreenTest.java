// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.work.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen on a constructed case with a known answer (the fixture network, untreated: proliferating,
 * no death, net growth 1): drug_a and drug_b act through an AND gate (alone nothing, score 0;
 * together proliferation stops and cells die, score 1), drug_c and drug_d through an OR gate
 * (either alone or both stops proliferation without killing: score 0.5).
 * <ul>
 * <li>a+b: Bliss expected 0 + 0 - 0 = 0, excess +1; HSA excess 1 - 0 = +1 (synergy)</li>
 * <li>c+d: expected 0.5 + 0.5 - 0.25 = 0.75, excess 0.5 - 0.75 = -0.25 (antagonism, redundancy); HSA 0</li>
 * <li>a+c: expected 0 + 0.5 = 0.5, excess 0; HSA 0 (independent)</li>
 * <li>a+b+c: observed 1, expected 1 - 1 * 1 * 0.5 = 0.5, excess +0.5; HSA 1 - 0.5 = +0.5</li>
 * </ul>
 */
class ScreenTest {
    @TempDir
    Path dir;

    static final CohortRun.Listener QUIET = new CohortRun.Listener() {
        @Override
        public void start(int total) {
        }

        @Override
        public void done() {
        }
    };

    @Test
    void blissAndHsaOnAndAndOrGates() throws IOException {
        Screen.Request req = new Screen.Request(List.of("baseline", "pik3ca"), null, List.of("drug_a", "drug_b", "drug_c", "drug_d"), 3, 3, 300,
            dir, 1, "her2sim screen (test)");
        Screen.Outcome o = Screen.run(ModelRef.classpath("cohortfix/"), req, new LocalExecutor(2), QUIET);
        ScreenReport r = o.report();
        assertThat(o.distinct()).isEqualTo(2);
        List<List<String>> combos = Combinations.of(List.of("drug_a", "drug_b", "drug_c", "drug_d"), 3);
        assertThat(combos).hasSize(4 + 6 + 4);
        for (int p = 0; p < 2; p++) {
            check(r, p, combos, List.of("drug_a"), 0, Double.NaN, Double.NaN);
            check(r, p, combos, List.of("drug_c"), 0.5, Double.NaN, Double.NaN);
            check(r, p, combos, List.of("drug_a", "drug_b"), 1, 1, 1);
            check(r, p, combos, List.of("drug_c", "drug_d"), 0.5, -0.25, 0);
            check(r, p, combos, List.of("drug_a", "drug_c"), 0.5, 0, 0);
            check(r, p, combos, List.of("drug_a", "drug_b", "drug_c"), 1, 0.5, 0.5);
        }
        ScreenReport.Rank first = r.ranking().get(0);
        assertThat(first.name()).isEqualTo("drug_a+drug_b");
        assertThat(first.synergistic()).isEqualTo(1.0);
        ScreenReport.Rank cd = r.ranking().stream().filter(x -> x.name().equals("drug_c+drug_d")).findFirst().orElseThrow();
        assertThat(cd.antagonistic()).isEqualTo(1.0);
        assertThat(cd.blissExcess()).isCloseTo(-0.25, within(Math.max(3 * cd.blissSe(), 0.01)));
        assertThat(r.ranking().get(r.ranking().size() - 1).combination()).hasSize(1);
        for (String f : List.of("screen.csv", "ranking.csv", "screen.json", "heatmap.svg")) {
            assertThat(dir.resolve(f)).exists();
        }
        String svg = Files.readString(dir.resolve("heatmap.svg"));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("drug_a").contains("+1.00").contains("-0.25")
            .doesNotContain("<script").doesNotContain("href");
        assertThat(Files.readString(dir.resolve("ranking.csv"))).contains("# seed: 3\n").contains("\n1,drug_a+drug_b,2,");
    }

    private static void check(ScreenReport r, int p, List<List<String>> combos, List<String> combo, double score, double bliss, double hsa) {
        int c = combos.indexOf(combo);
        Score s = r.score(p, c);
        assertThat(s.value()).as(combo + " score").isCloseTo(score, within(Math.max(3 * s.se(), 0.01)));
        if (combo.size() > 1) {
            Synergy y = r.synergy(p, c);
            assertThat(y.blissExcess()).as(combo + " Bliss").isCloseTo(bliss, within(Math.max(3 * y.blissSe(), 0.01)));
            assertThat(y.hsaExcess()).as(combo + " HSA").isCloseTo(hsa, within(Math.max(3 * y.hsaSe(), 0.01)));
        }
    }

    @Test
    void blissByHand() {
        Synergy s = Synergy.of(new Score(0.8, 0.01), List.of(new Score(0.5, 0.02), new Score(0.4, 0.03)));
        assertThat(s.expected()).isCloseTo(0.7, within(1e-12));
        assertThat(s.blissExcess()).isCloseTo(0.1, within(1e-12));
        assertThat(s.hsaExcess()).isCloseTo(0.3, within(1e-12));
        // se^2 = 0.01^2 + (1 - 0.4)^2 0.02^2 + (1 - 0.5)^2 0.03^2
        assertThat(s.blissSe()).isCloseTo(Math.sqrt(1e-4 + 0.36 * 4e-4 + 0.25 * 9e-4), within(1e-12));
        assertThat(s.hsaSe()).isCloseTo(Math.sqrt(1e-4 + 4e-4), within(1e-12));
    }
}
