// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.report.Rate;
import org.her2sim.cohort.run.report.TumourSummary;
import org.her2sim.engine.error.ModelException;

/**
 * A cohort run as {@code her2sim cohort run} does it ({@link CohortRun}), on a cohort file the
 * server writes to a temporary folder and deletes afterwards; nothing else is written (no output
 * folder). With therapies, each patient's response; with a regimen, each patient's tumour and the
 * Kaplan-Meier curves; with both, both, one after the other.
 */
final class CohortWork {
    /** The command line recorded in the run's metadata. */
    static final String COMMAND = "her2sim serve: POST /api/cohort";

    private CohortWork() {
    }

    static Job.Outcome run(ModelService model, CohortInputs.CohortRequest in, int threads, Progress progress) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cohort", in.cohort().toMap());
        m.put("therapies", in.therapies());
        m.put("regimen", in.regimen());
        m.put("seed", in.seed());
        m.put("samples", in.samples());
        m.put("months", in.months());
        m.put("warnings", in.cohort().patients().warnings());
        StringBuilder summary = new StringBuilder();
        try (TempCohort file = TempCohort.of(in.cohort().text())) {
            if (!in.therapies().isEmpty()) {
                CohortRun.Outcome o = CohortRun.run(model.ref(), request(file, CohortRun.Mode.THERAPY, in.therapies(), in, threads),
                    new LocalExecutor(1), progress);
                m.put("response", Json.finite(JsonTree.of(o.summary())));
                Rate rate = o.summary().headline();
                summary.append(String.format(Locale.ROOT, "response %.0f%% (95%% CI %.0f-%.0f%%)", 100 * rate.rate(), 100 * rate.ci95().get(0),
                    100 * rate.ci95().get(1)));
            }
            if (!in.regimen().isEmpty()) {
                CohortRun.Outcome o = CohortRun.run(model.ref(), request(file, CohortRun.Mode.REGIMEN, in.regimenTherapies(), in, threads),
                    new LocalExecutor(1), progress);
                m.put("tumour", Json.finite(JsonTree.of(o.summary())));
                TumourSummary t = (TumourSummary) o.summary();
                double median = t.timeToProgression().medianDays();
                summary.append(summary.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "ORR %.0f%%, median TTP %s",
                    100 * t.objectiveResponse().rate(), Double.isFinite(median) ? String.format(Locale.ROOT, "%.0f d", median) : "not reached"));
            }
        } catch (ModelException e) {
            // the cohort was checked when the request came in; keep the temporary path out of any message all the same
            throw new IllegalStateException(TempCohort.hide(e.getMessage()), e);
        }
        summary.append(", ").append(in.cohort().cohort().patients().size()).append(" patients");
        return new Job.Outcome(m, summary.toString());
    }

    /** The request {@code her2sim cohort run} would make, without an output folder. */
    static CohortRun.Request request(TempCohort file, CohortRun.Mode mode, List<String> regimen, CohortInputs.CohortRequest in, int threads) {
        return new CohortRun.Request(file.file(), mode, regimen, mode == CohortRun.Mode.REGIMEN ? in.dosing() : List.of(), in.seed(),
            mode == CohortRun.Mode.THERAPY ? in.samples() : 0,
            in.months(), mode == CohortRun.Mode.THERAPY && in.rescues(), null, threads, COMMAND);
    }
}
