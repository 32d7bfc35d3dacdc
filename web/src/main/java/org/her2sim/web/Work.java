// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.PhenotypeResult;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.tumour.CloneRates;
import org.her2sim.her2.tumour.Exposure;
import org.her2sim.her2.tumour.RegimenExposure;
import org.her2sim.her2.tumour.TreatResult;
import org.her2sim.her2.tumour.TumourSimulation;

/** The jobs themselves: the same services as {@code her2sim predict} and {@code her2sim treat}. */
final class Work {
    private Work() {
    }

    /** A prediction: the CLI's JSON plus samples, warnings and the phenotype time courses. */
    static Job.Outcome predict(ModelService model, Inputs.Predict in, int threads, Progress progress) {
        Catalog c = model.catalog();
        Prediction p = new Predictor(c).predict(in.profile().profile(), in.therapies(), in.seed(),
            new Predictor.Options(in.samples(), threads, in.rescues(), in.lenient(), in.includePreclinical()), progress);
        Map<String, Object> m = p.toMap();
        m.put("samples", p.samples());
        m.put("warnings", p.warnings());
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("times", p.treated().times());
        course.put("treatmentStart", c.response().treatmentStart());
        course.put("untreated", phenotypes(p.untreated(), model));
        course.put("treated", phenotypes(p.treated(), model));
        m.put("course", course);
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
        Catalog c = model.catalog();
        Profile.Resolved profile = in.profile().profile().resolve(c, in.lenient());
        double days = in.months() * 365.25 / 12;
        Patient patient = new Patient(in.weight(), in.ecd(), (int) in.metSites(), null, null, false, Population.MBC);
        Exposure dosed = RegimenExposure.of(model.pk(), in.dosed(), patient, days, in.mods(), model.tumour());
        List<String> continuous = in.regimen().stream().filter(t -> in.dosed().stream().noneMatch(d -> d.therapy().equals(t))).toList();
        Exposure exposure = (therapy, day) -> continuous.contains(therapy) ? (day >= 0 ? 1 : 0) : dosed.effect(therapy, day);
        CloneRates rates = new CloneRates(c, model.tumour(), profile.contextFixes(), in.regimen(), in.seed(), threads);
        TreatResult r = TumourSimulation.run(c, model.tumour(), rates, profile.profile().name(), profile.mechanisms(), profile.contextFixes(),
            in.regimen(), exposure, days, in.seed(), 1, progress::at);
        Map<String, Object> m = TreatReport.toMap(r);
        m.put("months", in.months());
        m.put("dosing", in.words());
        m.put("pk", PkSeries.of(model.pk(), in.dosed(), in.regimen(), patient, days, in.mods(), exposure));
        m.put("warnings", profile.warnings());
        String summary = r.bestResponse() + (r.progressed()
            ? String.format(Locale.ROOT, "; progression at day %.0f", r.progressionDay())
            : "; no progression in " + in.months() + " months");
        return new Job.Outcome(m, summary);
    }
}
