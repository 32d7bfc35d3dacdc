// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.screen.Heatmap;
import org.her2sim.engine.output.RunReportWriter;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.report.HtmlReport;
import org.her2sim.her2.report.ProfileSummary;
import org.her2sim.her2.report.Provenance;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.tumour.Recist;
import org.her2sim.her2.tumour.TreatResult;

/**
 * A stored run as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * resources): its inputs, then per kind the tables and charts of the result. A tumour run's
 * burden chart is {@link TreatReport#svg}'s, a screen's heatmap {@link Heatmap#svg}'s.
 */
final class Report {
    private static final String MODEL_TIME = "model time (signalling steps, not days)";
    private static final String STYLE = """
        body { font-family: sans-serif; margin: 2em; max-width: 64em; color: #222222; }
        table { border-collapse: collapse; margin: 0.5em 0 1em 0; }
        th, td { border: 1px solid #cccccc; padding: 0.2em 0.6em; text-align: left; font-size: 0.9em; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .sensitive { color: #2e7d32; } .partial { color: #ef6c00; } .resistant { color: #c62828; }
        .muted { color: #666666; font-size: 0.9em; }
        .research-use { border: 1px solid #c62828; padding: 0.4em; }
        """;

    private Report() {
    }

    /**
     * The page of a run that has a result.
     *
     * @param scanIntervalDays the RECIST scan interval of the model (times to progression are multiples of it)
     */
    static String of(Map<String, Object> run, double scanIntervalDays) {
        Map<String, Object> r = map(run.get("result"));
        String kind = String.valueOf(run.get("kind"));
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>her2sim ").append(esc(kind)).append(" run ")
            .append(esc(String.valueOf(run.get("id")))).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>her2sim ").append(esc(kind)).append(" run</h1>\n");
        sb.append("<p class=\"muted\">Run ").append(esc(String.valueOf(run.get("id")))).append(", created ").append(esc(String.valueOf(run.get("created"))))
            .append(", finished ").append(esc(String.valueOf(run.get("finished")))).append(".</p>\n");
        Object seed = run.get("seed");
        sb.append(new Provenance(RunReportWriter.VERSION, String.valueOf(run.get("modelHash")), seed instanceof Number n ? n.longValue() : 0,
            String.valueOf(run.get("created"))).html());
        sb.append("<p><b>").append(esc(String.valueOf(run.get("summary")))).append("</b></p>\n");
        sb.append("<h2>Inputs</h2>\n<table>\n");
        for (Map.Entry<String, Object> e : map(run.get("inputs")).entrySet()) {
            String v = e.getValue() instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(e.getValue());
            if (v.length() > 400) {
                v = v.substring(0, 400) + " ... (" + v.length() + " characters)";
            }
            sb.append("<tr><th>").append(esc(e.getKey())).append("</th><td><pre style=\"margin:0;white-space:pre-wrap\">").append(esc(v))
                .append("</pre></td></tr>\n");
        }
        sb.append("</table>\n");
        switch (kind) {
            case "predict" -> predict(sb, r);
            case "treat" -> treat(sb, r);
            case "cohort" -> cohort(sb, r, scanIntervalDays);
            case "screen" -> screen(sb, r);
            default -> sb.append("<pre>").append(esc(Json.write(r))).append("</pre>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void predict(StringBuilder sb, Map<String, Object> r) {
        String cls = String.valueOf(r.get("responseClass"));
        sb.append("<h2>Response: <span class=\"").append(esc(cls)).append("\">").append(esc(cls)).append("</span> (score ")
            .append(num(r.get("responseScore"))).append(")</h2>\n");
        profileEntries(sb, r);
        List<SvgChart.Bar> bars = new ArrayList<>();
        table(sb, List.of("phenotype", "untreated", "se", "treated", "se"));
        for (Map<String, Object> p : maps(r.get("phenotypes"))) {
            if (!"phenotype".equals(p.get("kind"))) {
                continue;
            }
            row(sb, p.get("name"), num(p.get("untreated")), num(p.get("untreatedSE")), num(p.get("treated")), num(p.get("treatedSE")));
            bars.add(new SvgChart.Bar(p.get("name") + " untreated", d(p.get("untreated")), null, null, "#9fb3c8"));
            bars.add(new SvgChart.Bar(p.get("name") + " treated", d(p.get("treated")), null, null, "#3b6fb6"));
        }
        sb.append("</table>\n").append(SvgChart.bars("Phenotype probabilities, untreated and treated", bars, "probability (0-1)"));
        Map<String, Object> course = map(r.get("course"));
        if (course != null) {
            List<SvgChart.Line> lines = new ArrayList<>();
            map(course.get("treated")).forEach((k, v) -> lines.add(new SvgChart.Line(k, doubles(v))));
            sb.append(SvgChart.lines("Treated phenotypes over time", doubles(course.get("times")), lines, MODEL_TIME, "probability (0-1)", false,
                false));
            sb.append("<p class=\"muted\">").append(esc(HtmlReport.MODEL_TIME)).append("</p>\n");
        }
        sb.append("<h2>Active mechanisms</h2>\n");
        table(sb, List.of("mechanism", "name", "contribution", "se", "effect"));
        for (Map<String, Object> m : maps(r.get("activeMechanisms"))) {
            row(sb, m.get("id"), m.get("name"), num(m.get("contribution")), num(m.get("contributionSE")), m.get("effect"));
        }
        sb.append("</table>\n");
        Map<String, Object> a = map(r.get("attribution"));
        if (a != null && !maps(r.get("activeMechanisms")).isEmpty()) {
            Prediction.Attribution at = new Prediction.Attribution(String.valueOf(a.get("method")), count(a.get("mechanisms")),
                count(a.get("permutations")), count(a.get("coalitions")), d(a.get("totalEffect")), d(a.get("scoreWithNone")),
                d(a.get("scoreWithAll")));
            sb.append("<p>").append(esc(at.sentence())).append("</p>\n");
        }
        rescues(sb, maps(r.get("rescues")));
    }

    /** Rescues whose gain exceeds its standard error; the rest (and runs stored before gainSE) behind a toggle. */
    private static void rescues(StringBuilder sb, List<Map<String, Object>> all) {
        sb.append("<h2>Rescues</h2>\n<p class=\"muted\">").append(esc(HtmlReport.RESCUES_NOTE)).append("</p>\n");
        List<Map<String, Object>> shown = all.stream().filter(x -> x.get("gainSE") != null && d(x.get("gain")) > d(x.get("gainSE"))).toList();
        List<Map<String, Object>> rest = all.stream().filter(x -> !shown.contains(x)).toList();
        if (shown.isEmpty()) {
            sb.append("<p>No add-on raised the score by more than its standard error.</p>\n");
        } else {
            rescueTable(sb, shown);
        }
        if (!rest.isEmpty()) {
            sb.append("<details class=\"more-rescues\">\n<summary>").append(esc(HtmlReport.moreRescues(rest.size()))).append("</summary>\n");
            rescueTable(sb, rest);
            sb.append("</details>\n");
        }
    }

    private static void rescueTable(StringBuilder sb, List<Map<String, Object>> rows) {
        table(sb, List.of("add-on", "name", "evidence", "score", "gain", "se", "counters"));
        for (Map<String, Object> x : rows) {
            row(sb, x.get("id"), x.get("name"), x.get("evidence"), num(x.get("responseScore")), num(x.get("gain")), num(x.get("gainSE")),
                String.join(", ", strings(x.get("counters"))));
        }
        sb.append("</table>\n");
    }

    /** The profile's entries and the mechanisms they switch on, when the run stored them. */
    private static void profileEntries(StringBuilder sb, Map<String, Object> r) {
        List<Map<String, Object>> rows = maps(r.get("profileEntries"));
        if (!rows.isEmpty()) {
            sb.append("<h2>Profile</h2>\n").append(ProfileSummary.html(rows.stream().map(x -> new ProfileSummary.Row(String.valueOf(x.get("entry")),
                String.valueOf(x.get("switchesOn")), String.valueOf(x.get("meaning")))).toList()));
        }
    }

    private static void treat(StringBuilder sb, Map<String, Object> r) {
        TreatResult result = treatResult(r);
        sb.append("<h2>Best response ").append(esc(String.valueOf(r.get("bestResponse")))).append(r.get("timeToProgressionDays") != null
            ? "; progression at day " + num0(r.get("timeToProgressionDays")) : "; no progression").append("</h2>\n<p>")
            .append(esc(TreatReport.scanNote(result))).append("</p>\n");
        profileEntries(sb, r);
        Map<String, List<Double>> doses = new LinkedHashMap<>();
        Map<String, Object> stored = map(r.get("doses"));
        if (stored != null) {
            stored.forEach((k, v) -> doses.put(k, doubles(v)));
        }
        sb.append(TreatReport.svg(result, doses));
        Map<String, Object> pk = map(r.get("pk"));
        if (pk != null) {
            for (Map<String, Object> c : maps(pk.get("concentrations"))) {
                if ("on/off".equals(c.get("unit"))) {
                    continue;
                }
                sb.append(SvgChart.lines(c.get("regimen") + ": " + c.get("description"), doubles(c.get("days")),
                    List.of(new SvgChart.Line(String.valueOf(c.get("drug")), doubles(c.get("values")))), "days from the first dose", String.valueOf(c.get("unit")), false,
                    false));
            }
            Map<String, Object> effect = map(pk.get("effect"));
            List<SvgChart.Line> lines = new ArrayList<>();
            map(effect.get("therapies")).forEach((k, v) -> lines.add(new SvgChart.Line(k, doubles(v))));
            sb.append(SvgChart.lines("Effect of each therapy on the tumour (0 to 1)", doubles(effect.get("days")), lines, "days from the first dose",
                "effect (0-1)", false, false));
        }
        sb.append("<h2>Scans (RECIST)</h2>\n");
        table(sb, List.of("day", "cells", "diameter", "category"));
        for (Map<String, Object> s : maps(r.get("scans"))) {
            row(sb, num0(s.get("day")), String.format(Locale.ROOT, "%.3g", d(s.get("cells"))), num(s.get("diameter")), s.get("category"));
        }
        sb.append("</table>\n");
    }

    /** The stored JSON of {@link TreatReport#toMap} back as a result, for its chart. */
    static TreatResult treatResult(Map<String, Object> r) {
        Map<String, double[]> clones = new LinkedHashMap<>();
        map(r.get("clones")).forEach((k, v) -> clones.put(k, array(v)));
        List<TreatResult.Scan> scans = new ArrayList<>();
        for (Map<String, Object> s : maps(r.get("scans"))) {
            scans.add(new TreatResult.Scan(d(s.get("day")), d(s.get("cells")), d(s.get("diameter")),
                Recist.Category.valueOf(String.valueOf(s.get("category")))));
        }
        Map<String, Double> at = new LinkedHashMap<>();
        map(r.get("clonesAtProgression")).forEach((k, v) -> at.put(k, d(v)));
        Object ttp = r.get("timeToProgressionDays");
        return new TreatResult(String.valueOf(r.get("profile")), strings(r.get("regimen")), ((Number) r.get("seed")).longValue(), array(r.get("days")),
            array(r.get("cells")), clones, scans, Recist.Category.valueOf(String.valueOf(r.get("bestResponse"))), ttp == null ? -1 : d(ttp), at,
            d(r.get("basalDeathPerDay")));
    }

    private static void cohort(StringBuilder sb, Map<String, Object> r, double scanIntervalDays) {
        Map<String, Object> c = map(r.get("cohort"));
        sb.append("<p>").append(c.get("patients")).append(" patients (").append(esc(String.valueOf(c.get("source")))).append(", ")
            .append(esc(String.valueOf(c.get("setting")))).append("), ").append(c.get("distinctProfiles")).append(" distinct profiles.</p>\n");
        Map<String, Object> resp = map(r.get("response"));
        if (resp != null) {
            sb.append("<h2>Response to ").append(esc(String.join(" + ", strings(r.get("therapies"))))).append("</h2>\n<p>Response (sensitive): ")
                .append(rate(map(resp.get("responseRate")))).append("; any response (sensitive or partial): ").append(rate(map(resp.get("anyResponseRate"))))
                .append(".</p>\n");
            table(sb, List.of("feature", "maps to", "group", "patients", "response rate (95% CI)", "any response (95% CI)"));
            List<SvgChart.Bar> bars = new ArrayList<>();
            for (Map<String, Object> s : maps(resp.get("subgroups"))) {
                for (String g : List.of("present", "absent")) {
                    Map<String, Object> x = map(s.get(g));
                    Map<String, Object> rr = map(x.get("responseRate"));
                    row(sb, s.get("feature"), s.get("mapsTo"), g, x.get("patients"), rate(rr), rate(map(x.get("anyResponseRate"))));
                    List<Double> ci = doubles(rr.get("ci95"));
                    bars.add(new SvgChart.Bar(s.get("feature") + " " + g, d(rr.get("rate")), ci.get(0), ci.get(1),
                        g.equals("present") ? "#3b6fb6" : "#9fb3c8"));
                }
            }
            sb.append("</table>\n").append(SvgChart.bars("Response rate by subgroup (Wilson 95% intervals)", bars, "response rate (patients, %)"));
            Map<String, Object> nr = map(resp.get("nonResponse"));
            sb.append("<h3>Mechanisms behind non-response (").append(nr.get("patients")).append(" patients)</h3>\n<p class=\"muted\">")
                .append(esc(String.valueOf(nr.get("definition")))).append("</p>\n");
            table(sb, List.of("mechanism", "patients", "share"));
            for (Map<String, Object> m : maps(nr.get("topMechanisms"))) {
                row(sb, m.get("mechanism"), m.get("patients"), pct(m.get("share")));
            }
            sb.append("</table>\n");
        }
        Map<String, Object> tum = map(r.get("tumour"));
        if (tum != null) {
            Map<String, Object> ttp = map(tum.get("timeToProgression"));
            sb.append("<h2>Tumour dynamics under ").append(esc(String.join(" + ", strings(r.get("regimen"))))).append("</h2>\n<p>Objective response (CR+PR): ")
                .append(rate(map(tum.get("objectiveResponse")))).append("; time to progression: ").append(median(ttp, scanIntervalDays)).append(".</p>\n");
            List<Double> days = new ArrayList<>(List.of(0.0));
            List<Double> surv = new ArrayList<>(List.of(1.0));
            for (Map<String, Object> s : maps(tum.get("km"))) {
                days.add(d(s.get("day")));
                surv.add(d(s.get("survival")));
            }
            sb.append(SvgChart.lines("Kaplan-Meier: progression-free", days, List.of(new SvgChart.Line("all patients", surv)), kmDays(scanIntervalDays),
                "progression-free (fraction)", true, false));
            table(sb, List.of("feature", "group", "objective response (95% CI)", "progressed", "median TTP (95% CI)"));
            for (Map<String, Object> s : maps(tum.get("subgroups"))) {
                for (String g : List.of("present", "absent")) {
                    Map<String, Object> x = map(s.get(g));
                    Map<String, Object> t = map(x.get("timeToProgression"));
                    row(sb, s.get("feature"), g, rate(map(x.get("objectiveResponse"))), t.get("progressed") + "/" + t.get("patients"),
                        median(t, scanIntervalDays));
                }
            }
            sb.append("</table>\n");
            Map<String, Object> er = map(tum.get("exposureResponse"));
            if (er != null) {
                sb.append("<h3>By quartile of the ").append(esc(String.valueOf(er.get("therapy")))).append(" ").append(esc(String.valueOf(er.get("metric"))))
                    .append("</h3>\n");
                table(sb, List.of("quartile", "range", "objective response (95% CI)", "progressed", "median TTP (95% CI)"));
                for (Map<String, Object> q : maps(er.get("quartiles"))) {
                    Map<String, Object> t = map(q.get("timeToProgression"));
                    List<?> range = (List<?>) q.get("range");
                    row(sb, "Q" + q.get("quartile"), range.get(0) + " - " + range.get(1), rate(map(q.get("objectiveResponse"))),
                        t.get("progressed") + "/" + t.get("patients"), median(t, scanIntervalDays));
                }
                sb.append("</table>\n");
            }
            for (Map<String, Object> s : maps(tum.get("subgroups"))) {
                subgroupCurves(sb, s);
            }
        }
    }

    /** A feature's present and absent Kaplan-Meier curves on one chart (steps carried to the union of their days). */
    private static void subgroupCurves(StringBuilder sb, Map<String, Object> s) {
        List<List<Map<String, Object>>> curves = new ArrayList<>();
        java.util.TreeSet<Double> days = new java.util.TreeSet<>(List.of(0.0));
        for (String g : List.of("present", "absent")) {
            List<Map<String, Object>> steps = maps(map(s.get(g)).get("km"));
            if (steps.isEmpty()) {
                return;
            }
            curves.add(steps);
            steps.forEach(x -> days.add(d(x.get("day"))));
        }
        List<Double> x = new ArrayList<>(days);
        List<SvgChart.Line> lines = new ArrayList<>();
        String[] names = {s.get("feature") + " present", s.get("feature") + " absent"};
        for (int c = 0; c < 2; c++) {
            List<Double> y = new ArrayList<>();
            int k = 0;
            double surv = 1;
            for (double day : x) {
                while (k < curves.get(c).size() && d(curves.get(c).get(k).get("day")) <= day) {
                    surv = d(curves.get(c).get(k).get("survival"));
                    k++;
                }
                y.add(surv);
            }
            lines.add(new SvgChart.Line(names[c], y));
        }
        sb.append(SvgChart.lines("Kaplan-Meier by " + s.get("feature"), x, lines, "days from the first dose", "progression-free (fraction)", true,
            false));
    }

    private static void screen(StringBuilder sb, Map<String, Object> r) {
        Map<String, Object> h = map(r.get("heatmap"));
        List<String> names = strings(h.get("therapies"));
        int n = names.size();
        double[][] v = new double[n][n];
        List<Object> rows = list(h.get("bliss"));
        for (int i = 0; i < n; i++) {
            List<Double> row = doubles(rows.get(i));
            for (int j = 0; j < n; j++) {
                v[i][j] = row.get(j) == null ? Double.NaN : row.get(j);
            }
        }
        double[] diag = new double[n];
        List<Double> single = doubles(h.get("single"));
        for (int i = 0; i < n; i++) {
            diag[i] = single.get(i) == null ? Double.NaN : single.get(i);
        }
        sb.append("<h2>Synergy</h2>\n").append(Heatmap.svg(names, v, diag, "Mean Bliss excess of each pair (diagonal: mean single-agent score)",
            "Bliss excess"));
        sb.append("<h2>Ranking</h2>\n");
        table(sb, List.of("rank", "combination", "mean score", "Bliss excess", "HSA excess", "synergistic share"));
        for (Map<String, Object> x : maps(r.get("ranking"))) {
            boolean multi = x.get("meanBlissExcess") != null;
            row(sb, x.get("rank"), String.join(" + ", strings(x.get("combination"))), num(x.get("meanScore")) + " ± " + num(x.get("scoreSe")),
                multi ? signed(x.get("meanBlissExcess")) + " ± " + num(x.get("blissSe")) : "-",
                multi ? signed(x.get("meanHsaExcess")) + " ± " + num(x.get("hsaSe")) : "-", multi ? pct(x.get("synergisticShare")) : "-");
        }
        sb.append("</table>\n");
    }

    private static void table(StringBuilder sb, List<String> head) {
        sb.append("<table>\n<tr>");
        head.forEach(x -> sb.append("<th>").append(esc(x)).append("</th>"));
        sb.append("</tr>\n");
    }

    private static void row(StringBuilder sb, Object... cells) {
        sb.append("<tr>");
        for (Object c : cells) {
            String s = String.valueOf(c);
            boolean number = s.matches("[-+]?[0-9.]+( ± [0-9.]+)?%?");
            sb.append(number ? "<td class=\"num\">" : "<td>").append(esc(s)).append("</td>");
        }
        sb.append("</tr>\n");
    }

    private static String rate(Map<String, Object> m) {
        if (m == null || m.get("rate") == null) {
            return "no patients";
        }
        List<Double> ci = doubles(m.get("ci95"));
        return String.format(Locale.ROOT, "%.1f%% (%.1f-%.1f%%, %s/%s)", 100 * d(m.get("rate")), 100 * ci.get(0), 100 * ci.get(1), m.get("responders"),
            m.get("patients"));
    }

    /** {@code median 378 d (scans every 42 d; 95% CI 378-378)}: times to progression are seen only at scans. */
    static String median(Map<String, Object> t, double scanIntervalDays) {
        String scans = String.format(Locale.ROOT, "scans every %.0f d", scanIntervalDays);
        String censored = t.get("censoredAtDay") == null ? "" : "; censored at day " + num0(t.get("censoredAtDay"));
        if (t.get("medianDays") == null) {
            return "median not reached (" + t.get("progressed") + "/" + t.get("patients") + " progressed; " + scans + censored + ")";
        }
        List<Double> ci = doubles(t.get("medianCi95"));
        return "median " + num0(t.get("medianDays")) + " d (" + scans + "; 95% CI " + (ci.get(0) == null ? "NR" : num0(ci.get(0))) + "-"
            + (ci.get(1) == null ? "NR" : num0(ci.get(1))) + ")";
    }

    private static String kmDays(double scanIntervalDays) {
        return String.format(Locale.ROOT, "days from the first dose (progression seen at scans, every %.0f d)", scanIntervalDays);
    }

    private static String num(Object o) {
        return o == null ? "" : String.format(Locale.ROOT, "%.3f", d(o));
    }

    private static String signed(Object o) {
        return o == null ? "" : String.format(Locale.ROOT, "%+.3f", d(o));
    }

    private static String num0(Object o) {
        return o == null ? "" : String.format(Locale.ROOT, "%.0f", d(o));
    }

    private static String pct(Object o) {
        return o == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * d(o));
    }

    private static int count(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static List<Double> doubles(Object o) {
        List<Double> out = new ArrayList<>();
        for (Object x : list(o)) {
            out.add(d(x));
        }
        return out;
    }

    private static double[] array(Object o) {
        List<Double> l = doubles(o);
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i) == null ? Double.NaN : l.get(i);
        }
        return a;
    }

    /** Escapes text for HTML. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
