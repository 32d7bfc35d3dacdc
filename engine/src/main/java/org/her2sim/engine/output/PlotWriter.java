// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.her2sim.engine.stats.ProbTraj;

/**
 * Line charts of node probabilities over time, drawn from a {@link ProbTraj}, as SVG text or PNG.
 *
 * <p>The probability of node {@code X} in a window is the sum of the probabilities of the states
 * whose label ({@code "A -- B -- C"}) has {@code X} as one of its {@code " -- "}-separated names;
 * {@code <nil>} (no active node) contributes to no node. Each node is drawn as one line with one
 * point per window, at the window's start time. The x axis spans the window times rounded out to
 * whole ticks, the y axis is probability from 0 to 1 (values outside are clamped when drawn).
 *
 * <p>Node selection, for {@link #svg} and {@link #png}: a non-empty {@code nodes} list is drawn as
 * given (in that order; a name that occurs in no state is drawn as a flat line at 0). An empty
 * list means the active nodes (see {@link #activeNodes}); when there are more than
 * {@value #MAX_DEFAULT_NODES}, only the {@value #MAX_DEFAULT_NODES} with the highest maximum
 * probability over the windows are kept (ties broken by name), and they are drawn in name order.
 * Colours come from a fixed palette of {@value #PALETTE_SIZE}; series beyond that reuse the
 * colours with dashed lines.
 *
 * <p>Callers pass and close the streams; these methods flush but never close them.
 */
public final class PlotWriter {
    /** Image width in pixels (also the SVG width). */
    public static final int WIDTH = 1000;
    /** Image height in pixels (also the SVG height). */
    public static final int HEIGHT = 600;
    /** Most nodes chosen automatically when the caller names none. */
    public static final int MAX_DEFAULT_NODES = 12;
    /** Number of colours in the palette. */
    public static final int PALETTE_SIZE = 12;

    private static final String SEPARATOR = " -- ";
    private static final String NIL = "<nil>";

    // Fixed, distinguishable series colours (RGB).
    private static final int[] PALETTE = {
        0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b,
        0xe377c2, 0x17becf, 0x7f7f7f, 0xbcbd22, 0x000000, 0xaa0088,
    };

    // Plot area inside the canvas; the legend sits in the right margin.
    private static final int LEFT = 70;
    private static final int RIGHT = WIDTH - 200;
    private static final int TOP = 50;
    private static final int BOTTOM = HEIGHT - 60;
    private static final int LEGEND_X = RIGHT + 20;
    private static final int LEGEND_SWATCH = 24;
    private static final int LEGEND_MAX_CHARS = 22;
    private static final int TICK = 5;
    private static final int FONT_SIZE = 12;
    private static final int TITLE_SIZE = 16;
    private static final int GRID = 0xe0e0e0;

    private PlotWriter() {
    }

    /**
     * Probability of each node in each window.
     *
     * @param pt the trajectories
     * @param nodes node names; duplicates get identical rows
     * @return {@code result[i][w]}: probability of {@code nodes.get(i)} in window {@code w}, the sum
     *     (in state order) of the probabilities of the states whose label contains that name; 0 for
     *     a name found in no state of the window
     */
    public static double[][] nodeProbabilities(ProbTraj pt, List<String> nodes) {
        Objects.requireNonNull(pt, "pt");
        Objects.requireNonNull(nodes, "nodes");
        List<ProbTraj.Window> windows = pt.windows();
        double[][] out = new double[nodes.size()][windows.size()];
        // name -> rows it fills (several when the caller lists a name twice)
        Map<String, int[]> rows = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String n = Objects.requireNonNull(nodes.get(i), "node name");
            int[] old = rows.get(n);
            int[] now = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = i;
            rows.put(n, now);
        }
        for (int w = 0; w < windows.size(); w++) {
            ProbTraj.Window win = windows.get(w);
            String[] states = win.states();
            double[] proba = win.proba();
            for (int s = 0; s < states.length; s++) {
                String[] names = names(states[s]);
                for (int k = 0; k < names.length; k++) {
                    int[] r = rows.get(names[k]);
                    if (r == null || repeated(names, k)) {
                        continue;
                    }
                    for (int i : r) {
                        out[i][w] += proba[s];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every node name that occurs in some state label of some window, sorted by
     * {@link String#compareTo}; {@code <nil>} is not a node.
     *
     * @param pt the trajectories
     * @return the sorted, distinct names (empty if no node is ever active)
     */
    public static List<String> activeNodes(ProbTraj pt) {
        Objects.requireNonNull(pt, "pt");
        TreeSet<String> all = new TreeSet<>();
        for (ProbTraj.Window w : pt.windows()) {
            for (String s : w.states()) {
                for (String n : names(s)) {
                    all.add(n);
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * The nodes a chart draws: {@code nodes} itself when it is not empty, otherwise the active
     * nodes, cut to the {@value #MAX_DEFAULT_NODES} with the highest maximum probability over the
     * windows (ties by name) and returned in name order.
     *
     * @param pt the trajectories
     * @param nodes the caller's choice, possibly empty
     * @return the names to draw, in drawing order
     */
    public static List<String> plottedNodes(ProbTraj pt, List<String> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        if (!nodes.isEmpty()) {
            return List.copyOf(nodes);
        }
        List<String> active = activeNodes(pt);
        if (active.size() <= MAX_DEFAULT_NODES) {
            return active;
        }
        double[][] p = nodeProbabilities(pt, active);
        Map<String, Double> peak = new HashMap<>();
        for (int i = 0; i < active.size(); i++) {
            double m = 0;
            for (double v : p[i]) {
                m = Math.max(m, v);
            }
            peak.put(active.get(i), m);
        }
        List<String> ranked = new ArrayList<>(active);
        ranked.sort(Comparator.comparing((String n) -> peak.get(n)).reversed()
            .thenComparing(Comparator.naturalOrder()));
        List<String> kept = new ArrayList<>(ranked.subList(0, MAX_DEFAULT_NODES));
        kept.sort(Comparator.naturalOrder());
        return List.copyOf(kept);
    }

    /**
     * Writes the chart as a self-contained SVG document ({@value #WIDTH} x {@value #HEIGHT}): title,
     * axes with ticks and labels (time on x, probability 0..1 on y), one {@code <polyline>} per
     * drawn node and a legend naming them. Coordinates have 2 decimals, numbers are formatted
     * independently of the default locale and lines end with {@code \n}, so the same input always
     * gives the same text.
     *
     * @param out where the SVG text goes (flushed, not closed)
     * @param pt the trajectories
     * @param nodes nodes to draw; empty means the default selection described on the class
     * @param title chart title, may be empty (XML-escaped here)
     * @throws IOException if writing fails
     */
    public static void svg(Writer out, ProbTraj pt, List<String> nodes, String title) throws IOException {
        Objects.requireNonNull(out, "out");
        Chart c = new Chart(pt, plottedNodes(pt, nodes));
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" font-family=\"sans-serif\" font-size=\"").append(FONT_SIZE).append("\">\n");
        String t = title == null ? "" : title;
        sb.append("<title>").append(xml(t)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" fill=\"#ffffff\"/>\n");

        // grid, then ticks and their labels
        sb.append("<g stroke=\"").append(hex(GRID)).append("\" stroke-width=\"1\">\n");
        for (double v : c.xTicks) {
            line(sb, c.x(v), TOP, c.x(v), BOTTOM);
        }
        for (double v : c.yTicks) {
            line(sb, LEFT, c.y(v), RIGHT, c.y(v));
        }
        sb.append("</g>\n<g stroke=\"#000000\" stroke-width=\"1\">\n");
        for (double v : c.xTicks) {
            line(sb, c.x(v), BOTTOM, c.x(v), BOTTOM + TICK);
        }
        for (double v : c.yTicks) {
            line(sb, LEFT - TICK, c.y(v), LEFT, c.y(v));
        }
        sb.append("</g>\n<g fill=\"#000000\">\n");
        for (double v : c.xTicks) {
            text(sb, c.x(v), BOTTOM + TICK + 14, "middle", c.xLabel(v));
        }
        for (double v : c.yTicks) {
            text(sb, LEFT - TICK - 4, c.y(v) + 4, "end", c.yLabel(v));
        }
        sb.append("</g>\n");

        // axis frame and titles
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
            .append(RIGHT - LEFT).append("\" height=\"").append(BOTTOM - TOP)
            .append("\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
        text(sb, (LEFT + RIGHT) / 2.0, HEIGHT - 18, "middle", "Time");
        double yMid = (TOP + BOTTOM) / 2.0;
        sb.append("<text x=\"20.00\" y=\"");
        Fmt.fixed(sb, yMid, 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 20.00 ");
        Fmt.fixed(sb, yMid, 2).append(")\">Probability</text>\n");
        sb.append("<text x=\"").append(WIDTH / 2).append("\" y=\"30\" text-anchor=\"middle\" font-size=\"")
            .append(TITLE_SIZE).append("\" font-weight=\"bold\">").append(xml(t)).append("</text>\n");

        // series
        sb.append("<g fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n");
        for (int i = 0; i < c.nodes.size(); i++) {
            sb.append("<polyline stroke=\"").append(hex(color(i))).append('"');
            if (dashed(i)) {
                sb.append(" stroke-dasharray=\"6 4\"");
            }
            sb.append(" points=\"");
            double[] p = c.prob[i];
            for (int w = 0; w < p.length; w++) {
                if (w > 0) {
                    sb.append(' ');
                }
                Fmt.fixed(sb, c.x(c.times[w]), 2).append(',');
                Fmt.fixed(sb, c.y(p[w]), 2);
            }
            sb.append("\"/>\n");
        }
        sb.append("</g>\n");

        // legend
        sb.append("<g>\n");
        for (int i = 0; i < c.nodes.size(); i++) {
            double y = c.legendY(i);
            sb.append("<line x1=\"").append(LEGEND_X).append("\" y1=\"");
            Fmt.fixed(sb, y, 2).append("\" x2=\"").append(LEGEND_X + LEGEND_SWATCH).append("\" y2=\"");
            Fmt.fixed(sb, y, 2).append("\" stroke=\"").append(hex(color(i))).append("\" stroke-width=\"2\"");
            if (dashed(i)) {
                sb.append(" stroke-dasharray=\"6 4\"");
            }
            sb.append("/>\n");
            text(sb, LEGEND_X + LEGEND_SWATCH + 6, y + 4, "start", legendLabel(c.nodes.get(i)));
        }
        sb.append("</g>\n</svg>\n");
        out.append(sb);
        out.flush();
    }

    /**
     * Writes the same chart as {@link #svg} as a {@value #WIDTH} x {@value #HEIGHT} antialiased PNG.
     * Needs no display: unless the caller already set {@code java.awt.headless}, it is set to
     * {@code true} before AWT is first used. The image is encoded in memory (no temporary files).
     *
     * @param out where the PNG bytes go (flushed, not closed)
     * @param pt the trajectories
     * @param nodes nodes to draw; empty means the default selection described on the class
     * @param title chart title, may be empty
     * @throws IOException if writing fails or no PNG encoder is available
     */
    public static void png(OutputStream out, ProbTraj pt, List<String> nodes, String title) throws IOException {
        Objects.requireNonNull(out, "out");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Chart c = new Chart(pt, plottedNodes(pt, nodes));
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, c, title == null ? "" : title);
        } finally {
            g.dispose();
        }
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
        if (!it.hasNext()) {
            throw new IOException("no PNG encoder available in this Java runtime");
        }
        ImageWriter writer = it.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(img);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    /**
     * Whether {@code p} names an SVG file, by its extension {@code .svg} in any case.
     *
     * @param p a file path
     * @return true for {@code *.svg}, false otherwise (including {@code .png})
     */
    public static boolean isSvg(Path p) {
        return extension(p).equals("svg");
    }

    /**
     * Checks that {@code p} ends in {@code .png} or {@code .svg} (in any case).
     *
     * @param p a file path
     * @throws IllegalArgumentException naming the file and the allowed extensions otherwise
     */
    public static void checkExtension(Path p) {
        String ext = extension(p);
        if (!ext.equals("svg") && !ext.equals("png")) {
            throw new IllegalArgumentException("cannot write plot " + p + ": file name must end in .png or .svg");
        }
    }

    // Lower-cased text after the last dot of the file name, "" if none.
    private static String extension(Path p) {
        Objects.requireNonNull(p, "path");
        Path name = p.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // Node names in a state label; none for <nil> or an empty label.
    private static String[] names(String label) {
        if (label.isEmpty() || label.equals(NIL)) {
            return new String[0];
        }
        return label.split(SEPARATOR, -1);
    }

    // True if names[k] already occurred earlier in the same label (count each state once per node).
    private static boolean repeated(String[] names, int k) {
        for (int j = 0; j < k; j++) {
            if (names[j].equals(names[k])) {
                return true;
            }
        }
        return false;
    }

    private static int color(int series) {
        return PALETTE[series % PALETTE.length];
    }

    private static boolean dashed(int series) {
        return (series / PALETTE.length) % 2 == 1;
    }

    private static String legendLabel(String name) {
        return name.length() <= LEGEND_MAX_CHARS ? name : name.substring(0, LEGEND_MAX_CHARS - 1) + "\u2026";
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2) {
        sb.append("<line x1=\"");
        Fmt.fixed(sb, x1, 2).append("\" y1=\"");
        Fmt.fixed(sb, y1, 2).append("\" x2=\"");
        Fmt.fixed(sb, x2, 2).append("\" y2=\"");
        Fmt.fixed(sb, y2, 2).append("\"/>\n");
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String s) {
        sb.append("<text x=\"");
        Fmt.fixed(sb, x, 2).append("\" y=\"");
        Fmt.fixed(sb, y, 2).append("\" text-anchor=\"").append(anchor).append("\">").append(xml(s)).append("</text>\n");
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    // Raster rendering of the same layout as svg().
    private static void draw(Graphics2D g, Chart c, String title) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        BasicStroke thin = new BasicStroke(1f);
        g.setStroke(thin);

        // grid
        g.setColor(new Color(GRID));
        for (double v : c.xTicks) {
            drawLine(g, c.x(v), TOP, c.x(v), BOTTOM);
        }
        for (double v : c.yTicks) {
            drawLine(g, LEFT, c.y(v), RIGHT, c.y(v));
        }
        // ticks, tick labels, frame
        g.setColor(Color.BLACK);
        for (double v : c.xTicks) {
            drawLine(g, c.x(v), BOTTOM, c.x(v), BOTTOM + TICK);
            String s = c.xLabel(v);
            drawString(g, s, c.x(v) - fm.stringWidth(s) / 2.0, BOTTOM + TICK + 14);
        }
        for (double v : c.yTicks) {
            drawLine(g, LEFT - TICK, c.y(v), LEFT, c.y(v));
            String s = c.yLabel(v);
            drawString(g, s, LEFT - TICK - 4 - fm.stringWidth(s), c.y(v) + 4);
        }
        g.drawRect(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP);
        drawString(g, "Time", (LEFT + RIGHT) / 2.0 - fm.stringWidth("Time") / 2.0, HEIGHT - 18);
        AffineTransform saved = g.getTransform();
        double yMid = (TOP + BOTTOM) / 2.0;
        g.rotate(-Math.PI / 2, 20, yMid);
        drawString(g, "Probability", 20 - fm.stringWidth("Probability") / 2.0, yMid);
        g.setTransform(saved);

        // title
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE_SIZE));
        FontMetrics tfm = g.getFontMetrics();
        drawString(g, title, WIDTH / 2.0 - tfm.stringWidth(title) / 2.0, 30);
        g.setFont(font);

        // series
        BasicStroke solid = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        BasicStroke dash = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
        for (int i = 0; i < c.nodes.size(); i++) {
            double[] p = c.prob[i];
            if (p.length == 0) {
                continue;
            }
            Path2D.Double path = new Path2D.Double();
            path.moveTo(c.x(c.times[0]), c.y(p[0]));
            for (int w = 1; w < p.length; w++) {
                path.lineTo(c.x(c.times[w]), c.y(p[w]));
            }
            g.setColor(new Color(color(i)));
            g.setStroke(dashed(i) ? dash : solid);
            g.draw(path);
        }

        // legend
        for (int i = 0; i < c.nodes.size(); i++) {
            double y = c.legendY(i);
            g.setColor(new Color(color(i)));
            g.setStroke(dashed(i) ? dash : solid);
            drawLine(g, LEGEND_X, y, LEGEND_X + LEGEND_SWATCH, y);
            g.setColor(Color.BLACK);
            drawString(g, legendLabel(c.nodes.get(i)), LEGEND_X + LEGEND_SWATCH + 6, y + 4);
        }
        g.setStroke(thin);
    }

    private static void drawLine(Graphics2D g, double x1, double y1, double x2, double y2) {
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    private static void drawString(Graphics2D g, String s, double x, double y) {
        if (!s.isEmpty()) {
            g.drawString(s, (float) x, (float) y);
        }
    }

    /** Data and geometry shared by the SVG and PNG renderers. */
    private static final class Chart {
        final List<String> nodes;
        final double[][] prob;
        final double[] times;
        final double xMin;
        final double xMax;
        final double[] xTicks;
        final int xDecimals;
        final double[] yTicks = {0, 0.2, 0.4, 0.6, 0.8, 1.0};

        Chart(ProbTraj pt, List<String> nodes) {
            this.nodes = nodes;
            this.prob = nodeProbabilities(pt, nodes);
            List<ProbTraj.Window> ws = pt.windows();
            times = new double[ws.size()];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int w = 0; w < times.length; w++) {
                times[w] = ws.get(w).time();
                if (Double.isFinite(times[w])) {
                    lo = Math.min(lo, times[w]);
                    hi = Math.max(hi, times[w]);
                }
            }
            if (!(lo <= hi)) {
                lo = 0;
                hi = 1;
            } else if (lo == hi) {
                hi = lo + 1;
            }
            // 1, 2 or 5 times a power of ten, giving at most about 10 ticks
            double raw = (hi - lo) / 8;
            int exp = (int) Math.floor(Math.log10(raw));
            double mag = Math.pow(10, exp);
            double f = raw / mag;
            int m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
            if (m == 10) {
                m = 1;
                exp++;
                mag = Math.pow(10, exp);
            }
            double step = m * mag;
            xDecimals = Math.min(6, Math.max(0, -exp));
            long k0 = (long) Math.floor(lo / step + 1e-9);
            long k1 = (long) Math.ceil(hi / step - 1e-9);
            if (k1 <= k0) {
                k1 = k0 + 1;
            }
            xMin = k0 * step;
            xMax = k1 * step;
            xTicks = new double[(int) (k1 - k0 + 1)];
            for (int i = 0; i < xTicks.length; i++) {
                xTicks[i] = (k0 + i) * step;
            }
        }

        double x(double t) {
            double v = Double.isFinite(t) ? t : xMin;
            return LEFT + (v - xMin) / (xMax - xMin) * (RIGHT - LEFT);
        }

        double y(double p) {
            // NaN draws at 0; out-of-range values are clamped to the axis
            double v = Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
            return BOTTOM - v * (BOTTOM - TOP);
        }

        String xLabel(double v) {
            return Fmt.fixed(new StringBuilder(), v, xDecimals).toString();
        }

        String yLabel(double v) {
            return Fmt.fixed(new StringBuilder(), v, 1).toString();
        }

        // Legend rows shrink when there are many series so they stay inside the canvas.
        double legendY(int i) {
            double row = Math.min(20.0, (BOTTOM - TOP - 10.0) / Math.max(1, nodes.size()));
            return TOP + 10 + i * row;
        }
    }
}
