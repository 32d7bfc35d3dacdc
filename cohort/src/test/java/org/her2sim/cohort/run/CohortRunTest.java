// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.exec.SerializingExecutor;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.report.Csv;
import org.her2sim.cohort.run.store.WorkStore;
import org.her2sim.cohort.stats.Proportion;
import org.her2sim.engine.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cohort run --therapy} on the fixture model: memoisation, determinism, subgroups, resume, bad input. */
class CohortRunTest {
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

    CohortRun.Outcome run(Path cohort, Path out, CohortExecutor ex, boolean rescues) throws IOException {
        CohortRun.Request req = new CohortRun.Request(cohort, CohortRun.Mode.THERAPY, List.of("trastuzumab"), 7, 120, 0, rescues, out, 1,
            "her2sim cohort run (test)");
        return CohortRun.run(Fixtures.model(), req, ex, QUIET);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    @Test
    void identicalProfilesAreSimulatedOnce() throws IOException {
        Path cohort = Fixtures.cohort(dir, "c.csv", 400);
        CohortRun.Outcome o = run(cohort, dir.resolve("out"), new LocalExecutor(2), false);
        assertThat(o.patients()).isEqualTo(400);
        assertThat(o.distinct()).isEqualTo(8);
        assertThat(o.computed()).isEqualTo(8);
        assertThat(o.reused()).isZero();
        // each of the 8 profiles untreated and treated; every subset of a profile's mechanisms (for its Shapley shares) is another of the 8
        assertThat(o.simulations()).isEqualTo(16);
        assertThat(read(dir.resolve("out/patients.csv")).lines().filter(l -> l.startsWith("P0")).count()).isEqualTo(400);
    }

    @Test
    void sameFilesForAnyThreadCountAndExecutor() throws IOException {
        Path cohort = Fixtures.cohort(dir, "c.csv", 64);
        run(cohort, dir.resolve("one"), new LocalExecutor(1), true);
        run(cohort, dir.resolve("two"), new LocalExecutor(2), true);
        run(cohort, dir.resolve("ser"), new SerializingExecutor(), true);
        for (String f : List.of("patients.csv", "profiles.csv", "subgroups.csv", "summary.json")) {
            String one = read(dir.resolve("one").resolve(f));
            assertThat(read(dir.resolve("two").resolve(f))).as(f).isEqualTo(one);
            assertThat(read(dir.resolve("ser").resolve(f))).as(f).isEqualTo(one);
        }
    }

    @Test
    void ratesAndSubgroups() throws IOException {
        // only the profile without any mechanism responds to trastuzumab in the fixture: 1 of 8 profiles
        CohortRun.Outcome o = run(Fixtures.cohort(dir, "c.csv", 80), dir.resolve("out"), new LocalExecutor(2), true);
        Map<String, Object> s = JsonTree.of(o.summary());
        Map<?, ?> rate = (Map<?, ?>) s.get("responseRate");
        assertThat(rate.get("responders")).isEqualTo(10L);
        assertThat(rate.get("patients")).isEqualTo(80L);
        Proportion p = Proportion.of(10, 80);
        assertThat(rate.get("ci95")).isEqualTo(List.of(Csv.round(p.lo()), Csv.round(p.hi())));
        List<?> subs = (List<?>) s.get("subgroups");
        assertThat(subs).hasSize(3);
        Map<?, ?> pik3ca = (Map<?, ?>) subs.get(0);
        assertThat(pik3ca.get("feature")).isEqualTo("pik3ca_mutation");
        assertThat(pik3ca.get("mapsTo")).isEqualTo("PIK3CA activating (pik3ca_activation)");
        Map<?, ?> present = (Map<?, ?>) ((Map<?, ?>) pik3ca.get("present")).get("responseRate");
        Map<?, ?> absent = (Map<?, ?>) ((Map<?, ?>) pik3ca.get("absent")).get("responseRate");
        assertThat(present.get("responders")).isEqualTo(0L);
        assertThat(present.get("patients")).isEqualTo(40L);
        assertThat(absent.get("responders")).isEqualTo(10L);
        assertThat(absent.get("patients")).isEqualTo(40L);
        String csv = read(dir.resolve("out/subgroups.csv"));
        assertThat(csv).contains("\nmuc4_high,MUC4 overexpressed (muc4_masking),present,40,0,").contains("\nmuc4_high,MUC4 overexpressed (muc4_masking),absent,40,10,");
        // a PIK3CA-only tumour resists because of PIK3CA and is rescued by the PI3K inhibitor; MUC4 tumours by MUC4
        Map<?, ?> nr = (Map<?, ?>) s.get("nonResponse");
        assertThat(nr.get("patients")).isEqualTo(70L);
        assertThat(nr.get("topMechanisms").toString()).contains("mechanism=muc4_masking").contains("mechanism=pik3ca_activation");
        assertThat(((List<?>) nr.get("bestRescues")).get(0).toString()).contains("therapy=pi3k_inhibitor");
        assertThat(read(dir.resolve("out/patients.csv"))).contains("\nP000002,pik3ca_activation,resistant,").contains("# seed: 7\n")
            .contains("# model_sha256: ").contains("# version: her2sim ").contains("# command: her2sim cohort run (test)\n");
    }

    @Test
    void aRestartedRunReadsFinishedProfilesBackAndRecomputesOnlyTheMissingOnes() throws IOException {
        Path cohort = Fixtures.cohort(dir, "c.csv", 48);
        Path out = dir.resolve("out");
        CohortRun.Outcome first = run(cohort, out, new LocalExecutor(2), false);
        assertThat(first.computed()).isEqualTo(8);
        Map<String, String> before = snapshot(out);
        List<Path> work;
        try (Stream<Path> s = Files.list(out.resolve(WorkStore.FOLDER))) {
            work = s.filter(p -> !p.getFileName().toString().equals(WorkStore.RUN)).sorted().toList();
        }
        assertThat(work).hasSize(8);
        Files.delete(work.get(1));
        Files.delete(work.get(5));
        Files.delete(work.get(6));
        CohortRun.Outcome second = run(cohort, out, new LocalExecutor(1), false);
        assertThat(second.computed()).isEqualTo(3);
        assertThat(second.reused()).isEqualTo(5);
        // 3 profiles, each untreated and treated; the profiles without one mechanism are recomputed too where not cached
        assertThat(second.simulations()).isLessThan(first.simulations());
        assertThat(snapshot(out)).isEqualTo(before);
        CohortRun.Outcome third = run(cohort, out, new LocalExecutor(2), false);
        assertThat(third.computed()).isZero();
        assertThat(third.simulations()).isZero();
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aDirectoryHoldingAnotherRunIsRefused() throws IOException {
        Path cohort = Fixtures.cohort(dir, "c.csv", 16);
        Path out = dir.resolve("out");
        run(cohort, out, new LocalExecutor(2), false);
        Map<String, String> before = snapshot(out);
        CohortRun.Request other = new CohortRun.Request(cohort, CohortRun.Mode.THERAPY, List.of("trastuzumab"), 8, 120, 0, false, out, 1, "x");
        assertThatThrownBy(() -> CohortRun.run(Fixtures.model(), other, new LocalExecutor(1), QUIET)).isInstanceOf(ModelException.class)
            .hasMessageContaining("holds a run with other inputs").hasMessageContaining("seed: 7 there, 8 here");
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aMalformedCohortLineIsAnErrorNamingFileLineAndFieldAndNothingIsWritten() throws IOException {
        Path cohort = Fixtures.cohort(dir, "bad.csv", 8);
        List<String> lines = new ArrayList<>(Files.readAllLines(cohort));
        lines.set(7, lines.get(7).replaceFirst(",0,", ",2,"));
        Files.write(cohort, lines);
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> run(cohort, out, new LocalExecutor(1), false)).isInstanceOf(ModelException.class)
            .hasMessageContaining("bad.csv:8:").hasMessageContaining("field 'pten_loss'");
        assertThat(out).doesNotExist();
    }

    static Map<String, String> snapshot(Path out) throws IOException {
        Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(out.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }
}
