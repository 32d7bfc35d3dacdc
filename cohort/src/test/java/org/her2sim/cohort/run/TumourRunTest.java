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
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.PatientPk;
import org.her2sim.cohort.run.store.WorkStore;
import org.her2sim.cohort.run.work.TumourWork;
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
        Map<?, ?> ttp = (Map<?, ?>) JsonTree.of(one.summary()).get("timeToProgression");
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

    /** A cohort with PK scores: patient i's clearance score is +2 or -2, everything else the same. */
    Path pkCohort(int n, String weight) throws IOException {
        StringBuilder sb = new StringBuilder("# her2sim virtual cohort\n# seed: 5\n# setting: naive\n");
        sb.append("id,pik3ca_mutation,weight_kg,serum_ecd_ng_ml,metastatic_sites,pk_z_cl,pk_z_vc,pk_z_q,pk_z_vp,pk_z_vmax,pk_z_km,pk_z_ka,pk_z_f\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format("P%06d,%d,%s,20.00,1,%s,0,0,0,0,0,0,0%n", i + 1, i % 2, weight, i % 4 < 2 ? "2.000" : "-2.000"));
        }
        Path p = dir.resolve("pk.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    CohortRun.Outcome dosed(Path cohort, Path out, CohortExecutor ex) throws IOException {
        CohortRun.Request req = new CohortRun.Request(cohort, CohortRun.Mode.REGIMEN, List.of("trastuzumab", "taxane"),
            List.of("trastuzumab_q3w", "docetaxel_q3w"), 3, 0, 12, false, out, 1, "test");
        return CohortRun.run(ModelRef.bundled(), req, ex, CohortRunTest.QUIET);
    }

    @Test
    void dosedRegimensActThroughEachPatientsPk() throws IOException {
        Path cohort = pkCohort(8, "66.0");
        CohortRun.Outcome one = dosed(cohort, dir.resolve("d1"), new LocalExecutor(1));
        dosed(cohort, dir.resolve("d2"), new LocalExecutor(2));
        Map<String, String> a = CohortRunTest.snapshot(dir.resolve("d1"));
        assertThat(CohortRunTest.snapshot(dir.resolve("d2"))).isEqualTo(a);
        Map<?, ?> run = (Map<?, ?>) JsonTree.of(one.summary()).get("run");
        assertThat(run.get("dosing")).isEqualTo("trastuzumab_q3w+docetaxel_q3w");
        assertThat(run.get("pk_variability")).isEqualTo("from the cohort's PK scores");
        assertThat(run.get("mode").toString()).contains("per-patient PK");
        // exposure-response: every patient has a trastuzumab cycle-1 trough and falls in one quartile
        Map<?, ?> er = (Map<?, ?>) JsonTree.of(one.summary()).get("exposureResponse");
        assertThat(er.get("therapy")).isEqualTo("trastuzumab");
        List<?> qs = (List<?>) er.get("quartiles");
        assertThat(qs).hasSize(4);
        int total = 0;
        for (Object q : qs) {
            total += ((Number) ((Map<?, ?>) ((Map<?, ?>) q).get("objectiveResponse")).get("patients")).intValue();
        }
        assertThat(total).isEqualTo(8);
        // the fast clearers (z_cl = +2: patients 1, 2, 5, 6) have the lowest troughs (all tied, so all in quartile 1)
        List<String> rows = a.get("patients.csv").lines().filter(l -> l.startsWith("P0")).toList();
        assertThat(a.get("patients.csv")).contains(",clone_at_progression,trastuzumab_cycle1_trough_ug_ml\n");
        double maxFast = 0;
        double minSlow = Double.MAX_VALUE;
        for (String row : rows) {
            String[] f = row.split(",");
            double trough = Double.parseDouble(f[f.length - 1]);
            int i = Integer.parseInt(f[0].substring(1)) - 1;
            if (i % 4 < 2) {
                maxFast = Math.max(maxFast, trough);
            } else {
                minSlow = Math.min(minSlow, trough);
            }
        }
        assertThat(maxFast).isLessThan(minSlow).isGreaterThan(5);
        assertThat(a.get("subgroups.csv")).contains("\ncycle1_trough_quartile,trastuzumab cycle-1 trough ").contains(",Q1,4,").contains(",Q3,4,").contains(",Q4,0,");

        // the exposure each patient's tumour sees: a fast clearer (z_cl = +2) has less trastuzumab than a slow one
        ModelRef model = ModelRef.bundled();
        CohortPatients ps = CohortRun.patients(cohort, model.catalog());
        org.her2sim.her2.tumour.TumourParams params = org.her2sim.her2.tumour.TumourParams.load(model.catalog());
        List<String> dosing = List.of("trastuzumab_q3w", "docetaxel_q3w");
        var fast = TumourWork.exposure(model.pk(), dosing, ps.pk(0), 365, params);
        var slow = TumourWork.exposure(model.pk(), dosing, ps.pk(2), 365, params);
        var typical = TumourWork.exposure(model.pk(), dosing, new PatientPk(66, 20, 1, List.of()), 365, params);
        assertThat(ps.pk(0).z().get(0)).isEqualTo(2.0);
        assertThat(ps.pk(2).z().get(0)).isEqualTo(-2.0);
        double sf = 0;
        double ss = 0;
        double st = 0;
        for (int day = 0; day < 365; day++) {
            sf += fast.effect("trastuzumab", day);
            ss += slow.effect("trastuzumab", day);
            st += typical.effect("trastuzumab", day);
            // docetaxel is on/off: no PK parameters, the same for all
            assertThat(fast.effect("taxane", day)).isEqualTo(slow.effect("taxane", day));
        }
        assertThat(sf).isLessThan(st);
        assertThat(st).isLessThan(ss);
        assertThat(fast.effect("trastuzumab", -1)).isZero();
    }

    @Test
    void patientOutsideThePkModelsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path cohort = pkCohort(4, "12.0");
        Path out = dir.resolve("bad");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dosed(cohort, out, new LocalExecutor(1)))
            .isInstanceOf(org.her2sim.engine.error.ModelException.class)
            .hasMessageContaining("pk.csv, patient P000001")
            .hasMessageContaining("field 'weight_kg'")
            .hasMessageContaining("between 20 and 250");
        assertThat(Files.exists(out)).isFalse();
    }

}
