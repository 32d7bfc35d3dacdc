// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.report.Rate;
import org.her2sim.cohort.run.report.Subgroup;
import org.her2sim.cohort.run.report.TumourSummary;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.ValidationRow.CellArm;
import org.her2sim.cohort.validate.ValidationRow.CohortArm;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.pk.RegimenWords;
import org.her2sim.her2.predict.Estimate;
import org.her2sim.her2.predict.PhenotypeResult;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.predict.ResponseScore;
import org.her2sim.her2.predict.Scenario;
import org.her2sim.her2.predict.Simulation;
import org.her2sim.her2.profile.Profile;

/**
 * Runs the arms of validation rows through the code paths users use: a profile under therapies as
 * {@code predict} scores it (untreated and treated, same seed), a virtual cohort under a regimen as
 * {@code cohort run --regimen} runs it. Results are cached per distinct arm, so arms shared between
 * rows run once; cohorts of a setting are sampled once.
 */
final class ArmRunner implements AutoCloseable {
    /** An arm's value on its endpoint's scale, and its standard error (sampling only). */
    record Value(double value, double se) { }

    private final ModelRef model;
    private final Catalog catalog;
    private final long seed;
    private final long samples;
    private final int cohortSize;
    private final int threads;
    private final PrevalenceModel prevalence;
    private final Path tmp;
    private final Map<String, PhenotypeResult> cells = new HashMap<>();
    private final Map<String, TumourSummary> cohorts = new HashMap<>();
    private final Map<String, Path> cohortFiles = new HashMap<>();
    private long simulations;

    ArmRunner(ModelRef model, long seed, long samples, int cohortSize, int threads) throws IOException {
        this.model = model;
        this.catalog = model.catalog();
        this.seed = seed;
        this.samples = samples;
        this.cohortSize = cohortSize;
        this.threads = threads;
        this.prevalence = model.prevalence();
        this.tmp = Files.createTempDirectory("her2sim-validate");
    }

    /** Cell-model simulations run so far. */
    long simulations() {
        return simulations;
    }

    /** The response score of a profile under its therapies, or the treated probability of its readout. */
    Value cell(CellArm arm) {
        Profile.Resolved p = arm.profile().resolve(catalog, false);
        List<String> therapies = new ArrayList<>();
        for (String t : arm.therapies()) {
            String id = catalog.requireTherapy(t, SourceLocation.of("therapy")).id();
            if (!therapies.contains(id)) {
                therapies.add(id);
            }
        }
        Scenario untreated = Scenario.of(p, List.of());
        PhenotypeResult treated = phenotypes(untreated.under(therapies));
        if (arm.readout() != null) {
            Estimate e = treated.get(arm.readout());
            return new Value(e.p(), e.se());
        }
        PhenotypeResult before = phenotypes(untreated);
        Response r = catalog.response();
        double score = ResponseScore.score(before.probabilities(), treated.probabilities(), r);
        double nu = ResponseScore.netGrowth(before.probabilities(), r);
        double se = Math.hypot(Predictor.netSe(before, r), Predictor.netSe(treated, r)) / (nu + 1);
        return new Value(score, se);
    }

    private PhenotypeResult phenotypes(Scenario s) {
        String key = s.mechanisms() + "|" + s.contextFixes() + "|" + s.therapies();
        PhenotypeResult r = cells.get(key);
        if (r == null) {
            r = Simulation.run(catalog, s, seed, samples, threads);
            simulations++;
            cells.put(key, r);
        }
        return r;
    }

    /**
     * A cohort arm's objective response rate ({@code orr}) or median time to progression in months
     * ({@code ttp}), for every patient or the arm's subgroup.
     */
    Value cohort(CohortArm arm, String measure, SourceLocation at) throws IOException {
        TumourSummary summary = cohortSummary(arm, at);
        Rate orr = summary.objectiveResponse();
        TumourSummary.TimeToProgression ttp = summary.timeToProgression();
        if (arm.feature() != null) {
            Subgroup<TumourSummary.Group> s = summary.subgroups().stream().filter(g -> arm.feature().equals(g.feature())).reduce((a, b) -> b)
                .orElseThrow(() -> new ModelException(at, "no cohort feature '" + arm.feature() + "' (features: "
                    + String.join(", ", prevalence.features().stream().map(f -> f.id()).toList()) + ")"));
            TumourSummary.Group group = arm.present() ? s.present() : s.absent();
            orr = group.objectiveResponse();
            ttp = group.timeToProgression();
        }
        if (measure.equals("orr")) {
            double p = orr.rate();
            double n = orr.patients();
            return new Value(p, Math.sqrt(Math.max(p * (1 - p), 1.0 / Math.max(1, n)) / Math.max(1, n)));
        }
        double days = ttp.medianDays();
        if (!Double.isFinite(days)) {
            days = arm.months() * 365.25 / 12; // not reached: the follow-up is a lower bound
        }
        double lo = ttp.medianCi95().get(0);
        double hi = ttp.medianCi95().get(1);
        double se = Double.isFinite(lo) && Double.isFinite(hi) ? (hi - lo) / 3.92 : days / 4;
        double month = 365.25 / 12;
        return new Value(days / month, se / month);
    }

    private TumourSummary cohortSummary(CohortArm arm, SourceLocation at) throws IOException {
        RegimenWords words = RegimenWords.resolve(catalog, model.pk(), arm.regimen(), at.toString());
        String key = arm.setting() + "|" + words.words() + "|" + arm.months();
        TumourSummary s = cohorts.get(key);
        if (s == null) {
            Path file = cohortFile(arm.setting());
            CohortRun.Request req = new CohortRun.Request(file, CohortRun.Mode.REGIMEN, words.therapies(), words.dosing(), seed, 0, arm.months(),
                false, null, threads, "validate");
            CohortRun.Outcome o = CohortRun.run(model, req, new LocalExecutor(threads), CohortRun.Listener.NONE);
            s = (TumourSummary) o.summary();
            cohorts.put(key, s);
        }
        return s;
    }

    private Path cohortFile(String setting) throws IOException {
        Path f = cohortFiles.get(setting);
        if (f == null) {
            f = tmp.resolve(setting + ".csv");
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                new CohortSampler(prevalence).write(cohortSize, seed, Setting.of(setting), threads, w, p -> { });
            }
            cohortFiles.put(setting, f);
        }
        return f;
    }

    @Override
    public void close() throws IOException {
        for (Path f : cohortFiles.values()) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(tmp);
    }
}
