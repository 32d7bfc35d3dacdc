// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.run.work.ProfileResponse;
import org.her2sim.cohort.stats.Proportion;
import org.her2sim.her2.predict.ResponseScore;

/**
 * The tables of {@code cohort run --therapy}: per patient, per distinct profile, response rates
 * with Wilson intervals overall and by subgroup (each feature present and absent), the mechanisms
 * behind non-response (each non-responder's top mechanism, counted) and the best rescues of
 * non-responders. Responders are sensitive patients; "any response" adds the partial ones.
 */
public final class ResponseReport {
    private final CohortPatients patients;
    private final List<ProfileResponse> results;
    private final Map<String, String> meta;
    private final boolean rescues;

    /**
     * @param results by distinct key, in the order of {@link CohortPatients#keys()}
     * @param meta run metadata
     * @param rescues whether rescues were searched for
     */
    public ResponseReport(CohortPatients patients, List<ProfileResponse> results, Map<String, String> meta, boolean rescues) {
        this.patients = patients;
        this.results = List.copyOf(results);
        this.meta = meta;
        this.rescues = rescues;
    }

    private ProfileResponse of(int patient) {
        return results.get(patients.keyIndex(patient));
    }

    private static boolean responder(ProfileResponse r) {
        return r.responseClass().equals(ResponseScore.SENSITIVE);
    }

    private static boolean any(ProfileResponse r) {
        return !r.responseClass().equals(ResponseScore.RESISTANT);
    }

    /** Writes {@code patients.csv} to {@code out}, row by row. */
    public void patientsCsv(Appendable out) {
        Csv c = new Csv(out, "her2sim cohort run: patients", meta);
        c.row("id", "profile", "response_class", "response_score", "top_mechanism", "best_rescue");
        for (int i = 0; i < patients.size(); i++) {
            ProfileResponse r = of(i);
            c.row(patients.id(i), patients.keys().get(patients.keyIndex(i)).text(), r.responseClass(), r.score(), r.topMechanism(), r.rescue());
        }
    }

    /** {@code profiles.csv}: one row per distinct profile. */
    public String profilesCsv() {
        Csv c = new Csv("her2sim cohort run: distinct profiles", meta);
        c.row("profile", "patients", "response_class", "response_score", "se", "top_mechanism", "contributions", "best_rescue", "rescue_score");
        int[] counts = patients.counts();
        for (int k = 0; k < results.size(); k++) {
            ProfileResponse r = results.get(k);
            List<String> cs = new ArrayList<>();
            r.contributions().forEach(x -> cs.add(x.mechanism() + "=" + Csv.num(x.value())));
            c.row(patients.keys().get(k).text(), counts[k], r.responseClass(), r.score(), r.se(), r.topMechanism(), String.join(";", cs),
                r.rescue(), r.rescueScore());
        }
        return c.toString();
    }

    /** {@code subgroups.csv}. */
    public String subgroupsCsv() {
        Csv c = new Csv("her2sim cohort run: response by subgroup (Wilson 95% intervals)", meta);
        c.row("feature", "maps_to", "group", "patients", "responders", "rate", "ci_lo", "ci_hi", "any_response", "any_rate", "any_ci_lo", "any_ci_hi");
        for (int f = 0; f < patients.features().size(); f++) {
            for (boolean present : new boolean[] {true, false}) {
                Proportion[] p = rates(f, present);
                c.row(patients.features().get(f), patients.mapsTo().get(f), present ? "present" : "absent", p[0].n(), p[0].k(), p[0].p(),
                    p[0].lo(), p[0].hi(), p[1].k(), p[1].p(), p[1].lo(), p[1].hi());
            }
        }
        return c.toString();
    }

    /** {responders, any response} among patients with (or without) feature f; f = -1 for everyone. */
    Proportion[] rates(int f, boolean present) {
        long n = 0;
        long k = 0;
        long a = 0;
        for (int i = 0; i < patients.size(); i++) {
            if (f >= 0 && patients.has(i, f) != present) {
                continue;
            }
            ProfileResponse r = of(i);
            n++;
            k += responder(r) ? 1 : 0;
            a += any(r) ? 1 : 0;
        }
        return new Proportion[] {Proportion.of(k, n), Proportion.of(a, n)};
    }

    /** The {@code summary.json} content. */
    public ResponseSummary summary() {
        Proportion[] all = rates(-1, true);
        Map<String, Long> classes = new LinkedHashMap<>();
        for (String cl : List.of(ResponseScore.SENSITIVE, ResponseScore.PARTIAL, ResponseScore.RESISTANT)) {
            long n = 0;
            for (int i = 0; i < patients.size(); i++) {
                n += of(i).responseClass().equals(cl) ? 1 : 0;
            }
            classes.put(cl, n);
        }
        List<Subgroup<ResponseSummary.Group>> subs = new ArrayList<>();
        for (int f = 0; f < patients.features().size(); f++) {
            subs.add(new Subgroup<>(patients.features().get(f), patients.mapsTo().get(f), group(f, true), group(f, false)));
        }
        return new ResponseSummary(meta, patients.size(), patients.keys().size(), Rate.of(all[0], "sensitive"),
            Rate.of(all[1], "sensitive or partial"), classes, subs, nonResponse(),
            patients.warnings().isEmpty() ? Optional.empty() : Optional.of(patients.warnings()));
    }

    private ResponseSummary.Group group(int f, boolean present) {
        Proportion[] p = rates(f, present);
        return new ResponseSummary.Group(p[0].n(), Rate.of(p[0], null), Rate.of(p[1], null));
    }

    private ResponseSummary.NonResponse nonResponse() {
        Map<String, Long> mech = new LinkedHashMap<>();
        Map<String, Long> resc = new LinkedHashMap<>();
        long n = 0;
        for (int i = 0; i < patients.size(); i++) {
            ProfileResponse r = of(i);
            if (responder(r)) {
                continue;
            }
            n++;
            mech.merge(r.topMechanism().isEmpty() ? "none" : r.topMechanism(), 1L, Long::sum);
            if (rescues) {
                resc.merge(r.rescue().isEmpty() ? "none" : r.rescue(), 1L, Long::sum);
            }
        }
        return new ResponseSummary.NonResponse(n, "not sensitive; each counted under the active mechanism with the largest contribution"
            + " (none: no mechanism above " + org.her2sim.her2.predict.Predictor.NEUTRAL + ")", Counted.of(mech, n, Counted.Mechanism::new),
            rescues ? Optional.of(Counted.of(resc, n, Counted.Therapy::new)) : Optional.empty());
    }

    /** A short text summary for the terminal. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        Proportion[] all = rates(-1, true);
        sb.append(String.format(Locale.ROOT, "%d patients, %d distinct profiles%n", patients.size(), patients.keys().size()));
        sb.append(String.format(Locale.ROOT, "response (sensitive):           %s%n", pct(all[0])));
        sb.append(String.format(Locale.ROOT, "any response (sensitive|partial): %s%n", pct(all[1])));
        sb.append(String.format(Locale.ROOT, "%nby subgroup (response rate, present vs absent):%n"));
        for (int f = 0; f < patients.features().size(); f++) {
            int width = Math.max(22, patients.features().stream().mapToInt(String::length).max().orElse(0));
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s %-34s %-34s%n", patients.features().get(f), pct(rates(f, true)[0]), pct(rates(f, false)[0])));
        }
        ResponseSummary.NonResponse nr = nonResponse();
        sb.append(String.format(Locale.ROOT, "%nnon-responders: %s; top mechanism:%n", nr.patients()));
        Counted.top(sb, nr.topMechanisms());
        if (nr.bestRescues().isPresent()) {
            sb.append("best rescue of non-responders:\n");
            Counted.top(sb, nr.bestRescues().get());
        }
        return sb.toString();
    }

    /** {@code 41.2% (95% CI 39.8-42.6%, 412/1000)}. */
    static String pct(Proportion p) {
        return p.n() == 0 ? "no patients" : String.format(Locale.ROOT, "%.1f%% (%.1f-%.1f%%, %d/%d)", 100 * p.p(), 100 * p.lo(), 100 * p.hi(), p.k(), p.n());
    }
}
