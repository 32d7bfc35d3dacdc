// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MaBoSS's number formats: {@code --hexfloat} as glibc's {@code %a} and C++ stream output as
 * {@code %g}. Expected strings were printed by glibc 2.36 ({@code printf}, gcc 12).
 */
class FmtTest {

    @ParameterizedTest
    @CsvSource({
        "1.0, 0x1p+0", "0.5, 0x1p-1", "3.0, 0x1.8p+1", "0.1, 0x1.999999999999ap-4", "-2.5, -0x1.4p+1",
        "0.0, 0x0p+0", "-0.0, -0x0p+0", "4.9E-324, 0x0.0000000000001p-1022", "2.2250738585072014E-308, 0x1p-1022",
        "1.7976931348623157E308, 0x1.fffffffffffffp+1023", "0.9417019482, 0x1.e226c1fc326ccp-1", "1e-300, 0x1.56e1fc2f8f359p-997",
        "NaN, nan", "Infinity, inf", "-Infinity, -inf",
    })
    void hexIsGlibcPercentA(double v, String glibc) {
        assertThat(Fmt.hex(v)).isEqualTo(glibc);
    }

    /** Random bit patterns (normal, subnormal, any sign): %a's form, the value read back exactly, and Java's own hex form agreeing. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void hexReadsBackExactly(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            long bits = r.nextLong();
            if (i % 4 == 0) {
                bits &= 0x800fffffffffffffL; // subnormal
            }
            double v = Double.longBitsToDouble(bits);
            if (!Double.isFinite(v)) {
                continue;
            }
            String h = Fmt.hex(v);
            assertThat(h).matches("-?0x[01](\\.[0-9a-f]*[1-9a-f])?p[+-]\\d+");
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(h))).as(h).isEqualTo(bits);
            String java = Double.toHexString(v).replace(".0p", "p").replaceFirst("p(\\d)", "p+$1");
            assertThat(h).isEqualTo(java);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1e-5, 6, 1e-05", "1234567, 6, 1.23457e+06", "123456, 6, 123456", "0.0001, 6, 0.0001",
        "0.00012345678, 6, 0.000123457", "100, 6, 100", "1e100, 6, 1e+100", "2.5e-5, 3, 2.5e-05", "-0.0, 6, -0",
        "1e15, 6, 1e+15", "0.30000000000000004, 6, 0.3", "1.5e-7, 10, 1.5e-07", "0.9417019482123, 10, 0.9417019482",
        "4.9E-324, 6, 4.94066e-324", "1.7976931348623157E308, 6, 1.79769e+308", "-3.75e-12, 6, -3.75e-12",
        // exact ties go to even, as glibc rounds; 9.9999996e-05 rounds up into fixed notation
        "123456.5, 6, 123456", "0.125, 2, 0.12", "0.25, 1, 0.2", "9.9999996e-05, 6, 0.0001",
        "NaN, 6, nan", "Infinity, 6, inf", "-Infinity, 6, -inf",
    })
    void generalIsPercentG(double v, int precision, String glibc) {
        assertThat(Fmt.general(v, precision)).isEqualTo(glibc);
    }

    /** Random doubles of every magnitude: %g's form, notation chosen by the rounded exponent, and 17 digits read back exactly. */
    @ParameterizedTest
    @ValueSource(ints = {1, 6, 10, 17})
    void generalFormAndPrecision(int precision) {
        SplittableRandom r = new SplittableRandom(precision);
        for (int i = 0; i < 20_000; i++) {
            double v = (r.nextBoolean() ? -1 : 1) * r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
            String g = Fmt.general(v, precision);
            assertThat(g).matches("-?(\\d+(\\.\\d*[1-9])?|\\d(\\.\\d*[1-9])?e[+-]\\d{2,3})");
            String digits = g.replaceFirst("e.*", "").replaceAll("[-.]", "").replaceFirst("^0+", "");
            assertThat(digits.length()).as(g).isLessThanOrEqualTo(precision);
            double back = Double.parseDouble(g);
            if (v != 0) {
                int exp = (int) Math.floor(Math.log10(Math.abs(back)));
                assertThat(g.contains("e")).as(g).isEqualTo(exp < -4 || exp >= precision);
                // within half a unit of the last printed digit
                assertThat(Math.abs(back - v)).as(g).isLessThanOrEqualTo(0.5000001 * Math.pow(10, exp - precision + 1));
            }
            if (precision == 17) {
                assertThat(back).as(g).isEqualTo(v);
            }
        }
    }

    /** Ties round half up on the decimal value, whatever binary value the literal has (1.005 is stored as 1.00499999...). */
    @ParameterizedTest
    @CsvSource({
        "1.005, 2, 1.01", "0.125, 2, 0.13", "2.675, 2, 2.68", "1.115, 2, 1.12", "-1.005, 2, -1.01", "0.0078125, 6, 0.007813",
        "2.5, 0, 3", "-2.5, 0, -3", "0.49999999999999994, 0, 0", "1.0000005, 6, 1.000001", "0.1234565, 6, 0.123457",
        "-0.001, 2, 0.00", "1.4999999, 0, 1", "999.9995, 3, 1000.000", "12345678.5, 0, 12345679", "1e17, 2, 100000000000000000.00",
    })
    void fixedRoundsTiesHalfUpOnTheDecimalValue(double v, int decimals, String expected) throws Exception {
        assertThat(Fmt.fixed(new StringBuilder(), v, decimals).toString()).isEqualTo(expected);
        assertThat(ascii(v, decimals)).isEqualTo(expected);
    }

    /** Random values, many of them decimal ties: both fixed-point paths agree with BigDecimal's half-up on Double.toString. */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4, 6, 9})
    void fixedMatchesDecimalHalfUp(int decimals) throws Exception {
        SplittableRandom r = new SplittableRandom(decimals + 11L);
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0
                ? Double.parseDouble((r.nextBoolean() ? "-" : "") + r.nextLong(0, 10_000_000_000L) + "5e-" + (decimals + 1))
                : (r.nextBoolean() ? -1 : 1) * r.nextDouble() * Math.pow(10, r.nextInt(-8, 9));
            String want = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
            assertThat(Fmt.fixed(new StringBuilder(), v, decimals).toString()).as("%s", v).isEqualTo(want);
            assertThat(ascii(v, decimals)).as("%s", v).isEqualTo(want);
        }
    }

    private static String ascii(double v, int decimals) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AsciiBuffer b = new AsciiBuffer(bytes);
        b.fixed(v, decimals).flush();
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
