// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Fast, locale-free number formatting for large output files. */
public final class Fmt {
    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

    private Fmt() {
    }

    /**
     * Appends {@code v} with exactly {@code decimals} digits after the point (0 to 9 digits; huge
     * values take a slower exact path). Ties round half up (away from zero) on the decimal value
     * Java prints for {@code v}, so 1.005 gives 1.01 and 0.125 gives 0.13 at two decimals, whatever
     * the binary product {@code v * 10^decimals} comes to.
     */
    public static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        if (!Double.isFinite(v) || Math.abs(v) * POW10[decimals] >= 9e18) {
            return sb.append(Double.isFinite(v) ? new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP).toPlainString()
                : String.format(java.util.Locale.ROOT, "%." + decimals + "f", v));
        }
        long scale = POW10[decimals];
        long r = scaled(v, decimals);
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

    /**
     * {@code |v| * 10^decimals} rounded half up on {@code v}'s decimal value (see {@link #fixed});
     * for {@code |v| * 10^decimals < 9e18}. Only products near a half (within the product's own
     * rounding error, and 1e-6) take the exact decimal path.
     */
    static long scaled(double v, int decimals) {
        double x = Math.abs(v) * POW10[decimals];
        double floor = Math.floor(x);
        double frac = x - floor;
        if (Math.abs(frac - 0.5) > 1e-6 + x * 4e-16) {
            return (long) floor + (frac > 0.5 ? 1 : 0);
        }
        return new BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, RoundingMode.HALF_UP).unscaledValue().longValueExact();
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

    /** {@code v} as C's {@code printf("%a")} (glibc) prints it: {@code 0x1.8p+1}, {@code 0x0p+0}; MaBoSS's {@code --hexfloat}. */
    public static String hex(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        long bits = Double.doubleToRawLongBits(v);
        String sign = bits < 0 ? "-" : "";
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        if (exp == 0 && mant == 0) {
            return sign + "0x0p+0";
        }
        String lead = exp == 0 ? "0" : "1";
        int e = exp == 0 ? -1022 : exp - 1023;
        String digits = String.format("%013x", mant).replaceFirst("0+$", "");
        return sign + "0x" + lead + (digits.isEmpty() ? "" : "." + digits) + "p" + (e >= 0 ? "+" : "") + e;
    }

    /** {@code v} as C++'s default stream output with {@code precision} significant digits ({@code %g}: {@code 1e-05}, {@code 1.23457e+06}). */
    public static String general(double v, int precision) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0";
        }
        // the exact binary value, ties to even: glibc's rounding
        BigDecimal b = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= precision) {
            BigDecimal m = b.movePointLeft(exp).stripTrailingZeros();
            String ms = m.scale() <= 0 ? m.setScale(0).toPlainString() : m.toPlainString();
            return ms + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        b = b.stripTrailingZeros();
        return b.scale() <= 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
