// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * CSV text: {@code # key: value} comment lines, then rows; fields quoted only when needed. Written
 * to a string, or straight to a writer (large tables need not be held in memory).
 */
public final class Csv {
    private final Appendable out;

    /** Starts a table in memory ({@link #toString()}) with its run metadata as comments. */
    public Csv(String title, Map<String, String> meta) {
        this(new StringBuilder(), title, meta);
    }

    /** Starts a table on {@code out}. */
    public Csv(Appendable out, String title, Map<String, String> meta) {
        this.out = out;
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append('\n');
        meta.forEach((k, v) -> sb.append("# ").append(k).append(": ").append(v.replace('\n', ' ')).append('\n'));
        append(sb);
    }

    /** Appends a row: strings as they are, doubles with 6 decimals (NaN empty), other values by toString. */
    public Csv row(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields[i]));
        }
        append(sb.append('\n'));
        return this;
    }

    private void append(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, for a table made in memory. */
    @Override
    public String toString() {
        return out.toString();
    }

    static String field(Object o) {
        if (o instanceof Double d) {
            return num(d);
        }
        String s = String.valueOf(o);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Six decimals; NaN and infinities empty. */
    public static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }

    /** Rounded to six decimals for JSON; NaN stays NaN (written as null). */
    public static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
    }
}
