// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.util.List;
import java.util.Locale;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.profile.Profile;

/**
 * The demo's and predict's HTML report: one self-contained page (inline CSS and SVG, no scripts,
 * no external resources) with provenance, a summary table and, per profile, its entries and
 * mechanisms, phenotype bars untreated and treated, the time course of the main phenotypes under
 * treatment, and the mechanism and rescue tables. The
 * markup is well-formed XML (every element closed), so it can be checked with an XML parser.
 */
public final class HtmlReport {
    /** Phenotypes drawn over time, those the model has. */
    public static final List<String> TIME_COURSE = List.of("Proliferation", "Apoptosis", "ImmuneKill");

    /** What model time is, for every chart and text that shows it. */
    public static final String MODEL_TIME = "Time in these charts is model time, in signalling steps (the unit of the network's "
        + "rates; dimensionless, not days); months of treatment are simulated by her2sim treat, in days.";
    /** How rescues are listed. */
    public static final String RESCUES_NOTE = "Add-ons tried with the regimen, best first: gain is the response score with the add-on minus "
        + "without, with its standard error (se); only gains above their se are listed first. Evidence is the highest level of clinical "
        + "evidence in HER2-positive breast cancer (therapies.yaml): approved, phase 3, phase 1-2 or preclinical; preclinical add-ons are "
        + "tried only when asked (--include-preclinical).";

    private static final String STYLE = """
        body { font-family: sans-serif; margin: 2em; max-width: 60em; color: #222222; }
        table { border-collapse: collapse; margin: 0.5em 0 1em 0; }
        th, td { border: 1px solid #cccccc; padding: 0.2em 0.6em; text-align: left; font-size: 0.9em; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        section { border-top: 2px solid #dddddd; margin-top: 2em; }
        .sensitive { color: #2e7d32; } .partial { color: #ef6c00; } .resistant { color: #c62828; }
        .charts { display: flex; flex-wrap: wrap; gap: 1em; }
        .research-use { border: 1px solid #c62828; padding: 0.4em; }
        summary { cursor: pointer; color: #444444; }
        """;

    private HtmlReport() {
    }

    /** The demo's page: every profile under {@code therapies}, with a summary table. */
    public static String of(Catalog catalog, List<Prediction> predictions, List<Profile> profiles, List<String> therapies, Provenance prov) {
        return page("her2sim demo: every bundled profile under " + String.join(" + ", therapies), catalog, predictions, profiles, prov);
    }

    /**
     * A page of predictions: provenance and research-use statement, how to read it, a summary table
     * (when more than one), then per prediction its profile, charts, mechanisms and rescues.
     *
     * @param profiles the profile of each prediction, in the same order
     */
    public static String page(String title, Catalog catalog, List<Prediction> predictions, List<Profile> profiles, Provenance prov) {
        StringBuilder sb = head(title, prov);
        Response r = catalog.response();
        sb.append("<p>Therapies start at t = ").append(ModelDoc.num(r.treatmentStart()))
            .append("; phenotypes are averaged over t in [").append(ModelDoc.num(r.maxTime() - r.readoutWindow())).append(", ")
            .append(ModelDoc.num(r.maxTime())).append("]. ").append(esc(MODEL_TIME)).append(" Response score: the fall in net growth (P(")
            .append(esc(r.growth())).append(") minus the chance of death) under treatment, as a fraction of the largest fall possible; sensitive from ")
            .append(ModelDoc.num(r.sensitive())).append(", partial from ").append(ModelDoc.num(r.partial())).append(".</p>\n");
        if (predictions.size() > 1) {
            sb.append("<table>\n<tr><th>profile</th><th>score</th><th>class</th><th>top mechanism</th><th>best rescue</th></tr>\n");
            for (Prediction p : predictions) {
                sb.append("<tr><td><a href=\"#").append(anchor(p.profile())).append("\">").append(esc(p.profile())).append("</a></td>")
                    .append(num(p.responseScore())).append("<td class=\"").append(p.responseClass()).append("\">").append(p.responseClass())
                    .append("</td><td>").append(esc(topMechanism(p))).append("</td><td>").append(esc(bestRescue(p))).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        for (int i = 0; i < predictions.size(); i++) {
            profile(sb, catalog, predictions.get(i), profiles.get(i));
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** The page's start: doctype, style, the title as heading, provenance and research-use statement. */
    static StringBuilder head(String title, Provenance prov) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(esc(title)).append("</title>\n<style>\n")
            .append(STYLE).append("</style>\n</head>\n<body>\n");
        return sb.append("<h1>").append(esc(title)).append("</h1>\n").append(prov.html());
    }

    private static void profile(StringBuilder sb, Catalog catalog, Prediction p, Profile profile) {
        Response r = catalog.response();
        sb.append("<section id=\"").append(anchor(p.profile())).append("\">\n<h2>").append(esc(p.profile())).append("</h2>\n");
        if (!profile.description().isEmpty()) {
            sb.append("<p>").append(esc(profile.description())).append("</p>\n");
        }
        sb.append("<h3>Profile</h3>\n").append(ProfileSummary.html(ProfileSummary.rows(profile, catalog)));
        sb.append("<p>Response score <b>").append(String.format(Locale.ROOT, "%.3f", p.responseScore())).append("</b> (95% interval ")
            .append(String.format(Locale.ROOT, "%.3f-%.3f", p.interval().lower(), p.interval().upper())).append(", ")
            .append(esc(p.interval().describe())).append("): <b class=\"")
            .append(p.responseClass()).append("\">").append(p.responseClass()).append("</b> under ").append(esc(String.join(" + ", p.therapies())))
            .append(".</p>\n");
        for (String w : p.warnings()) {
            sb.append("<p>Warning: ").append(esc(w)).append("</p>\n");
        }
        List<String> nodes = TIME_COURSE.stream().filter(n -> p.treated().values().containsKey(n)).toList();
        sb.append("<div class=\"charts\">\n").append(Svg.bars(p))
            .append(Svg.timeCourse(p.treated(), nodes, r.treatmentStart(), r.maxTime())).append("</div>\n");
        sb.append("<h3>Active mechanisms</h3>\n");
        if (p.activeMechanisms().isEmpty()) {
            sb.append("<p>None.</p>\n");
        } else {
            sb.append("<table>\n<tr><th>mechanism</th><th>name</th><th>contribution</th><th>se</th><th>effect</th></tr>\n");
            for (Prediction.MechanismEffect m : p.activeMechanisms()) {
                sb.append("<tr><td>").append(esc(m.id())).append("</td><td>").append(esc(m.name())).append("</td>")
                    .append(num(m.contribution())).append(num(m.se())).append("<td>").append(esc(m.effect())).append("</td></tr>\n");
            }
            sb.append("</table>\n<p>").append(esc(p.attribution().sentence())).append("</p>\n");
        }
        rescues(sb, p);
        sb.append("</section>\n");
    }

    /** Rescues whose gain exceeds its standard error in a table; the rest behind a {@code <details>} toggle. */
    static void rescues(StringBuilder sb, Prediction p) {
        sb.append("<h3>Rescues</h3>\n");
        if (p.rescues().isEmpty()) {
            sb.append("<p>None tried.</p>\n");
            return;
        }
        sb.append("<p>").append(esc(RESCUES_NOTE)).append("</p>\n");
        List<Prediction.Rescue> shown = p.measurableRescues();
        List<Prediction.Rescue> rest = p.rescues().stream().filter(x -> !x.measurable()).toList();
        if (shown.isEmpty()) {
            sb.append("<p>No add-on raised the score by more than its standard error.</p>\n");
        } else {
            rescueTable(sb, shown);
        }
        if (!rest.isEmpty()) {
            sb.append("<details class=\"more-rescues\">\n<summary>").append(esc(moreRescues(rest.size()))).append("</summary>\n");
            rescueTable(sb, rest);
            sb.append("</details>\n");
        }
    }

    /** {@code 13 more add-ons with no measurable gain (gain not above its standard error)}. */
    public static String moreRescues(int n) {
        return n + " more add-on" + (n == 1 ? "" : "s") + " with no measurable gain (gain not above its standard error)";
    }

    private static void rescueTable(StringBuilder sb, List<Prediction.Rescue> rows) {
        sb.append("<table>\n<tr><th>add-on</th><th>name</th><th>evidence</th><th>score</th><th>gain</th><th>se</th><th>counters</th></tr>\n");
        for (Prediction.Rescue x : rows) {
            sb.append("<tr><td>").append(esc(x.id())).append("</td><td>").append(esc(x.name())).append("</td><td>")
                .append(esc(x.evidence())).append("</td>").append(num(x.responseScore())).append(num(x.gain())).append(num(x.se())).append("<td>")
                .append(esc(x.counters().isEmpty() ? "-" : String.join(", ", x.counters()))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /** The mechanism with the largest contribution, or {@code -}. */
    public static String topMechanism(Prediction p) {
        return p.activeMechanisms().stream().max(java.util.Comparator.comparingDouble(Prediction.MechanismEffect::contribution))
            .map(m -> String.format(Locale.ROOT, "%s (%+.2f)", m.id(), m.contribution())).orElse("-");
    }

    /** The rescue with the largest gain above its standard error, or {@code -}. */
    public static String bestRescue(Prediction p) {
        List<Prediction.Rescue> m = p.measurableRescues();
        return m.isEmpty() ? "-" : String.format(Locale.ROOT, "%s (%+.2f)", m.get(0).id(), m.get(0).gain());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "<td class=\"num\">%.3f</td>", v);
    }

    private static String anchor(String name) {
        return "p-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Escapes text for HTML and XML. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
