// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG heatmap of therapies x therapies: each off-diagonal cell is a pair's value
 * (red above 0, blue below, white at 0, on a symmetric scale), the diagonal shows each therapy's
 * own value in grey. No scripts, fonts or external resources.
 */
public final class Heatmap {
    private static final int CELL = 56;

    private Heatmap() {
    }

    /**
     * The SVG text.
     *
     * @param names row and column labels
     * @param pairs {@code pairs[i][j]} for i != j (NaN: not computed)
     * @param diagonal the value shown on the diagonal (NaN: none)
     * @param title the chart's title
     * @param legend what the colour measures
     */
    public static String svg(List<String> names, double[][] pairs, double[] diagonal, String title, String legend) {
        int n = names.size();
        int label = 8 + 7 * names.stream().mapToInt(String::length).max().orElse(4);
        int left = label;
        int top = label + 40;
        int width = Math.max(left + n * CELL + 120, 16 + 7 * title.length() / 2);
        int height = top + n * CELL + 40;
        double scale = 0.05;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && Double.isFinite(pairs[i][j])) {
                    scale = Math.max(scale, Math.abs(pairs[i][j]));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", width, height, width, height));
        sb.append("<title>").append(esc(title)).append("</title>\n");
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        int cut = title.indexOf(" (");
        sb.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"18\" font-size=\"14\">%s</text>%n", esc(cut > 0 ? title.substring(0, cut) : title)));
        if (cut > 0) {
            sb.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"34\" fill=\"#666666\">%s</text>%n", esc(title.substring(cut + 1))));
        }
        for (int i = 0; i < n; i++) {
            int y = top + i * CELL;
            int x = left + i * CELL;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 6, y + CELL / 2 + 4,
                esc(names.get(i))));
            sb.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-60)\">%s</text>%n", x + CELL / 2, top - 6,
                esc(names.get(i))));
            for (int j = 0; j < n; j++) {
                int cx = left + j * CELL;
                double v = i == j ? Double.NaN : pairs[i][j];
                String fill = i == j ? "#eeeeee" : Double.isFinite(v) ? colour(v / scale) : "#ffffff";
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\"/>%n",
                    cx, y, CELL, CELL, fill));
                double shown = i == j ? diagonal[i] : v;
                if (Double.isFinite(shown)) {
                    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%+.2f</text>%n",
                        cx + CELL / 2, y + CELL / 2 + 4, i == j ? "#666666" : "#000000", shown));
                }
            }
        }
        legend(sb, left + n * CELL + 20, top, scale, legend);
        return sb.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder sb, int x, int y, double scale, String text) {
        int h = 120;
        for (int k = 0; k < 24; k++) {
            double v = 1 - 2.0 * k / 23;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"14\" height=\"%.1f\" fill=\"%s\"/>%n", x, y + k * h / 24.0,
                h / 24.0 + 0.5, colour(v)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%+.2f</text>%n", x + 18, y + 8, scale));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">0</text>%n", x + 18, y + h / 2 + 4));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%+.2f</text>%n", x + 18, y + h, -scale));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y + h + 20, esc(text)));
    }

    /** White at 0, red towards +1, blue towards -1. */
    static String colour(double v) {
        double t = Math.max(-1, Math.min(1, v));
        int[] end = t >= 0 ? new int[] {0xd7, 0x30, 0x27} : new int[] {0x45, 0x75, 0xb4};
        double a = Math.abs(t);
        int r = (int) Math.round(255 + (end[0] - 255) * a);
        int g = (int) Math.round(255 + (end[1] - 255) * a);
        int b = (int) Math.round(255 + (end[2] - 255) * a);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
