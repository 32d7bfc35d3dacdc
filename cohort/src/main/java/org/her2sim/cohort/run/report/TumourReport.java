// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.run.work.TumourOutcome;
import org.her2sim.cohort.stats.KaplanMeier;
import org.her2sim.cohort.stats.Proportion;
import org.her2sim.cohort.stats.Quartiles;

/**
 * The tables of {@code cohort run --regimen}: per patient, objective response (CR or PR) with a
 * Wilson interval, and the Kaplan-Meier curve of time to progression (censored at the end of the
 * run) with its median, overall and by subgroup (each feature present and absent). When a dosed
 * antibody gives each patient an exposure metric (its concentration before the second dose), the
 * same by quartile of that metric: the exposure-response view of a population PK analysis.
 */
public final class TumourReport {
    private final CohortPatients patients;
    private final TumourOutcome.Patient[] outcome;
    private final double days;
    private final double scanDays;
    private final Map<String, String> meta;
    private final String troughTherapy;
    /** Exposure quartiles of the cycle-1 troughs (empty without an exposure metric). */
    private final Quartiles quartiles;

    /**
     * @param results by distinct key, in the order of {@link CohortPatients#keys()}, patients in cohort order
     * @param days the length of the run (the censoring time)
     */
    public TumourReport(CohortPatients patients, List<TumourOutcome> results, double days, Map<String, String> meta) {
        this(patients, results, days, meta, null);
    }

    /**
     * @param troughTherapy the therapy whose cycle-1 trough each patient carries ({@link org.her2sim.cohort.run.work.TumourWork#troughTherapy}), or null
     */
    public TumourReport(CohortPatients patients, List<TumourOutcome> results, double days, Map<String, String> meta, String troughTherapy) {
        this(patients, results, days, meta, troughTherapy, Double.NaN);
    }

    /**
     * As above, stating the scan interval in the text.
     *
     * @param scanDays days between the simulated scans that find progression (NaN: not stated)
     */
    public TumourReport(CohortPatients patients, List<TumourOutcome> results, double days, Map<String, String> meta, String troughTherapy,
                        double scanDays) {
        this.scanDays = scanDays;
        this.troughTherapy = troughTherapy;
        this.patients = patients;
        this.days = days;
        this.meta = meta;
        this.outcome = new TumourOutcome.Patient[patients.size()];
        int[] next = new int[results.size()];
        for (int i = 0; i < patients.size(); i++) {
            int k = patients.keyIndex(i);
            TumourOutcome.Patient p = results.get(k).patients().get(next[k]++);
            if (!p.id().equals(patients.id(i))) {
                throw new IllegalStateException("results out of order: " + p.id() + " for " + patients.id(i));
            }
            outcome[i] = p;
        }
        this.quartiles = Quartiles.of(troughTherapy == null ? new double[0]
            : Arrays.stream(outcome).mapToDouble(TumourOutcome.Patient::cycleOneTrough).toArray());
    }

    /** Writes {@code patients.csv} to {@code out}, row by row. */
    public void patientsCsv(Appendable out) {
        Csv c = new Csv(out, "her2sim cohort run: patients", meta);
        if (troughTherapy == null) {
            c.row("id", "profile", "best_response", "progressed", "ttp_days", "clone_at_progression");
        } else {
            c.row("id", "profile", "best_response", "progressed", "ttp_days", "clone_at_progression", troughTherapy + "_cycle1_trough_ug_ml");
        }
        for (int i = 0; i < patients.size(); i++) {
            TumourOutcome.Patient p = outcome[i];
            if (troughTherapy == null) {
                c.row(patients.id(i), patients.keys().get(patients.keyIndex(i)).text(), p.best(), p.progressed() ? 1 : 0,
                    p.progressed() ? p.progressionDay() : days, p.largestClone());
            } else {
                c.row(patients.id(i), patients.keys().get(patients.keyIndex(i)).text(), p.best(), p.progressed() ? 1 : 0,
                    p.progressed() ? p.progressionDay() : days, p.largestClone(), p.cycleOneTrough());
            }
        }
    }

    /** {@code subgroups.csv}. */
    public String subgroupsCsv() {
        Csv c = new Csv("her2sim cohort run: objective response and time to progression by subgroup", meta);
        c.row("feature", "maps_to", "group", "patients", "objective_responses", "orr", "ci_lo", "ci_hi", "progressed", "median_ttp_days",
            "median_ci_lo", "median_ci_hi");
        for (int f = 0; f < patients.features().size(); f++) {
            for (boolean present : new boolean[] {true, false}) {
                Proportion p = orr(f, present);
                KaplanMeier km = km(f, present);
                c.row(patients.features().get(f), patients.mapsTo().get(f), present ? "present" : "absent", p.n(), p.k(), p.p(), p.lo(), p.hi(),
                    km.events(), km.median(), km.medianLower(), km.medianUpper());
            }
        }
        for (int q = 1; q <= 4 && !quartiles.isEmpty(); q++) {
            Proportion p = orrByQuartile(q);
            KaplanMeier km = kmByQuartile(q);
            c.row("cycle1_trough_quartile", String.format(Locale.ROOT, "%s cycle-1 trough %.3g-%.3g ug/mL", troughTherapy, quartiles.lower(q), quartiles.upper(q)),
                "Q" + q, p.n(), p.k(), p.p(), p.lo(), p.hi(), km.events(), km.median(), km.medianLower(), km.medianUpper());
        }
        return c.toString();
    }

    private Proportion orrByQuartile(int q) {
        return orrWhere(i -> quartiles.of(outcome[i].cycleOneTrough()) == q);
    }

    private KaplanMeier kmByQuartile(int q) {
        return kmWhere(i -> quartiles.of(outcome[i].cycleOneTrough()) == q);
    }

    /** {@code km.csv}: the curve of every group ({@code all}, then {@code feature=1} and {@code feature=0}). */
    public String kmCsv() {
        Csv c = new Csv("her2sim cohort run: Kaplan-Meier time to progression (Greenwood standard errors, plain 95% band)", meta);
        c.row("group", "day", "at_risk", "events", "censored", "survival", "se", "ci_lo", "ci_hi");
        curve(c, "all", km(-1, true));
        for (int f = 0; f < patients.features().size(); f++) {
            curve(c, patients.features().get(f) + "=1", km(f, true));
            curve(c, patients.features().get(f) + "=0", km(f, false));
        }
        return c.toString();
    }

    private static void curve(Csv c, String group, KaplanMeier km) {
        for (KaplanMeier.Step s : km.steps()) {
            double lo = Math.max(0, s.survival() - Proportion.Z95 * s.se());
            double hi = Math.min(1, s.survival() + Proportion.Z95 * s.se());
            c.row(group, s.time(), s.atRisk(), s.events(), s.censored(), s.survival(), s.se(), lo, hi);
        }
    }

    /** Objective responses among patients with (or without) feature f; f = -1 for everyone. */
    Proportion orr(int f, boolean present) {
        return orrWhere(i -> f < 0 || patients.has(i, f) == present);
    }

    private Proportion orrWhere(java.util.function.IntPredicate in) {
        long n = 0;
        long k = 0;
        for (int i = 0; i < patients.size(); i++) {
            if (in.test(i)) {
                n++;
                k += outcome[i].objectiveResponse() ? 1 : 0;
            }
        }
        return Proportion.of(k, n);
    }

    /** The time-to-progression curve of patients with (or without) feature f; f = -1 for everyone. */
    KaplanMeier km(int f, boolean present) {
        return kmWhere(i -> f < 0 || patients.has(i, f) == present);
    }

    private KaplanMeier kmWhere(java.util.function.IntPredicate include) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            if (include.test(i)) {
                in.add(i);
            }
        }
        double[] t = new double[in.size()];
        boolean[] e = new boolean[in.size()];
        for (int j = 0; j < in.size(); j++) {
            TumourOutcome.Patient p = outcome[in.get(j)];
            e[j] = p.progressed();
            t[j] = e[j] ? p.progressionDay() : days;
        }
        return KaplanMeier.of(t, e);
    }

    /** The {@code summary.json} content. */
    public TumourSummary summary() {
        Map<String, Long> best = new LinkedHashMap<>();
        for (String cat : List.of("CR", "PR", "SD", "PD")) {
            long n = 0;
            for (TumourOutcome.Patient p : outcome) {
                n += p.best().equals(cat) ? 1 : 0;
            }
            best.put(cat, n);
        }
        KaplanMeier all = km(-1, true);
        List<Subgroup<TumourSummary.Group>> subs = new ArrayList<>();
        for (int f = 0; f < patients.features().size(); f++) {
            subs.add(new Subgroup<>(patients.features().get(f), patients.mapsTo().get(f), group(f, true), group(f, false)));
        }
        Optional<TumourSummary.ExposureResponse> er = Optional.empty();
        if (!quartiles.isEmpty()) {
            List<TumourSummary.Quartile> qs = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                qs.add(new TumourSummary.Quartile(q, List.of(Csv.round(quartiles.lower(q)), Csv.round(quartiles.upper(q))),
                    Rate.of(orrByQuartile(q), null), ttp(kmByQuartile(q))));
            }
            er = Optional.of(new TumourSummary.ExposureResponse(troughTherapy, "concentration before the second dose (cycle-1 trough), ug/mL", qs));
        }
        Map<String, Long> clones = new LinkedHashMap<>();
        long progressed = 0;
        for (TumourOutcome.Patient p : outcome) {
            if (p.progressed()) {
                progressed++;
                clones.merge(p.largestClone(), 1L, Long::sum);
            }
        }
        return new TumourSummary(meta, patients.size(), patients.keys().size(), Rate.of(orr(-1, true), null), best, ttp(all), steps(all), subs, er,
            Counted.of(clones, progressed, Counted.Clone::new), patients.warnings().isEmpty() ? Optional.empty() : Optional.of(patients.warnings()));
    }

    private TumourSummary.Group group(int f, boolean present) {
        KaplanMeier curve = km(f, present);
        return new TumourSummary.Group(Rate.of(orr(f, present), null), ttp(curve), steps(curve));
    }

    /** A curve's steps for JSON. */
    private static List<TumourSummary.KmStep> steps(KaplanMeier km) {
        List<TumourSummary.KmStep> steps = new ArrayList<>();
        for (KaplanMeier.Step s : km.steps()) {
            steps.add(new TumourSummary.KmStep(Csv.round(s.time()), s.atRisk(), s.events(), s.censored(), Csv.round(s.survival()), Csv.round(s.se())));
        }
        return steps;
    }

    /** A short text summary for the terminal. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d patients, %d distinct profiles, followed %.0f days%n", patients.size(), patients.keys().size(), days));
        sb.append(String.format(Locale.ROOT, "objective response (CR+PR): %s%n", ResponseReport.pct(orr(-1, true))));
        sb.append(String.format(Locale.ROOT, "time to progression: %s%n", median(km(-1, true))));
        if (!Double.isNaN(scanDays)) {
            sb.append(String.format(Locale.ROOT, "  (progression is found at scans every %.0f days, so times are multiples of it; patients"
                + " progression-free at day %.0f are censored there)%n", scanDays, days));
        }
        sb.append(String.format(Locale.ROOT, "%nby subgroup (objective response; median time to progression), present vs absent:%n"));
        for (int f = 0; f < patients.features().size(); f++) {
            sb.append(String.format(Locale.ROOT, "  %-" + width() + "s %-30s %-30s%n", patients.features().get(f), ResponseReport.pct(orr(f, true)),
                ResponseReport.pct(orr(f, false))));
            sb.append(String.format(Locale.ROOT, "  %-" + width() + "s %-30s %-30s%n", "", median(km(f, true)), median(km(f, false))));
        }
        if (!quartiles.isEmpty() && quartiles.lower(1) == quartiles.upper(4)) {
            sb.append(String.format(Locale.ROOT, "%n%s cycle-1 trough: %.1f ug/mL in every patient (its PK model has no between-patient"
                + " variability), so no exposure quartiles%n", troughTherapy, quartiles.lower(1)));
        } else if (!quartiles.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nby quartile of %s cycle-1 trough (ug/mL; objective response; median time to progression):%n",
                troughTherapy));
            for (int q = 1; q <= 4; q++) {
                sb.append(String.format(Locale.ROOT, "  Q%d %-18s %-30s %s%n", q, String.format(Locale.ROOT, "%.1f-%.1f", quartiles.lower(q), quartiles.upper(q)),
                    ResponseReport.pct(orrByQuartile(q)), median(kmByQuartile(q))));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nlargest clone at progression:%n"));
        Counted.top(sb, summary().largestCloneAtProgression());
        return sb.toString();
    }

    /** The subgroup column's width: the longest feature id, at least 22. */
    private int width() {
        return Math.max(22, patients.features().stream().mapToInt(String::length).max().orElse(0));
    }

    private static String median(KaplanMeier km) {
        if (Double.isNaN(km.median())) {
            return String.format(Locale.ROOT, "median not reached (%d/%d progressed)", km.events(), km.n());
        }
        return String.format(Locale.ROOT, "median %.0f d (95%% CI %s-%s)", km.median(), day(km.medianLower()), day(km.medianUpper()));
    }

    private static String day(double d) {
        return Double.isNaN(d) ? "NR" : String.format(Locale.ROOT, "%.0f", d);
    }

    private TumourSummary.TimeToProgression ttp(KaplanMeier km) {
        return new TumourSummary.TimeToProgression(km.n(), km.events(), Csv.round(days), Csv.round(km.median()),
            List.of(Csv.round(km.medianLower()), Csv.round(km.medianUpper())));
    }
}
