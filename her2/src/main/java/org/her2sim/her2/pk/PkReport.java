// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a {@code pk} run: the typical patient's profile, an optional percentile band,
 * receptor occupancy at the troughs and the published figures for the same drug, regimen and
 * population; as text or as maps for JSON.
 *
 * @param band null without virtual patients
 */
public record PkReport(PkRequest request, Profile profile, Band band, Occupancy.Epitopes epitopes) {

    /** Runs the request; {@code samples = 0} for no band. */
    public static PkReport run(PkRequest r, int samples, long seed, Occupancy.Epitopes epitopes) {
        Profile p = PkSimulator.profile(r);
        Band b = samples > 0 ? PkSimulator.band(r, samples, seed) : null;
        return new PkReport(r, p, b, epitopes);
    }

    /** The drug's published figures for this regimen, population and model (where the figure names them). */
    public List<Published> published() {
        List<Published> out = new ArrayList<>();
        for (Published p : request.drug().published()) {
            boolean regimen = p.regimen() == null || p.regimen().equals(request.regimen().id());
            boolean population = p.population() == null || p.population() == request.patient().population();
            boolean model = p.model() == null || p.model().equals(request.model().id());
            if (regimen && population && model) {
                out.add(p);
            }
        }
        return out;
    }

    /** The model's value of a published metric for the typical patient. */
    public double modelValue(String metric) {
        return switch (metric) {
            case "cycle1_trough" -> profile.trough(1);
            case "ss_trough" -> profile.steadyStateTrough();
            case "trough_before_cycle_8" -> profile.trough(7);
            case "half_life_days" -> profile.halfLifeDays();
            default -> Double.NaN;
        };
    }

    /** The band's median of a published metric, or NaN. */
    public double bandMedian(String metric) {
        if (band == null) {
            return Double.NaN;
        }
        return switch (metric) {
            case "cycle1_trough" -> band.troughs().isEmpty() ? Double.NaN : band.troughs().get(0)[1];
            case "ss_trough" -> band.steadyStateTrough()[1];
            case "trough_before_cycle_8" -> band.troughs().size() < 7 ? Double.NaN : band.troughs().get(6)[1];
            case "half_life_days" -> band.halfLifeDays()[1];
            default -> Double.NaN;
        };
    }

    /** Occupancy at a serum concentration, or null when the drug's affinity is not known. */
    public Occupancy.Result occupancy(double ugPerMl) {
        Drug d = request.drug();
        if (d.kdNm() == null || !Double.isFinite(ugPerMl)) {
            return null;
        }
        Double ecd = request.patient().ecd();
        return Occupancy.of(d, ugPerMl, ecd == null ? 0 : ecd, epitopes);
    }

    private static String f(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Days and weights: whole numbers as such, else one decimal. */
    private static String d(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private String patientText() {
        Patient p = request.patient();
        List<String> parts = new ArrayList<>();
        parts.add(d(p.weight()) + " kg");
        parts.add("population " + p.population().id());
        parts.add("ECD " + (p.ecd() == null ? "reference" : f(p.ecd()) + " ng/mL"));
        parts.add(p.metastaticSites() + " metastatic sites");
        if (p.albumin() != null) {
            parts.add("albumin " + f(p.albumin()) + " g/dL");
        }
        if (p.ast() != null) {
            parts.add("AST " + f(p.ast()) + " U/L");
        }
        if (p.liverMetastases()) {
            parts.add("liver metastases");
        }
        return String.join(", ", parts);
    }

    private String changesText() {
        List<String> parts = new ArrayList<>();
        request.mods().delays().forEach((c, d) -> parts.add("cycle " + c + " delayed " + d + " days"));
        request.mods().skips().forEach(c -> parts.add("cycle " + c + " skipped"));
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /** The report as text: header, per-cycle table, steady state, half-life, occupancy and published figures. */
    public String text() {
        PkRequest r = request;
        StringBuilder sb = new StringBuilder();
        sb.append("drug:       ").append(r.drug().id()).append(" (").append(r.drug().name()).append(")\n");
        sb.append("regimen:    ").append(r.regimen().id()).append(": ").append(r.regimen().describe()).append('\n');
        sb.append("model:      ").append(r.model().id()).append(": ").append(r.model().source()).append('\n');
        sb.append("patient:    ").append(patientText()).append('\n');
        sb.append("changes:    ").append(changesText()).append('\n');
        sb.append("days:       ").append(d(r.days())).append('\n');
        if (profile.onOff()) {
            sb.append("\nsimple exposure model: on/off by dosing day (no PK parameters in the anchors).\n");
            sb.append("exposure on ").append(profile.daysOn()).append(" of ").append((long) Math.ceil(r.days())).append(" days; ")
                .append(profile.cycles().stream().filter(Profile.CycleResult::skipped).count()).append(" cycles skipped\n");
            return sb.toString();
        }
        sb.append('\n');
        boolean bands = band != null;
        String head = String.format(Locale.ROOT, "%-6s %-9s %-12s %-8s %-8s %s", "cycle", "day", "dose", "Cmax", "trough",
            bands ? "trough p5 / p50 / p95" : "");
        sb.append(head.stripTrailing()).append('\n');
        for (int i = 0; i < profile.cycles().size(); i++) {
            Profile.CycleResult c = profile.cycles().get(i);
            String row = String.format(Locale.ROOT, "%-6d %-9s %-12s %-8s %-8s", c.number(), d(c.start()), c.dose(), f(c.cmax()), f(c.trough()));
            if (bands) {
                double[] t = band.troughs().get(i);
                row += String.format(Locale.ROOT, " %s / %s / %s", f(t[0]), f(t[1]), f(t[2]));
            }
            sb.append(row.stripTrailing()).append('\n');
        }
        sb.append("(ug/mL; trough = level just before the next cycle's dose)\n\n");
        sb.append("steady-state trough: ").append(f(profile.steadyStateTrough())).append(" ug/mL");
        if (bands) {
            double[] s = band.steadyStateTrough();
            sb.append(" (virtual patients: ").append(f(s[1])).append(", 5th-95th ").append(f(s[0])).append("-").append(f(s[2])).append(')');
        }
        sb.append("; Cmax ").append(f(profile.steadyStateCmax())).append(", average ").append(f(profile.steadyStateAverage()))
            .append("; 90% of it from day ").append(d(profile.daysTo90())).append('\n');
        sb.append("half-life: ").append(f(profile.halfLifeDays())).append(" days")
            .append(r.model().typical().linear() ? " (terminal)\n"
                : " (terminal, Michaelis-Menten elimination linearised at the steady-state average)\n");
        Double target = r.drug().targetTrough();
        if (target != null) {
            List<String> below = new ArrayList<>();
            for (Profile.CycleResult c : profile.cycles()) {
                if (c.trough() < target) {
                    below.add(String.valueOf(c.number()));
                }
            }
            sb.append("target trough ").append(d(target)).append(" ug/mL: ")
                .append(below.isEmpty() ? "every trough above it" : "below it after cycle " + String.join(", ", below)).append('\n');
        }
        Occupancy.Result occ = occupancy(profile.steadyStateTrough());
        if (occ != null) {
            String ecd = r.patient().ecd() == null ? "no shed ECD given"
                : String.format(Locale.ROOT, "shed ECD binds %.2f%% of the antibody", 100 * occ.ecdBoundFraction());
            sb.append(String.format(Locale.ROOT, "HER2 occupancy at the steady-state trough: %.1f%% (free antibody %s nM, KD %s nM; %s; "
                + "accessible epitopes %.0f%%)%n", 100 * occ.occupancy(), f(occ.freeNm()), f(r.drug().kdNm()), ecd, 100 * epitopes.available()));
        }
        List<Published> pub = published();
        if (!pub.isEmpty()) {
            sb.append("\npublished (").append(r.patient().population().id()).append(") vs this model:\n");
            for (Published p : pub) {
                String range = Double.isNaN(p.low()) ? "" : " (" + f(p.low()) + "-" + f(p.high()) + ")";
                sb.append(String.format(Locale.ROOT, "  %-22s %s%s; model %s", p.label(), f(p.median()), range, f(modelValue(p.metric()))));
                if (bands) {
                    sb.append(", virtual median ").append(f(bandMedian(p.metric())));
                }
                sb.append("  [").append(p.source()).append("]\n");
            }
        }
        return sb.toString();
    }

    /** The report as nested maps and lists, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        PkRequest r = request;
        m.put("drug", r.drug().id());
        m.put("regimen", r.regimen().id());
        m.put("regimen_text", r.regimen().describe());
        m.put("model", r.model().id());
        m.put("source", r.model().source());
        Map<String, Object> pt = new LinkedHashMap<>();
        Patient p = r.patient();
        pt.put("weight", p.weight());
        pt.put("ecd", p.ecd());
        pt.put("metastatic_sites", p.metastaticSites());
        pt.put("albumin", p.albumin());
        pt.put("ast", p.ast());
        pt.put("liver_metastases", p.liverMetastases());
        pt.put("population", p.population().id());
        m.put("patient", pt);
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> delays = new LinkedHashMap<>();
        r.mods().delays().forEach((c, d) -> delays.put(String.valueOf(c), d));
        changes.put("delays", delays);
        changes.put("skips", new ArrayList<Object>(r.mods().skips()));
        m.put("changes", changes);
        m.put("days", r.days());
        m.put("profile", profile.toMap());
        if (band != null) {
            m.put("band", band.toMap());
        }
        Occupancy.Result occ = occupancy(profile.steadyStateTrough());
        if (occ != null) {
            m.put("occupancy_at_steady_state_trough", occ.toMap());
        }
        List<Object> pub = new ArrayList<>();
        for (Published x : published()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("metric", x.metric());
            e.put("published_median", x.median());
            e.put("published_range", Double.isNaN(x.low()) ? null : List.of(x.low(), x.high()));
            e.put("model", Profile.nan(modelValue(x.metric())));
            if (band != null) {
                e.put("virtual_median", Profile.nan(bandMedian(x.metric())));
            }
            e.put("source", x.source());
            pub.add(e);
        }
        m.put("published", pub);
        return m;
    }
}
