// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.PhenotypeResult;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.report.ProfileSummary;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.service.PredictService;
import org.her2sim.her2.service.TreatRequest;
import org.her2sim.her2.service.TreatService;
import org.her2sim.her2.tumour.TreatResult;

/** The jobs themselves: the same services as {@code her2sim predict} and {@code her2sim treat}. */
final class Work {
    private Work() {
    }

    /** A prediction: the CLI's JSON plus samples, warnings and the phenotype time courses. */
    static Job.Outcome predict(ModelService model, Inputs.Predict in, int threads, Progress progress) {
        Catalog c = model.catalog();
        Prediction p = new PredictService(c).run(in.request(), threads, progress);
        Map<String, Object> m = p.toMap();
        m.put("samples", p.samples());
        m.put("warnings", p.warnings());
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("times", p.treated().times());
        course.put("treatmentStart", c.response().treatmentStart());
        course.put("untreated", phenotypes(p.untreated(), model));
        course.put("treated", phenotypes(p.treated(), model));
        m.put("course", course);
        m.put("profileEntries", ProfileSummary.toList(ProfileSummary.rows(in.request().profile(), c)));
        String summary = String.format(Locale.ROOT, "%s (score %.3f)", p.responseClass(), p.responseScore());
        return new Job.Outcome(m, summary);
    }

    private static Map<String, double[]> phenotypes(PhenotypeResult r, ModelService model) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String n : model.catalog().response().phenotypes()) {
            m.put(n, r.course().get(n));
        }
        return m;
    }

    /** A tumour under a regimen: the CLI's JSON plus the months asked for. */
    static Job.Outcome treat(ModelService model, Inputs.Treat in, int threads, Progress progress) {
        TreatRequest q = in.request();
        TreatResult r = new TreatService(model.her2()).run(q, threads, progress::at).result();
        Map<String, Object> m = TreatReport.toMap(r);
        m.put("months", q.months());
        m.put("dosing", q.regimen().words());
        m.put("doses", q.doseDays());
        m.put("profileEntries", ProfileSummary.toList(ProfileSummary.rows(q.profile().profile(), model.catalog())));
        m.put("pk", PkSeries.of(model.pk(), q.dosed(), q.regimen().therapies(), q.patient(), q.days(), q.mods(), q.exposure()));
        m.put("warnings", q.profile().warnings());
        String summary = r.bestResponse() + (r.progressed()
            ? String.format(Locale.ROOT, "; progression at day %.0f", r.progressionDay())
            : "; no progression in " + q.months() + " months");
        return new Job.Outcome(m, summary);
    }
}
