// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A concentration-time chart of a {@link Profile}, with the 5th-95th percentile band and the
 * median of a {@link Band} when given, and the drug's target trough as a dashed line. Drawn as a
 * list of simple shapes, written either as SVG text or as a PNG image.
 */
public final class PkChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = WIDTH - 30;
    private static final int TOP = 40;
    private static final int BOTTOM = HEIGHT - 50;
    private static final int MAX_POINTS = 2000;

    private sealed interface Shape permits Line, Poly, Label { }

    private record Line(double x1, double y1, double x2, double y2, int rgb, boolean dashed) implements Shape { }

    private record Poly(double[] xs, double[] ys, int rgb, boolean filled, double width) implements Shape { }

    private record Label(double x, double y, String text, String anchor) implements Shape { }

    private final List<Shape> shapes = new ArrayList<>();

    private PkChart(Profile p, Band b, Double target, String title) {
        double tMax = p.times()[p.times().length - 1];
        double yMax = 0;
        for (double v : p.values()) {
            yMax = Math.max(yMax, v);
        }
        if (b != null) {
            for (double[] v : b.values()) {
                yMax = Math.max(yMax, v[2]);
            }
        }
        if (target != null) {
            yMax = Math.max(yMax, target);
        }
        yMax = niceCeiling(yMax <= 0 ? 1 : yMax * 1.05);
        double xMax = tMax <= 0 ? 1 : tMax;
        shapes.add(new Label(WIDTH / 2.0, 24, title, "middle"));
        axes(xMax, yMax, p.onOff() ? "exposure (on = 1)" : "concentration (ug/mL)");
        int stride = Math.max(1, p.times().length / MAX_POINTS);
        if (b != null) {
            int n = (p.times().length + stride - 1) / stride;
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            double[] mx = new double[n];
            double[] my = new double[n];
            for (int k = 0; k < n; k++) {
                int i = k * stride;
                double x = x(p.times()[i], xMax);
                xs[k] = x;
                ys[k] = y(b.values()[i][2], yMax);
                xs[2 * n - 1 - k] = x;
                ys[2 * n - 1 - k] = y(b.values()[i][0], yMax);
                mx[k] = x;
                my[k] = y(b.values()[i][1], yMax);
            }
            shapes.add(new Poly(xs, ys, 0xc6dbef, true, 0));
            shapes.add(new Poly(mx, my, 0x6baed6, false, 1.5));
            legend(1, 0x6baed6, false, "median of " + b.samples() + " virtual patients");
            legend(2, 0xc6dbef, true, "5th-95th percentile");
        }
        int n = (p.times().length + stride - 1) / stride;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = x(p.times()[k * stride], xMax);
            ys[k] = y(p.values()[k * stride], yMax);
        }
        shapes.add(new Poly(xs, ys, 0x08519c, false, 2));
        legend(0, 0x08519c, false, "typical patient");
        if (target != null) {
            double yt = y(target, yMax);
            shapes.add(new Line(LEFT, yt, RIGHT, yt, 0xd62728, true));
            shapes.add(new Label(LEFT + 5, yt - 4, "target trough " + num(target) + " ug/mL", "start"));
        }
    }

    /** A legend entry in the top right corner: a swatch, then the text. */
    private void legend(int row, int rgb, boolean filled, String text) {
        double y = TOP + 16 + 16 * row;
        double x = RIGHT - 250;
        if (filled) {
            shapes.add(new Poly(new double[] {x, x + 24, x + 24, x}, new double[] {y - 9, y - 9, y + 1, y + 1}, rgb, true, 0));
        } else {
            shapes.add(new Poly(new double[] {x, x + 24}, new double[] {y - 4, y - 4}, rgb, false, 2));
        }
        shapes.add(new Label(x + 30, y, text, "start"));
    }

    private void axes(double xMax, double yMax, String yLabel) {
        shapes.add(new Line(LEFT, BOTTOM, RIGHT, BOTTOM, 0x000000, false));
        shapes.add(new Line(LEFT, TOP, LEFT, BOTTOM, 0x000000, false));
        double xStep = niceStep(xMax);
        for (double v = 0; v <= xMax + 1e-9; v += xStep) {
            double x = x(v, xMax);
            shapes.add(new Line(x, BOTTOM, x, BOTTOM + 5, 0x000000, false));
            shapes.add(new Label(x, BOTTOM + 18, num(v), "middle"));
        }
        double yStep = niceStep(yMax);
        for (double v = 0; v <= yMax + 1e-9; v += yStep) {
            double y = y(v, yMax);
            shapes.add(new Line(LEFT - 5, y, LEFT, y, 0x000000, false));
            shapes.add(new Label(LEFT - 8, y + 4, num(v), "end"));
        }
        shapes.add(new Label((LEFT + RIGHT) / 2.0, HEIGHT - 12, "time (days)", "middle"));
        shapes.add(new Label(LEFT, TOP - 8, yLabel, "start"));
    }

    private static double x(double t, double xMax) {
        return LEFT + (RIGHT - LEFT) * t / xMax;
    }

    private static double y(double v, double yMax) {
        return BOTTOM - (BOTTOM - TOP) * Math.max(0, Math.min(v, yMax)) / yMax;
    }

    static double niceStep(double max) {
        double raw = max / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static double niceCeiling(double v) {
        double step = niceStep(v);
        return Math.ceil(v / step) * step;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }

    /** Writes the chart as SVG. */
    public static void svg(Writer out, Profile p, Band b, Double target, String title) throws IOException {
        new PkChart(p, b, target, title).svg(out);
    }

    /** Writes the chart as PNG. */
    public static void png(OutputStream out, Profile p, Band b, Double target, String title) throws IOException {
        new PkChart(p, b, target, title).png(out);
    }

    private static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void svg(Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        for (Shape s : shapes) {
            if (s instanceof Line l) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                    l.x1(), l.y1(), l.x2(), l.y2(), colour(l.rgb()), l.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            } else if (s instanceof Poly p) {
                sb.append(p.filled() ? "<polygon" : "<polyline").append(" points=\"");
                for (int i = 0; i < p.xs().length; i++) {
                    sb.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", p.xs()[i], p.ys()[i]));
                }
                sb.append(p.filled() ? String.format(Locale.ROOT, "\" fill=\"%s\" stroke=\"none\"/>%n", colour(p.rgb()))
                    : String.format(Locale.ROOT, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n", colour(p.rgb()), p.width()));
            } else if (s instanceof Label t) {
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", t.x(), t.y(), t.anchor(),
                    esc(t.text())));
            }
        }
        out.write(sb.append("</svg>\n").toString());
        out.flush();
    }

    private void png(OutputStream out) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (Shape s : shapes) {
                if (s instanceof Line l) {
                    g.setColor(new Color(l.rgb()));
                    g.setStroke(l.dashed() ? new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                        : new BasicStroke(1));
                    g.draw(new java.awt.geom.Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
                } else if (s instanceof Poly p) {
                    Path2D.Double path = new Path2D.Double();
                    for (int i = 0; i < p.xs().length; i++) {
                        if (i == 0) {
                            path.moveTo(p.xs()[i], p.ys()[i]);
                        } else {
                            path.lineTo(p.xs()[i], p.ys()[i]);
                        }
                    }
                    g.setColor(new Color(p.rgb()));
                    if (p.filled()) {
                        path.closePath();
                        g.fill(path);
                    } else {
                        g.setStroke(new BasicStroke((float) p.width()));
                        g.draw(path);
                    }
                } else if (s instanceof Label t) {
                    g.setColor(Color.BLACK);
                    int w = g.getFontMetrics().stringWidth(t.text());
                    double x = switch (t.anchor()) {
                        case "middle" -> t.x() - w / 2.0;
                        case "end" -> t.x() - w;
                        default -> t.x();
                    };
                    g.drawString(t.text(), (float) x, (float) t.y());
                }
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG encoder available in this Java runtime");
        }
        out.flush();
    }
}
