// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer for large text outputs: numbers are formatted straight into bytes, without
 * intermediate strings, and the buffer is handed to the stream when full. Labels are encoded to
 * UTF-8 once by the caller and appended as bytes. Not thread-safe.
 */
final class AsciiBuffer {
    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int n;

    AsciiBuffer(OutputStream out) {
        this.out = out;
    }

    private void room(int k) throws IOException {
        if (n + k > buf.length) {
            flush();
        }
    }

    AsciiBuffer bytes(byte[] b) throws IOException {
        if (b.length > buf.length) {
            flush();
            out.write(b);
            return this;
        }
        room(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
        return this;
    }

    AsciiBuffer text(String s) throws IOException {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    AsciiBuffer ch(char c) throws IOException {
        room(1);
        buf[n++] = (byte) c;
        return this;
    }

    AsciiBuffer integer(long v) throws IOException {
        room(21);
        if (v < 0) {
            buf[n++] = '-';
            v = -v;
        }
        int k = 0;
        do {
            digits[k++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        while (k > 0) {
            buf[n++] = digits[--k];
        }
        return this;
    }

    /** {@code v} with exactly {@code decimals} digits after the point, as {@link Fmt#fixed}. */
    AsciiBuffer fixed(double v, int decimals) throws IOException {
        if (!Double.isFinite(v) || Math.abs(v) * POW10[decimals] >= 9e18) {
            StringBuilder sb = new StringBuilder();
            Fmt.fixed(sb, v, decimals);
            return text(sb.toString());
        }
        long scale = POW10[decimals];
        long r = Fmt.scaled(v, decimals);
        if (v < 0 && r != 0) {
            ch('-');
        }
        integer(r / scale);
        if (decimals > 0) {
            room(decimals + 1);
            buf[n++] = '.';
            long f = r % scale;
            for (int i = decimals - 1; i >= 0; i--) {
                buf[n + i] = (byte) ('0' + f % 10);
                f /= 10;
            }
            n += decimals;
        }
        return this;
    }

    void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }
}
