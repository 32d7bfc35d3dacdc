// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.her2.tumour.TreatResult;

/** A treated tumour as text, as a JSON-ready map, and as an SVG plot of the burden and its clones. */
public final class TreatReport {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"};
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private TreatReport() {
    }

    /** The text summary. */
    public static String text(TreatResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "profile:        %s%n", r.profile()));
        sb.append(String.format(Locale.ROOT, "regimen:        %s%n", String.join(" + ", r.regimen())));
        sb.append(String.format(Locale.ROOT, "seed:           %d%n", r.seed()));
        sb.append(String.format(Locale.ROOT, "best response:  %s%n", r.bestResponse()));
        sb.append(r.progressed()
            ? String.format(Locale.ROOT, "progression:    day %.0f (%.1f months)%n", r.progressionDay(), r.progressionDay() / DAYS_PER_MONTH)
            : String.format(Locale.ROOT, "progression:    none within %.1f months%n", last(r.days()) / DAYS_PER_MONTH));
        sb.append(String.format(Locale.ROOT, "                %s%n", scanNote(r)));
        sb.append(r.progressed() ? "clones at progression:\n" : "clones at the end:\n");
        r.atProgression().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-40s %6.1f%%%n", k, 100 * v)));
        sb.append("scans (sum of diameters relative to baseline):\n");
        for (TreatResult.Scan s : r.scans()) {
            sb.append(String.format(Locale.ROOT, "  day %4.0f  %5.1f months  cells %9.3g  diameter %5.2f  %s%n", s.day(), s.day() / DAYS_PER_MONTH,
                s.cells(), s.diameter(), s.category()));
        }
        return sb.toString();
    }

    /**
     * Days between RECIST scans (from the scans themselves), or NaN with fewer than one scan.
     * Progression is seen only at a scan, so times to progression are multiples of it.
     */
    public static double scanInterval(TreatResult r) {
        List<TreatResult.Scan> s = r.scans();
        return s.isEmpty() ? Double.NaN : Math.round(s.size() >= 2 ? s.get(1).day() - s.get(0).day() : s.get(0).day());
    }

    /** What a time to progression means here: quantised to scans, or censored at the last scan. */
    public static String scanNote(TreatResult r) {
        double every = scanInterval(r);
        if (Double.isNaN(every)) {
            return "no scan within the run: progression cannot be assessed";
        }
        if (r.progressed()) {
            return String.format(Locale.ROOT, "(the first scan showing progression; scans every %.0f d, so it began up to %.0f d earlier)", every,
                every);
        }
        return String.format(Locale.ROOT, "(censored at the last scan, day %.0f; scans every %.0f d)", last(r.scans()).day(), every);
    }

    /** The JSON content. */
    public static Map<String, Object> toMap(TreatResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", r.profile());
        m.put("regimen", r.regimen());
        m.put("seed", r.seed());
        m.put("bestResponse", r.bestResponse().name());
        m.put("progressed", r.progressed());
        m.put("timeToProgressionDays", r.progressed() ? r.progressionDay() : null);
        m.put("scanIntervalDays", Double.isNaN(scanInterval(r)) ? null : scanInterval(r));
        m.put("clonesAtProgression", r.atProgression());
        List<Map<String, Object>> scans = new ArrayList<>();
        for (TreatResult.Scan s : r.scans()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("day", s.day());
            e.put("cells", s.cells());
            e.put("diameter", s.diameter());
            e.put("category", s.category().name());
            scans.add(e);
        }
        m.put("scans", scans);
        m.put("basalDeathPerDay", r.basalDeath());
        m.put("days", list(r.days()));
        m.put("cells", list(r.cells()));
        Map<String, Object> clones = new LinkedHashMap<>();
        r.clones().forEach((k, v) -> clones.put(k, list(v)));
        m.put("clones", clones);
        return m;
    }

    /** Axis titles of the burden plot. */
    public static final String Y_AXIS = "tumour cells (log10 scale)";
    /** Axis titles of the burden plot. */
    public static final String X_AXIS = "months from the first dose (%sticks below the axis: doses)";

    /**
     * Log10 cells against months: the total and each clone, with the RECIST scans marked above and
     * each dose day as a tick below the axis, one row per dosing regimen.
     *
     * @param doseDays dose days by regimen (empty when every therapy is given continuously)
     */
    public static String svg(TreatResult r, Map<String, List<Double>> doseDays) {
        int w = 720;
        int h = 360 + 12 * doseDays.size();
        int left = 60;
        int right = 220;
        int top = 30;
        int bottom = 48 + 12 * doseDays.size();
        double tMax = Math.max(1, last(r.days()) / DAYS_PER_MONTH);
        double yMin = 0;
        double yMax = 1;
        for (double c : r.cells()) {
            yMax = Math.max(yMax, Math.log10(Math.max(1, c)));
        }
        yMax = Math.ceil(yMax + 0.5);
        double ymin = yMin;
        double ymax = yMax;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">%s under %s: %s%s</text>%n", left, esc(r.profile()),
            esc(String.join(" + ", r.regimen())), r.bestResponse(),
            r.progressed() ? String.format(Locale.ROOT, ", progression at %.1f months", r.progressionDay() / DAYS_PER_MONTH) : ""));
        int pw = w - left - right;
        int ph = h - top - bottom;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", left, top, pw, ph));
        for (int y = (int) ymin; y <= ymax; y += 2) {
            double py = top + ph * (1 - (y - ymin) / (ymax - ymin));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n", left - 4, py + 4, y));
        }
        for (int mth = 0; mth <= tMax; mth += 3) {
            double px = left + pw * mth / tMax;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", px, top + ph + 14, mth));
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", left + pw / 2, h - 6,
            esc(String.format(Locale.ROOT, X_AXIS, Double.isNaN(scanInterval(r)) ? ""
                : String.format(Locale.ROOT, "scans every %.0f d; ", scanInterval(r))))));
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-label\" transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
            top + ph / 2, esc(Y_AXIS)));
        int row = 0;
        for (Map.Entry<String, List<Double>> e : doseDays.entrySet()) {
            int y0 = top + ph + 20 + 12 * row;
            String colour = COLOURS[(row + 3) % COLOURS.length];
            for (double day : e.getValue()) {
                double px = left + pw * (day / DAYS_PER_MONTH) / tMax;
                sb.append(String.format(Locale.ROOT, "<line class=\"dose\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n", px, y0,
                    px, y0 + 8, colour));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">doses: %s</text>%n", left + pw + 8, y0 + 8, colour,
                esc(e.getKey())));
            row++;
        }
        List<String> names = new ArrayList<>();
        names.add("total");
        names.addAll(r.clones().keySet());
        for (int i = 0; i < names.size() && i < COLOURS.length; i++) {
            double[] ys = i == 0 ? r.cells() : r.clones().get(names.get(i));
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < ys.length; k++) {
                if (ys[k] < 1) {
                    continue;
                }
                double px = left + pw * (r.days()[k] / DAYS_PER_MONTH) / tMax;
                double py = top + ph * (1 - (Math.log10(ys[k]) - ymin) / (ymax - ymin));
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" points=\"%s\"/>%n", COLOURS[i],
                i == 0 ? "2.5" : "1.2", pts.toString().strip()));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", left + pw + 8, top + 12 + 14 * i, COLOURS[i],
                esc(names.get(i))));
        }
        for (TreatResult.Scan s : r.scans()) {
            double px = left + pw * (s.day() / DAYS_PER_MONTH) / tMax;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"8\">%s</text>%n", px, top + 10,
                s.category()));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** {@code her2sim treat --html}: provenance, the profile, the outcome with its scan note, the burden plot and the scans. */
    public static String html(TreatResult r, Map<String, List<Double>> doseDays, List<ProfileSummary.Row> profile, Provenance prov) {
        StringBuilder sb = HtmlReport.head("her2sim treat: " + r.profile() + " under " + String.join(" + ", r.regimen()), prov);
        sb.append("<h2>Profile</h2>\n").append(ProfileSummary.html(profile));
        sb.append("<h2>Outcome</h2>\n<p>Best response (RECIST) <b>").append(r.bestResponse()).append("</b>; ").append(r.progressed()
            ? String.format(Locale.ROOT, "progression at day %.0f (%.1f months)", r.progressionDay(), r.progressionDay() / DAYS_PER_MONTH)
            : String.format(Locale.ROOT, "no progression within %.1f months", last(r.days()) / DAYS_PER_MONTH)).append(' ')
            .append(HtmlReport.esc(scanNote(r))).append(". Time is in days from the first dose.</p>\n");
        sb.append(svg(r, doseDays));
        sb.append("<h2>Scans</h2>\n<table>\n<tr><th>day</th><th>months</th><th>cells</th><th>diameter (relative to baseline)</th><th>RECIST</th></tr>\n");
        for (TreatResult.Scan s : r.scans()) {
            sb.append(String.format(Locale.ROOT, "<tr><td class=\"num\">%.0f</td><td class=\"num\">%.1f</td><td class=\"num\">%.3g</td>"
                + "<td class=\"num\">%.2f</td><td>%s</td></tr>%n", s.day(), s.day() / DAYS_PER_MONTH, s.cells(), s.diameter(), s.category()));
        }
        sb.append("</table>\n<h2>").append(r.progressed() ? "Clones at progression" : "Clones at the end").append("</h2>\n<table>\n");
        r.atProgression().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%.1f%%</td></tr>%n",
            HtmlReport.esc(k), 100 * v)));
        return sb.append("</table>\n</body>\n</html>\n").toString();
    }

    private static List<Double> list(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) {
            out.add(v);
        }
        return out;
    }

    private static TreatResult.Scan last(List<TreatResult.Scan> s) {
        return s.get(s.size() - 1);
    }

    private static double last(double[] a) {
        return a.length == 0 ? 0 : a[a.length - 1];
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
