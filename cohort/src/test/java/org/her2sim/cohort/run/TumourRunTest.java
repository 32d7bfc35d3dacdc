// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.exec.LocalExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cohort run --regimen} on the bundled model and tumour.yaml: a small cohort, one year. */
class TumourRunTest {
    @TempDir
    Path dir;

    Path cohort(int n) throws IOException {
        StringBuilder sb = new StringBuilder("# her2sim virtual cohort\n# seed: 5\n# setting: naive\n");
        sb.append("id,pik3ca_mutation,pten_loss,weight_kg,serum_ecd_ng_ml,metastatic_sites\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format("P%06d,%d,%d,66.0,20.00,1%n", i + 1, i % 3 == 1 ? 1 : 0, i % 5 == 2 ? 1 : 0));
        }
        Path p = dir.resolve("t.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    CohortRun.Outcome run(Path cohort, Path out, CohortExecutor ex) throws IOException {
        CohortRun.Request req = new CohortRun.Request(cohort, CohortRun.Mode.REGIMEN, List.of("trastuzumab"), 3, 0, 12, false, out, 2, "test");
        return CohortRun.run(ModelRef.bundled(), req, ex, CohortRunTest.QUIET);
    }

    @Test
    void tumoursPerPatientSameForAnyThreadCountAndResumable() throws IOException {
        Path cohort = cohort(24);
        CohortRun.Outcome one = run(cohort, dir.resolve("one"), new LocalExecutor(1));
        assertThat(one.patients()).isEqualTo(24);
        assertThat(one.distinct()).isEqualTo(4);
        run(cohort, dir.resolve("two"), new LocalExecutor(2));
        Map<String, String> a = CohortRunTest.snapshot(dir.resolve("one"));
        assertThat(CohortRunTest.snapshot(dir.resolve("two"))).isEqualTo(a);
        assertThat(a.keySet()).contains("patients.csv", "subgroups.csv", "km.csv", "summary.json");

        String patients = a.get("patients.csv");
        assertThat(patients).contains("id,profile,best_response,progressed,ttp_days,clone_at_progression\n");
        assertThat(patients.lines().filter(l -> l.startsWith("P0")).count()).isEqualTo(24);
        // patients with one profile differ only by their own tumour seeds
        assertThat(TumourWork.patientSeed(3, "P000001")).isNotEqualTo(TumourWork.patientSeed(3, "P000002"))
            .isEqualTo(TumourWork.patientSeed(3, "P000001"));
        Map<?, ?> ttp = (Map<?, ?>) one.summary().get("timeToProgression");
        assertThat(ttp.get("patients")).isEqualTo(24);
        assertThat(a.get("km.csv")).contains("group,day,at_risk,events,censored,survival,se,ci_lo,ci_hi\nall,");
        assertThat(a.get("subgroups.csv")).contains("\npik3ca_mutation,PIK3CA activating (pik3ca_activation),present,8,");

        List<Path> work;
        try (Stream<Path> s = Files.list(dir.resolve("one").resolve(WorkStore.FOLDER))) {
            work = s.filter(p -> !p.getFileName().toString().equals(WorkStore.RUN)).sorted().toList();
        }
        assertThat(work).hasSize(4);
        Files.delete(work.get(2));
        CohortRun.Outcome again = run(cohort, dir.resolve("one"), new LocalExecutor(2));
        assertThat(again.computed()).isEqualTo(1);
        assertThat(again.reused()).isEqualTo(3);
        assertThat(CohortRunTest.snapshot(dir.resolve("one"))).isEqualTo(a);
    }
}
