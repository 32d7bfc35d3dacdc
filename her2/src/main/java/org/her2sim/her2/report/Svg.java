// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.util.List;
import java.util.Locale;
import org.her2sim.her2.predict.Estimate;
import org.her2sim.her2.predict.PhenotypeResult;
import org.her2sim.her2.predict.Prediction;

/** Small inline SVG charts for the HTML report: no scripts, no external resources. */
final class Svg {
    static final String UNTREATED = "#9e9e9e";
    static final String TREATED = "#1f77b4";
    private static final String[] LINES = {"#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"};

    private Svg() {
    }

    /** Axis title of the phenotype bars. */
    static final String PROBABILITY_AXIS = "probability (0-1), mean over the read-out window";
    /** Axis titles of the time course. */
    static final String COURSE_Y = "probability (0-1)";

    /** Horizontal bars, untreated and treated, per phenotype, with standard-error whiskers and a 0-1 probability axis. */
    static String bars(Prediction p) {
        List<Prediction.Phenotype> rows = p.phenotypes().stream().filter(x -> x.kind().equals("phenotype")).toList();
        int left = 120;
        int width = 300;
        int rowH = 30;
        int top = 24;
        int axis = top + rows.size() * rowH + 4;
        int h = axis + 36;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">%n",
            left + width + 60, h, left + width + 60, h));
        sb.append("<title>").append(HtmlReport.esc("phenotype probabilities, untreated and treated")).append("</title>\n");
        legend(sb, left, 12, "untreated", UNTREATED);
        legend(sb, left + 90, 12, "treated (" + String.join(" + ", p.therapies()) + ")", TREATED);
        for (int i = 0; i < rows.size(); i++) {
            Prediction.Phenotype r = rows.get(i);
            int y = top + i * rowH;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 6, y + 17, HtmlReport.esc(r.name())));
            bar(sb, left, y + 3, width, r.untreated(), UNTREATED);
            bar(sb, left, y + 14, width, r.treated(), TREATED);
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>%n", left, top, left, axis));
        sb.append(String.format(Locale.ROOT, "<line class=\"x-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>%n", left, axis,
            left + width, axis));
        for (int k = 0; k <= 4; k++) {
            double x = left + width * k / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#000000\"/>%n", x, axis, x, axis + 4));
            sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, axis + 15,
                k == 0 ? "0" : k == 4 ? "1" : String.format(Locale.ROOT, "%.2f", k / 4.0)));
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", left + width / 2,
            axis + 30, HtmlReport.esc(PROBABILITY_AXIS)));
        return sb.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder sb, int x, int y, int width, Estimate e, String colour) {
        double w = width * clamp(e.p());
        double lo = x + width * clamp(e.p() - e.se());
        double hi = x + width * clamp(e.p() + e.se());
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"10\" fill=\"%s\"/>%n", x, y, w, colour));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#000000\"/>%n", lo, y + 5, hi, y + 5));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%.2f</text>%n", x + w + 8, y + 9, e.p()));
    }

    private static void legend(StringBuilder sb, int x, int y, String label, String colour) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", x, y - 9, colour));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 14, y, HtmlReport.esc(label)));
    }

    /** Probability over time of some nodes, with a dashed line at the start of treatment. */
    static String timeCourse(PhenotypeResult r, List<String> nodes, double treatmentStart, double maxTime) {
        int left = 54;
        int top = 10;
        int w = 380;
        int h = 160;
        int width = left + w + 130;
        int height = top + h + 44;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">%n",
            width, height, width, height));
        sb.append("<title>").append(HtmlReport.esc("time course under treatment")).append("</title>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#000000\"/>%n", left, top, w, h));
        for (double v = 0; v <= 1.0001; v += 0.5) {
            double y = top + h * (1 - v);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%.1f</text>%n", left - 4, y + 4, v));
        }
        for (int k = 0; k <= 4; k++) {
            double t = maxTime * k / 4;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                left + w * t / maxTime, top + h + 14, ModelDoc.num(t)));
        }
        double xs = left + w * treatmentStart / maxTime;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#555555\" stroke-dasharray=\"4 3\"/>%n",
            xs, top, xs, top + h));
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            left + w / 2, top + h + 28, HtmlReport.esc(courseX(treatmentStart))));
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n",
            left + w / 2, top + h + 41, "dashed line: treatment starts"));
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
            top + h / 2, HtmlReport.esc(COURSE_Y)));
        int k = 0;
        for (String n : nodes) {
            double[] c = r.course().get(n);
            if (c == null) {
                continue;
            }
            String colour = LINES[k % LINES.length];
            sb.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
            for (int i = 0; i < c.length; i++) {
                sb.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", left + w * r.times()[i] / maxTime, top + h * (1 - clamp(c[i]))));
            }
            sb.append("\"/>\n");
            legend(sb, left + w + 12, top + 14 + 16 * k, n, colour);
            k++;
        }
        return sb.append("</svg>\n").toString();
    }

    /** The time course's x-axis title. */
    static String courseX(double treatmentStart) {
        return "model time (signalling steps, not days); treatment from t = " + ModelDoc.num(treatmentStart);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
