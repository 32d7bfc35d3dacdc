// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.stats.KaplanMeier;
import org.her2sim.cohort.stats.Proportion;

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
    private final Map<String, String> meta;
    private final String troughTherapy;
    /** Upper bounds of exposure quartiles 1 to 3 (empty without an exposure metric). */
    private final double[] cuts;

    /**
     * @param results by distinct key, in the order of {@link CohortPatients#keys()}, patients in cohort order
     * @param days the length of the run (the censoring time)
     */
    public TumourReport(CohortPatients patients, List<TumourOutcome> results, double days, Map<String, String> meta) {
        this(patients, results, days, meta, null);
    }

    /**
     * @param troughTherapy the therapy whose cycle-1 trough each patient carries ({@link TumourWork#troughTherapy}), or null
     */
    public TumourReport(CohortPatients patients, List<TumourOutcome> results, double days, Map<String, String> meta, String troughTherapy) {
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
        this.cuts = troughTherapy == null ? new double[0] : quartileCuts(outcome);
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
        for (int q = 1; q <= 4 && cuts.length > 0; q++) {
            Proportion p = orrByQuartile(q);
            KaplanMeier km = kmByQuartile(q);
            c.row("cycle1_trough_quartile", String.format(Locale.ROOT, "%s cycle-1 trough %.3g-%.3g ug/mL", troughTherapy, lower(q), upper(q)),
                "Q" + q, p.n(), p.k(), p.p(), p.lo(), p.hi(), km.events(), km.median(), km.medianLower(), km.medianUpper());
        }
        return c.toString();
    }

    /** Cut points of the exposure quartiles: the 25th, 50th and 75th percentiles (R's type 7) of the finite troughs. */
    static double[] quartileCuts(TumourOutcome.Patient[] outcome) {
        double[] x = java.util.Arrays.stream(outcome).mapToDouble(TumourOutcome.Patient::cycleOneTrough).filter(Double::isFinite).sorted()
            .toArray();
        if (x.length < 4) {
            return new double[0];
        }
        double[] cuts = new double[3];
        for (int q = 1; q <= 3; q++) {
            double h = (x.length - 1) * q / 4.0;
            int lo = (int) Math.floor(h);
            cuts[q - 1] = x[lo] + (h - lo) * (x[Math.min(lo + 1, x.length - 1)] - x[lo]);
        }
        return cuts;
    }

    /** The quartile (1 to 4) of a trough; 0 when it is not finite. Q1 takes troughs up to the 25th percentile, and so on. */
    int quartile(double trough) {
        if (!Double.isFinite(trough)) {
            return 0;
        }
        int q = 1;
        while (q < 4 && trough > cuts[q - 1]) {
            q++;
        }
        return q;
    }

    private double lower(int q) {
        return q == 1 ? min() : cuts[q - 2];
    }

    private double upper(int q) {
        return q == 4 ? max() : cuts[q - 1];
    }

    private double min() {
        return java.util.Arrays.stream(outcome).mapToDouble(TumourOutcome.Patient::cycleOneTrough).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    private double max() {
        return java.util.Arrays.stream(outcome).mapToDouble(TumourOutcome.Patient::cycleOneTrough).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    private Proportion orrByQuartile(int q) {
        return orrWhere(i -> quartile(outcome[i].cycleOneTrough()) == q);
    }

    private KaplanMeier kmByQuartile(int q) {
        return kmWhere(i -> quartile(outcome[i].cycleOneTrough()) == q);
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
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", new LinkedHashMap<>(meta));
        m.put("patients", patients.size());
        m.put("distinctProfiles", patients.keys().size());
        m.put("objectiveResponse", orrMap(orr(-1, true)));
        Map<String, Object> best = new LinkedHashMap<>();
        for (String cat : List.of("CR", "PR", "SD", "PD")) {
            long n = 0;
            for (TumourOutcome.Patient p : outcome) {
                n += p.best().equals(cat) ? 1 : 0;
            }
            best.put(cat, n);
        }
        m.put("bestResponse", best);
        KaplanMeier all = km(-1, true);
        m.put("timeToProgression", kmMap(all));
        m.put("km", steps(all));
        List<Object> subs = new ArrayList<>();
        for (int f = 0; f < patients.features().size(); f++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("feature", patients.features().get(f));
            s.put("mapsTo", patients.mapsTo().get(f));
            for (boolean present : new boolean[] {true, false}) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("objectiveResponse", orrMap(orr(f, present)));
                KaplanMeier curve = km(f, present);
                g.put("timeToProgression", kmMap(curve));
                g.put("km", steps(curve));
                s.put(present ? "present" : "absent", g);
            }
            subs.add(s);
        }
        m.put("subgroups", subs);
        if (cuts.length > 0) {
            Map<String, Object> er = new LinkedHashMap<>();
            er.put("therapy", troughTherapy);
            er.put("metric", "concentration before the second dose (cycle-1 trough), ug/mL");
            List<Object> qs = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("quartile", q);
                g.put("range", java.util.Arrays.asList(Csv.round(lower(q)), Csv.round(upper(q))));
                g.put("objectiveResponse", orrMap(orrByQuartile(q)));
                g.put("timeToProgression", kmMap(kmByQuartile(q)));
                qs.add(g);
            }
            er.put("quartiles", qs);
            m.put("exposureResponse", er);
        }
        Map<String, Long> clones = new LinkedHashMap<>();
        long progressed = 0;
        for (TumourOutcome.Patient p : outcome) {
            if (p.progressed()) {
                progressed++;
                clones.merge(p.largestClone(), 1L, Long::sum);
            }
        }
        m.put("largestCloneAtProgression", ResponseReport.counted(clones, progressed, "clone"));
        if (!patients.warnings().isEmpty()) {
            m.put("warnings", patients.warnings());
        }
        return m;
    }

    /** A curve's steps for JSON. */
    private static List<Object> steps(KaplanMeier km) {
        List<Object> steps = new ArrayList<>();
        for (KaplanMeier.Step s : km.steps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("day", Csv.round(s.time()));
            x.put("atRisk", s.atRisk());
            x.put("events", s.events());
            x.put("censored", s.censored());
            x.put("survival", Csv.round(s.survival()));
            x.put("se", Csv.round(s.se()));
            steps.add(x);
        }
        return steps;
    }

    /** A short text summary for the terminal. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d patients, %d distinct profiles, followed %.0f days%n", patients.size(), patients.keys().size(), days));
        sb.append(String.format(Locale.ROOT, "objective response (CR+PR): %s%n", ResponseReport.pct(orr(-1, true))));
        sb.append(String.format(Locale.ROOT, "time to progression: %s%n", median(km(-1, true))));
        sb.append(String.format(Locale.ROOT, "%nby subgroup (objective response; median time to progression), present vs absent:%n"));
        for (int f = 0; f < patients.features().size(); f++) {
            sb.append(String.format(Locale.ROOT, "  %-22s %-30s %-30s%n", patients.features().get(f), ResponseReport.pct(orr(f, true)),
                ResponseReport.pct(orr(f, false))));
            sb.append(String.format(Locale.ROOT, "  %-22s %-30s %-30s%n", "", median(km(f, true)), median(km(f, false))));
        }
        Map<String, Object> s = summary();
        if (cuts.length > 0 && lower(1) == upper(4)) {
            sb.append(String.format(Locale.ROOT, "%n%s cycle-1 trough: %.1f ug/mL in every patient (its PK model has no between-patient"
                + " variability), so no exposure quartiles%n", troughTherapy, lower(1)));
        } else if (cuts.length > 0) {
            sb.append(String.format(Locale.ROOT, "%nby quartile of %s cycle-1 trough (ug/mL; objective response; median time to progression):%n",
                troughTherapy));
            for (int q = 1; q <= 4; q++) {
                sb.append(String.format(Locale.ROOT, "  Q%d %-18s %-30s %s%n", q, String.format(Locale.ROOT, "%.1f-%.1f", lower(q), upper(q)),
                    ResponseReport.pct(orrByQuartile(q)), median(kmByQuartile(q))));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nlargest clone at progression:%n"));
        ResponseReport.top(sb, s.get("largestCloneAtProgression"), "clone");
        return sb.toString();
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

    private static Map<String, Object> orrMap(Proportion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("responders", p.k());
        m.put("patients", p.n());
        m.put("rate", Csv.round(p.p()));
        m.put("ci95", List.of(Csv.round(p.lo()), Csv.round(p.hi())));
        return m;
    }

    private Map<String, Object> kmMap(KaplanMeier km) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patients", km.n());
        m.put("progressed", km.events());
        m.put("censoredAtDay", Csv.round(days));
        m.put("medianDays", Csv.round(km.median()));
        m.put("medianCi95", java.util.Arrays.asList(Csv.round(km.medianLower()), Csv.round(km.medianUpper())));
        return m;
    }
}
