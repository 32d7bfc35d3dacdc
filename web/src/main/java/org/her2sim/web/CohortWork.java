// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.CohortRun;
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
                Map<String, Object> r = Json.finite(o.summary());
                m.put("response", r);
                Map<?, ?> rate = (Map<?, ?>) r.get("responseRate");
                List<?> ci = (List<?>) rate.get("ci95");
                summary.append(String.format(Locale.ROOT, "response %.0f%% (95%% CI %.0f-%.0f%%)", 100 * num(rate.get("rate")), 100 * num(ci.get(0)),
                    100 * num(ci.get(1))));
            }
            if (!in.regimen().isEmpty()) {
                CohortRun.Outcome o = CohortRun.run(model.ref(), request(file, CohortRun.Mode.REGIMEN, in.regimenTherapies(), in, threads),
                    new LocalExecutor(1), progress);
                Map<String, Object> r = Json.finite(o.summary());
                m.put("tumour", r);
                Map<?, ?> orr = (Map<?, ?>) r.get("objectiveResponse");
                Map<?, ?> ttp = (Map<?, ?>) r.get("timeToProgression");
                summary.append(summary.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "ORR %.0f%%, median TTP %s",
                    100 * num(orr.get("rate")), ttp.get("medianDays") == null ? "not reached" : String.format(Locale.ROOT, "%.0f d",
                        num(ttp.get("medianDays")))));
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

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
