// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/** A growable array of signed 128-bit integers (two's complement, as high and low words). */
final class Int128Array {
    private static final double TWO_64 = 18446744073709551616.0;
    long[] hi;
    long[] lo;

    Int128Array(int size) {
        hi = new long[size];
        lo = new long[size];
    }

    void grow(int size) {
        if (size > hi.length) {
            int n = Math.max(size, hi.length * 2);
            hi = Arrays.copyOf(hi, n);
            lo = Arrays.copyOf(lo, n);
        }
    }

    /** Adds the 128-bit value (vHi, vLo). */
    void add(int i, long vHi, long vLo) {
        long s = lo[i] + vLo;
        hi[i] += vHi + (Long.compareUnsigned(s, lo[i]) < 0 ? 1 : 0);
        lo[i] = s;
    }

    /** Adds q * q * sign for a non-negative q. */
    void addSquare(int i, long q, boolean negative) {
        long pHi = Math.multiplyHigh(q, q);
        long pLo = q * q;
        if (negative) {
            pHi = ~pHi + (pLo == 0 ? 1 : 0);
            pLo = -pLo;
        }
        add(i, pHi, pLo);
    }

    void addFrom(int i, Int128Array other, int j) {
        add(i, other.hi[j], other.lo[j]);
    }

    /** The value at i as a double. */
    double toDouble(int i) {
        double l = (double) (lo[i] >>> 1) * 2.0 + (lo[i] & 1);
        return hi[i] * TWO_64 + l;
    }
}
