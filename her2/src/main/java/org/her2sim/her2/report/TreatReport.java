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
        sb.append(r.progressed() ? "clones at progression:\n" : "clones at the end:\n");
        r.atProgression().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-40s %6.1f%%%n", k, 100 * v)));
        sb.append("scans (sum of diameters relative to baseline):\n");
        for (TreatResult.Scan s : r.scans()) {
            sb.append(String.format(Locale.ROOT, "  day %4.0f  %5.1f months  cells %9.3g  diameter %5.2f  %s%n", s.day(), s.day() / DAYS_PER_MONTH,
                s.cells(), s.diameter(), s.category()));
        }
        return sb.toString();
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

    /** Log10 cells against months: the total and each clone, with the RECIST scans marked. */
    public static String svg(TreatResult r) {
        int w = 720;
        int h = 360;
        int left = 60;
        int right = 220;
        int top = 30;
        int bottom = 40;
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
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">months</text>%n", left + pw / 2, h - 6));
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

    private static List<Double> list(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) {
            out.add(v);
        }
        return out;
    }

    private static double last(double[] a) {
        return a.length == 0 ? 0 : a[a.length - 1];
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
