// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.validate.ValidationRow.Comparison;
import org.her2sim.her2.report.HtmlReport;

/** The scorecard as JSON ({@link ScorecardJson}), a terminal table and a self-contained HTML page. */
public final class ValidationReport {
    private final Scorecard card;
    private final ScorecardJson.ValidationRun run;

    /** @param run what was run (model, seed, samples, data version), recorded in every output */
    public ValidationReport(Scorecard card, ScorecardJson.ValidationRun run) {
        this.card = card;
        this.run = run;
    }

    /** {@code {run, rows: [...], summary: {training, test, all}}}. */
    public ScorecardJson json() {
        List<ScorecardJson.Row> rows = new ArrayList<>();
        for (RowResult r : card.rows()) {
            ValidationRow row = r.row();
            ValidationRow.Source src = row.source();
            ValidationRow.Published p = row.published();
            rows.add(new ScorecardJson.Row(row.id(), row.split(), row.group(), row.system(), row.endpoint(),
                p.comparison().name().toLowerCase(Locale.ROOT),
                new ScorecardJson.Source(src.citation(), nonEmpty(src.doi()), nonEmpty(src.pmid()), src.where()),
                new ScorecardJson.Published(p.label().isEmpty() ? (Object) p.value() : p.label(),
                    Double.isNaN(p.lower()) ? null : List.of(p.lower(), p.upper()), p.n(), p.measure()),
                new ScorecardJson.Model(round(r.model()), List.of(round(r.lower()), round(r.upper())), meaning(row)),
                r.agree(), r.directionRight(), round(r.baseline()), r.baselineDirectionRight(), nonEmpty(row.note())));
        }
        Map<String, ScorecardJson.Figures> summary = new LinkedHashMap<>();
        for (String split : new String[] {ValidationRow.TRAINING, ValidationRow.TEST, null}) {
            Scorecard.Summary s = card.summary(split);
            Map<String, Double> f = new LinkedHashMap<>();
            s.figures().forEach((k, v) -> f.put(k, round(v)));
            summary.put(split == null ? "all" : split, new ScorecardJson.Figures(s.n(), f));
        }
        return new ScorecardJson(run, rows, summary);
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String meaning(ValidationRow row) {
        return switch (row.published().comparison()) {
            case CLASS -> "response score (sensitive when at least the partial threshold)";
            case RATIO -> "scenario / reference" + (Validator.INVERSE.contains(row.endpoint()) ? " on the inverse scale (hazard ratio, IC50...)" : "");
            case DIFFERENCE -> "scenario - reference";
            case DIRECTION -> row.scenario() instanceof ValidationRow.CohortArm ? "scenario / reference" : "scenario - reference";
        };
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : v;
    }

    /** One line per row and the summary per split. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-44s %-8s %-10s %-22s %-24s %s%n", "row", "split", "kind", "published", "model (95% interval)", "agree"));
        for (RowResult r : card.rows()) {
            ValidationRow.Published p = r.row().published();
            String pub = p.label().isEmpty() ? String.format(Locale.ROOT, "%.3g", p.value())
                + (Double.isNaN(p.lower()) ? "" : String.format(Locale.ROOT, " (%.3g-%.3g)", p.lower(), p.upper())) : p.label();
            String mod = String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", r.model(), r.lower(), r.upper());
            sb.append(String.format(Locale.ROOT, "%-44s %-8s %-10s %-22s %-24s %s%n", cut(r.row().id(), 44), r.row().split(),
                p.comparison().name().toLowerCase(Locale.ROOT), cut(pub, 22), mod, r.agree() ? "yes" : "NO"));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-9s %4s %10s %10s %8s %10s %10s %10s %10s%n", "split", "n", "direction", "ratio<1.5", "AUC",
            "base AUC", "base dir", "null<1.5", "agree"));
        for (String split : new String[] {ValidationRow.TRAINING, ValidationRow.TEST}) {
            Scorecard.Summary s = card.summary(split);
            sb.append(String.format(Locale.ROOT, "%-9s %4d %10s %10s %8s %10s %10s %10s %10s%n", split, s.n(), pct(s.get("directionConcordance")),
                pct(s.get("ratioWithin1_5")), dec(s.get("auc")), dec(s.get("baselineAuc")), pct(s.get("baselineDirection")),
                pct(s.get("baselineRatioWithin1_5")), pct(s.get("agreement"))));
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String dec(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A self-contained page: the summary, a model-versus-published plot of ratio rows with error bars, scores by class, every row. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>her2sim validation scorecard</title>\n<style>")
            .append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;font-size:13px}")
            .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}.no{background:#fde0dc}.yes{background:#e3f4e1}")
            .append("</style></head><body>\n<h1>her2sim validation scorecard</h1>\n<p>");
        JsonTree.of(run).forEach((k, v) -> sb.append(HtmlReport.esc(k)).append(": ").append(HtmlReport.esc(String.valueOf(v))).append("; "));
        sb.append("</p>\n<table><tr><th>split</th><th>n</th><th>direction right</th><th>ratio within 1.5x</th><th>AUC</th>")
            .append("<th>baseline AUC</th><th>baseline direction</th><th>null ratio within 1.5x</th><th>agree</th></tr>\n");
        for (String split : new String[] {ValidationRow.TRAINING, ValidationRow.TEST}) {
            Scorecard.Summary s = card.summary(split);
            sb.append("<tr><td>").append(split).append("</td><td>").append(s.n()).append("</td><td>").append(pct(s.get("directionConcordance")))
                .append("</td><td>").append(pct(s.get("ratioWithin1_5"))).append("</td><td>").append(dec(s.get("auc"))).append("</td><td>")
                .append(dec(s.get("baselineAuc"))).append("</td><td>").append(pct(s.get("baselineDirection"))).append("</td><td>")
                .append(pct(s.get("baselineRatioWithin1_5"))).append("</td><td>").append(pct(s.get("agreement"))).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Ratios: model against published</h2>\n<p>Each ratio row: the published value with its interval ")
            .append("(horizontal bar) against the model's with its 95% interval (vertical bar), log scales; the band is a factor of 1.5. ")
            .append("Filled: training, open: test.</p>\n").append(ratioPlot())
            .append("<h2>Response scores by published class</h2>\n").append(classPlot())
            .append("<h2>Every row</h2>\n<table><tr><th>row</th><th>split</th><th>system</th><th>source</th><th>published</th><th>model</th>")
            .append("<th>agree</th></tr>\n");
        for (RowResult r : card.rows()) {
            ValidationRow row = r.row();
            ValidationRow.Published p = row.published();
            String link = !row.source().doi().isEmpty() ? "https://doi.org/" + row.source().doi()
                : "https://pubmed.ncbi.nlm.nih.gov/" + row.source().pmid() + "/";
            sb.append("<tr class=\"").append(r.agree() ? "yes" : "no").append("\"><td>").append(HtmlReport.esc(row.id())).append("</td><td>")
                .append(row.split()).append("</td><td>").append(HtmlReport.esc(row.system())).append("</td><td><a href=\"").append(HtmlReport.esc(link))
                .append("\">").append(HtmlReport.esc(row.source().citation())).append("</a></td><td>")
                .append(HtmlReport.esc(p.label().isEmpty() ? String.format(Locale.ROOT, "%.3g", p.value()) : p.label()))
                .append(" <small>").append(HtmlReport.esc(p.measure())).append("</small></td><td>")
                .append(String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", r.model(), r.lower(), r.upper())).append("</td><td>")
                .append(r.agree() ? "yes" : "no").append("</td></tr>\n");
        }
        sb.append("</table>\n</body></html>\n");
        return sb.toString();
    }

    private String ratioPlot() {
        List<RowResult> rs = card.rows().stream().filter(r -> r.row().published().comparison() == Comparison.RATIO).toList();
        int size = 420;
        int pad = 50;
        double lo = Math.log(0.1);
        double hi = Math.log(10);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", size + pad + 10,
            size + pad + 10));
        java.util.function.DoubleUnaryOperator x = v -> pad + size * (Math.log(Math.max(0.1, Math.min(10, v))) - lo) / (hi - lo);
        java.util.function.DoubleUnaryOperator y = v -> size - size * (Math.log(Math.max(0.1, Math.min(10, v))) - lo) / (hi - lo);
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>", pad, size, size));
        // the factor-of-1.5 band around the diagonal
        sb.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#eef\"/>", x.applyAsDouble(0.1),
            y.applyAsDouble(0.15), x.applyAsDouble(10 / 1.5), y.applyAsDouble(10), x.applyAsDouble(10), y.applyAsDouble(10 / 1.5),
            x.applyAsDouble(0.15), y.applyAsDouble(0.1)));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#99a\"/>", x.applyAsDouble(0.1),
            y.applyAsDouble(0.1), x.applyAsDouble(10), y.applyAsDouble(10)));
        for (double t : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10}) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.applyAsDouble(t), size + 14, fmt(t)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", pad - 4, y.applyAsDouble(t) + 4, fmt(t)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">published ratio</text>", pad + size / 2, size + 32));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">model ratio</text>",
            size / 2, size / 2));
        for (RowResult r : rs) {
            ValidationRow.Published p = r.row().published();
            double px = x.applyAsDouble(p.value());
            double py = y.applyAsDouble(r.model());
            String colour = r.agree() ? "#2a7a2a" : "#c0392b";
            if (!Double.isNaN(p.lower())) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x.applyAsDouble(p.lower()), py,
                    x.applyAsDouble(p.upper()), py, colour));
            }
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", px,
                    y.applyAsDouble(Math.max(r.lower(), 1e-3)), px, y.applyAsDouble(r.upper()), colour));
            }
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\"><title>%s</title></circle>", px, py,
                r.row().split().equals(ValidationRow.TRAINING) ? colour : "white", colour, HtmlReport.esc(r.row().id())));
        }
        return sb.append("</svg>\n").toString();
    }

    private String classPlot() {
        int w = 520;
        int h = 90;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w + 110, h + 30));
        String[] labels = {"sensitive", "resistant"};
        for (int k = 0; k < 2; k++) {
            int cy = 20 + k * 40;
            sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", cy + 4, labels[k]));
            sb.append(String.format(Locale.ROOT, "<line x1=\"90\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>", cy, 90 + w, cy));
            for (RowResult r : card.rows()) {
                if (r.row().published().comparison() != Comparison.CLASS || !r.row().published().label().equals(labels[k])) {
                    continue;
                }
                double cx = 90 + w * Math.max(0, Math.min(1, r.model()));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill-opacity=\"0.6\" fill=\"%s\"><title>%s %.3f</title></circle>",
                    cx, cy, r.agree() ? "#2a7a2a" : "#c0392b", HtmlReport.esc(r.row().id()), r.model()));
            }
        }
        for (double t = 0; t <= 1.0001; t += 0.25) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>", 90 + w * t, h + 10, t));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">model response score (0-1)</text>", 90 + w / 2, h + 26));
        return sb.append("</svg>\n").toString();
    }

    private static String fmt(double t) {
        return t == Math.rint(t) ? String.valueOf((long) t) : String.valueOf(t);
    }
}
