// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/**
 * Per (time window, key) cells of exact sums: the time in partially covered windows (in units of
 * {@code time_tick / 2^31}), the sum of its per-trajectory squares (128 bits), and a difference
 * count of trajectories covering whole windows (+1 at the first window of a run, -1 after the
 * last), and a second difference count that applies from the next window on: a run that starts
 * in the window after a partly covered one is counted in that partial window's cell, so a
 * trajectory's stay touches one cell fewer (one cache miss fewer on large tables). A cell is
 * addressed by its base offset in {@link #data}; its numbers sit together there.
 *
 * <p>Cells are laid out densely ({@code window * stride + key}, no hashing) while windows times
 * keys stays below {@link #DENSE_LIMIT}; past that they move to an open-addressing table that
 * keeps each cell's key beside its numbers (one cache miss per lookup) and holds only touched
 * cells, so memory follows the distinct (window, key) pairs seen. Not thread-safe.
 */
final class WindowCells {
    /** Most cells kept in the dense layout (40 bytes each). */
    static final int DENSE_LIMIT = 1 << 18;
    private static final int PARTIAL = 0;
    private static final int SQ_HI = 1;
    private static final int SQ_LO = 2;
    private static final int DIFF = 3;
    private static final int AFTER = 4;
    /** Longs per cell in the dense layout. */
    private static final int DENSE = 5;
    /** Hash layout: the packed (window, key) plus one, 0 meaning empty. */
    private static final int KEY = 5;
    /** Longs per cell in the hash layout. */
    private static final int HASHED = 6;

    private final int windows;
    private boolean dense = true;
    private int stride = 1;
    /** Longs per cell: {@link #DENSE} or {@link #HASHED}. */
    private int width = DENSE;
    long[] data;
    private int mask;
    private int size;

    WindowCells(int windows) {
        this.windows = Math.max(1, windows);
        this.data = new long[DENSE * this.windows * stride];
    }

    /** Number of cell positions, some possibly empty. */
    private int positions() {
        return data.length / width;
    }

    int window(int base) {
        return dense ? base / DENSE / stride : (int) ((data[base + KEY] - 1) >>> 32);
    }

    int key(int base) {
        return dense ? base / DENSE % stride : (int) (data[base + KEY] - 1);
    }

    private boolean isEmpty(int base) {
        if (!dense) {
            return data[base + KEY] == 0;
        }
        return isZero(data, base);
    }

    private static boolean isZero(long[] d, int b) {
        return d[b] == 0 && d[b + 1] == 0 && d[b + 2] == 0 && d[b + 3] == 0 && d[b + 4] == 0;
    }

    /** The base offset of the cell of (window, key), created if missing. */
    int cell(int window, int key) {
        if (dense) {
            if (key < stride) {
                return (window * stride + key) * DENSE;
            }
            growDense(key);
            if (dense) {
                return (window * stride + key) * DENSE;
            }
        }
        return hashCell(window, key);
    }

    private void growDense(int key) {
        int s = stride;
        while (s <= key) {
            s <<= 1;
        }
        if ((long) windows * s > DENSE_LIMIT) {
            toHash();
            return;
        }
        long[] d = new long[DENSE * windows * s];
        for (int w = 0; w < windows; w++) {
            System.arraycopy(data, DENSE * w * stride, d, DENSE * w * s, DENSE * stride);
        }
        data = d;
        stride = s;
    }

    private void toHash() {
        long[] old = data;
        int oldStride = stride;
        int cells = 0;
        for (int b = 0; b < old.length; b += DENSE) {
            if (!isZero(old, b)) {
                cells++;
            }
        }
        dense = false;
        width = HASHED;
        int cap = Integer.highestOneBit(Math.max(1024, cells * 2));
        data = new long[cap * width];
        mask = cap - 1;
        size = 0;
        for (int b = 0; b < old.length; b += DENSE) {
            if (!isZero(old, b)) {
                int c = b / DENSE;
                int nb = hashCell(c / oldStride, c % oldStride);
                System.arraycopy(old, b, data, nb, DENSE);
            }
        }
    }

    private static int slotOf(long packed, int mask) {
        long h = packed * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private int hashCell(int window, int key) {
        long tag = (((long) window << 32) | (key & 0xFFFFFFFFL)) + 1;
        int s = slotOf(tag, mask);
        while (true) {
            int base = s * HASHED;
            long k = data[base + KEY];
            if (k == tag) {
                return base;
            }
            if (k == 0) {
                data[base + KEY] = tag;
                if (++size * 4 > (mask + 1) * 3) {
                    rehash();
                    return hashCell(window, key);
                }
                return base;
            }
            s = (s + 1) & mask;
        }
    }

    private void rehash() {
        long[] old = data;
        int cap = (mask + 1) * 2;
        data = new long[cap * HASHED];
        mask = cap - 1;
        for (int b = 0; b < old.length; b += HASHED) {
            long tag = old[b + KEY];
            if (tag != 0) {
                int s = slotOf(tag, mask);
                while (data[s * HASHED + KEY] != 0) {
                    s = (s + 1) & mask;
                }
                System.arraycopy(old, b, data, s * HASHED, HASHED);
            }
        }
    }

    /** Adds {@code v} (any sign) to the partial sum of a cell. */
    void addPartial(int base, long v) {
        data[base + PARTIAL] += v;
    }

    /** Adds {@code q * q} for 0 <= q < 2^31.5 (so the square fits a long) to a cell's square sum. */
    void addSquareSmall(int base, long q) {
        long v = q * q;
        long s = data[base + SQ_LO] + v;
        if (Long.compareUnsigned(s, data[base + SQ_LO]) < 0) {
            data[base + SQ_HI]++;
        }
        data[base + SQ_LO] = s;
    }

    /** Adds {@code d} to a cell's whole-window difference count. */
    void addDiff(int base, long d) {
        data[base + DIFF] += d;
    }

    /** Adds {@code d} to a cell's difference count that applies from the next window on. */
    void addAfter(int base, long d) {
        data[base + AFTER] += d;
    }

    long partial(int base) {
        return data[base + PARTIAL];
    }

    long diff(int base) {
        return data[base + DIFF];
    }

    long after(int base) {
        return data[base + AFTER];
    }

    /** The square sum of a cell as a double. */
    double square(int base) {
        long lo = data[base + SQ_LO];
        double l = (double) (lo >>> 1) * 2.0 + (lo & 1);
        return data[base + SQ_HI] * 18446744073709551616.0 + l;
    }

    /** Adds all cells of {@code other}, with its keys translated by {@code keyMap} (identity if null). */
    void addAll(WindowCells other, int[] keyMap) {
        int n = other.positions();
        for (int p = 0; p < n; p++) {
            int ob = p * other.width;
            if (other.isEmpty(ob)) {
                continue;
            }
            int key = other.key(ob);
            int b = cell(other.window(ob), keyMap == null ? key : keyMap[key]);
            data[b + PARTIAL] += other.data[ob + PARTIAL];
            long s = data[b + SQ_LO] + other.data[ob + SQ_LO];
            data[b + SQ_HI] += other.data[ob + SQ_HI] + (Long.compareUnsigned(s, data[b + SQ_LO]) < 0 ? 1 : 0);
            data[b + SQ_LO] = s;
            data[b + DIFF] += other.data[ob + DIFF];
            data[b + AFTER] += other.data[ob + AFTER];
        }
    }

    /** The non-empty cells copied out in (key, window) order, for the final sweep. */
    record Sorted(int[] window, int[] key, long[] diff, long[] after, long[] partial, double[] square) {
        int size() {
            return key.length;
        }
    }

    /**
     * The non-empty cells, ordered by key, then window. One sequential pass over the table copies
     * each live cell out, so the sweep that follows reads compact arrays instead of jumping
     * around a large table; two stable counting sorts (by window, then by key) order them.
     */
    Sorted sorted() {
        int n = positions();
        int m = 0;
        for (int p = 0; p < n; p++) {
            if (!isEmpty(p * width)) {
                m++;
            }
        }
        int[] win = new int[m];
        int[] key = new int[m];
        long[] diff = new long[m];
        long[] after = new long[m];
        long[] partial = new long[m];
        double[] square = new double[m];
        int maxKey = 0;
        int k = 0;
        for (int p = 0; p < n; p++) {
            int b = p * width;
            if (!isEmpty(b)) {
                win[k] = window(b);
                key[k] = key(b);
                diff[k] = diff(b);
                after[k] = after(b);
                partial[k] = partial(b);
                square[k] = square(b);
                maxKey = Math.max(maxKey, key[k]);
                k++;
            }
        }
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        idx = countingSort(idx, win, windows);
        idx = countingSort(idx, key, maxKey + 1);
        int[] w2 = new int[m];
        int[] k2 = new int[m];
        long[] d2 = new long[m];
        long[] a2 = new long[m];
        long[] p2 = new long[m];
        double[] s2 = new double[m];
        for (int i = 0; i < m; i++) {
            int j = idx[i];
            w2[i] = win[j];
            k2[i] = key[j];
            d2[i] = diff[j];
            a2[i] = after[j];
            p2[i] = partial[j];
            s2[i] = square[j];
        }
        return new Sorted(w2, k2, d2, a2, p2, s2);
    }

    private static int[] countingSort(int[] idx, int[] by, int buckets) {
        int[] start = new int[buckets + 1];
        for (int i : idx) {
            start[by[i] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] out = new int[idx.length];
        for (int i : idx) {
            out[start[by[i]]++] = i;
        }
        return out;
    }

    @Override
    public String toString() {
        return (dense ? "dense " : "hashed ") + Arrays.toString(new int[] {windows, stride, size});
    }
}
