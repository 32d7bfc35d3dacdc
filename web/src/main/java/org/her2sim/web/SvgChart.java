// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the HTML reports: lines (or steps) over x, and bars with intervals. No scripts. */
final class SvgChart {
    static final String[] COLOURS = {"#3b6fb6", "#c62828", "#2e7d32", "#8e24aa", "#ef8f00", "#6d4c41", "#00838f", "#546e7a"};
    private static final int W = 640;
    private static final int H = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 170;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private SvgChart() {
    }

    /** One line: its label and y values (null: a gap). */
    record Line(String label, List<Double> y) { }

    /**
     * Lines over a shared x axis.
     *
     * @param step draw steps (a Kaplan-Meier curve) instead of straight segments
     * @param logY log10 y axis (values at or below 0 are gaps)
     */
    static String lines(String title, List<Double> x, List<Line> lines, String xLabel, String yLabel, boolean step, boolean logY) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Double v : x) {
            if (v != null) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
            }
        }
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (Double v : l.y()) {
                Double t = tr(v, logY);
                if (t != null) {
                    yMin = Math.min(yMin, t);
                    yMax = Math.max(yMax, t);
                }
            }
        }
        if (!Double.isFinite(xMin) || xMax <= xMin) {
            xMin = 0;
            xMax = Math.max(1, xMax);
        }
        if (!Double.isFinite(yMin)) {
            yMin = 0;
            yMax = 1;
        }
        if (!logY) {
            yMin = Math.min(0, yMin);
        } else {
            yMin = Math.floor(yMin);
            yMax = Math.ceil(yMax);
        }
        if (yMax <= yMin) {
            yMax = yMin + 1;
        }
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        StringBuilder sb = head(title, W, H);
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999999\"/>%n", LEFT, TOP, pw,
            ph));
        for (int k = 0; k <= 4; k++) {
            double yv = yMin + (yMax - yMin) * k / 4;
            double py = TOP + ph * (1 - k / 4.0);
            String label = logY ? String.format(Locale.ROOT, "1e%.0f", yv) : String.format(Locale.ROOT, "%.3g", yv);
            text(sb, LEFT - 4, py + 4, "end", label);
            double xv = xMin + (xMax - xMin) * k / 4;
            text(sb, LEFT + pw * k / 4.0, TOP + ph + 14, "middle", String.format(Locale.ROOT, "%.4g", xv));
        }
        text(sb, LEFT + pw / 2.0, H - 8, "middle", xLabel);
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(12,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n", TOP + ph / 2,
            Report.esc(yLabel)));
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            double prevY = Double.NaN;
            for (int k = 0; k < Math.min(x.size(), l.y().size()); k++) {
                Double t = tr(l.y().get(k), logY);
                if (t == null || x.get(k) == null) {
                    continue;
                }
                double px = LEFT + pw * (x.get(k) - xMin) / (xMax - xMin);
                double py = TOP + ph * (1 - (t - yMin) / (yMax - yMin));
                if (step && !Double.isNaN(prevY)) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, prevY));
                }
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                prevY = py;
            }
            sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n", colour,
                pts.toString().strip()));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", LEFT + pw + 10,
                TOP + 4 + 16 * i, colour));
            text(sb, LEFT + pw + 24, TOP + 13 + 16 * i, "start", l.label());
        }
        return sb.append("</svg>\n").toString();
    }

    /** A bar row: label, value in [0, 1] and its interval (nulls allowed). */
    record Bar(String label, Double value, Double lo, Double hi, String colour) { }

    /** Horizontal bars on a 0-1 scale (drawn as 0-100%) with interval whiskers, and the axis titled {@code axisLabel}. */
    static String bars(String title, List<Bar> bars, String axisLabel) {
        int left = 230;
        int width = 320;
        int rowH = 18;
        int h = TOP + bars.size() * rowH + 40;
        StringBuilder sb = head(title, left + width + 80, h);
        for (int k = 0; k <= 4; k++) {
            double px = left + width * k / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eeeeee\"/>%n", px, TOP, px,
                h - 36));
            text(sb, px, h - 22, "middle", String.format(Locale.ROOT, "%.0f%%", 25.0 * k));
        }
        text(sb, left + width / 2.0, h - 6, "middle", axisLabel);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = TOP + i * rowH;
            text(sb, left - 6, y + 12, "end", b.label());
            if (b.value() == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"11\" fill=\"%s\"/>%n", left, y + 3,
                width * clamp(b.value()), b.colour()));
            if (b.lo() != null && b.hi() != null) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000000\"/>%n",
                    left + width * clamp(b.lo()), y + 8, left + width * clamp(b.hi()), y + 8));
            }
            text(sb, left + width + 6, y + 12, "start", String.format(Locale.ROOT, "%.0f%%", 100 * b.value()));
        }
        return sb.append("</svg>\n").toString();
    }

    private static StringBuilder head(String title, int w, int h) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", w, h, w, h));
        sb.append("<title>").append(Report.esc(title)).append("</title>\n");
        text(sb, 8, 16, "start", title);
        return sb;
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, Report.esc(s)));
    }

    private static Double tr(Double v, boolean log) {
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        if (log) {
            return v > 0 ? Math.log10(v) : null;
        }
        return v;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
