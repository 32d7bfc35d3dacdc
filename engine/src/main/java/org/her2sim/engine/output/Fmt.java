// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.math.BigDecimal;
import java.math.MathContext;

/** Fast, locale-free number formatting for large output files. */
public final class Fmt {
    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

    private Fmt() {
    }

    /** Appends {@code v} with exactly {@code decimals} digits after the point (like {@code %.Nf}, 0 to 9 digits; huge values take a slower exact path). */
    public static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        if (!Double.isFinite(v) || Math.abs(v) * POW10[decimals] >= 9e18) {
            return sb.append(String.format(java.util.Locale.ROOT, "%." + decimals + "f", v));
        }
        long scale = POW10[decimals];
        long r = (long) (Math.abs(v) * scale + 0.5);
        if (v < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /** {@code v} with {@code digits} significant digits, trailing zeros removed (like C++'s default stream output). */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e15) {
            return b.toString().replace("E", "e");
        }
        return b.toPlainString();
    }
}
