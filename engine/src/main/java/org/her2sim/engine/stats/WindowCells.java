// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/**
 * Per (time window, key) cells of exact sums: the time in partially covered windows (in units of
 * {@code time_tick / 2^31}), the sum of its per-trajectory squares (128 bits), and a difference
 * count of trajectories covering whole windows (+1 at the first window of a run, -1 after the
 * last). The four numbers of a cell sit together in one array.
 *
 * <p>Cells are laid out densely ({@code window * stride + key}) while windows times keys stays
 * small, which needs no hashing; past {@link #DENSE_LIMIT} cells they move to an open-addressing
 * table holding only touched cells, so memory follows the distinct (window, key) pairs seen.
 * Not thread-safe.
 */
final class WindowCells {
    /** Most cells kept in the dense layout (32 bytes each). */
    static final int DENSE_LIMIT = 1 << 22;
    static final int PARTIAL = 0;
    static final int SQ_HI = 1;
    static final int SQ_LO = 2;
    static final int DIFF = 3;

    private final int windows;
    private boolean dense = true;
    private int stride = 1;
    long[] data;
    // hash mode
    private long[] cellKeys;
    private int[] slots;
    private int mask;
    private int size;

    WindowCells(int windows) {
        this.windows = Math.max(1, windows);
        this.data = new long[4 * this.windows * stride];
    }

    /** Number of cell positions (some may be empty in the dense layout). */
    int capacity() {
        return dense ? windows * stride : size;
    }

    int window(int cell) {
        return dense ? cell / stride : (int) (cellKeys[cell] >>> 32);
    }

    int key(int cell) {
        return dense ? cell % stride : (int) cellKeys[cell];
    }

    boolean isEmpty(int cell) {
        int b = 4 * cell;
        return data[b] == 0 && data[b + 1] == 0 && data[b + 2] == 0 && data[b + 3] == 0;
    }

    /** The cell of (window, key); its four numbers start at {@code 4 * cell} in {@link #data}. */
    int cell(int window, int key) {
        if (dense) {
            if (key < stride) {
                return window * stride + key;
            }
            growDense(key);
            if (dense) {
                return window * stride + key;
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
        long[] d = new long[4 * windows * s];
        for (int w = 0; w < windows; w++) {
            System.arraycopy(data, 4 * w * stride, d, 4 * w * s, 4 * stride);
        }
        data = d;
        stride = s;
    }

    private void toHash() {
        long[] old = data;
        int oldStride = stride;
        dense = false;
        int n = 0;
        for (int c = 0; c < windows * oldStride; c++) {
            if (!(old[4 * c] == 0 && old[4 * c + 1] == 0 && old[4 * c + 2] == 0 && old[4 * c + 3] == 0)) {
                n++;
            }
        }
        int cap = Integer.highestOneBit(Math.max(64, n * 2)) * 2;
        cellKeys = new long[cap];
        data = new long[4 * cap];
        slots = new int[cap * 2];
        mask = slots.length - 1;
        size = 0;
        for (int c = 0; c < windows * oldStride; c++) {
            int b = 4 * c;
            if (!(old[b] == 0 && old[b + 1] == 0 && old[b + 2] == 0 && old[b + 3] == 0)) {
                int nc = hashCell(c / oldStride, c % oldStride);
                System.arraycopy(old, b, data, 4 * nc, 4);
            }
        }
    }

    private int hashCell(int window, int key) {
        long k = ((long) window << 32) | (key & 0xFFFFFFFFL);
        long h = k * 0x9E3779B97F4A7C15L;
        int s = (int) (h ^ (h >>> 29)) & mask;
        while (true) {
            int c = slots[s];
            if (c == 0) {
                return addHash(k, s);
            }
            if (cellKeys[c - 1] == k) {
                return c - 1;
            }
            s = (s + 1) & mask;
        }
    }

    private int addHash(long k, int slot) {
        int c = size++;
        if (c == cellKeys.length) {
            cellKeys = Arrays.copyOf(cellKeys, c * 2);
            data = Arrays.copyOf(data, 4 * c * 2);
        }
        cellKeys[c] = k;
        slots[slot] = c + 1;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                long h = cellKeys[i] * 0x9E3779B97F4A7C15L;
                int s = (int) (h ^ (h >>> 29)) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = i + 1;
            }
        }
        return c;
    }

    /** Adds {@code v} (any sign) to the partial sum of a cell. */
    void addPartial(int cell, long v) {
        data[4 * cell] += v;
    }

    /** Adds {@code q * q} for 0 <= q < 2^31.5 (so the square fits a long) to a cell's square sum. */
    void addSquareSmall(int cell, long q) {
        int b = 4 * cell;
        long v = q * q;
        long s = data[b + SQ_LO] + v;
        if (Long.compareUnsigned(s, data[b + SQ_LO]) < 0) {
            data[b + SQ_HI]++;
        }
        data[b + SQ_LO] = s;
    }

    /** Adds {@code d} to a cell's whole-window difference count. */
    void addDiff(int cell, long d) {
        data[4 * cell + DIFF] += d;
    }

    long partial(int cell) {
        return data[4 * cell];
    }

    long diff(int cell) {
        return data[4 * cell + DIFF];
    }

    /** The square sum of a cell as a double. */
    double square(int cell) {
        int b = 4 * cell;
        long lo = data[b + SQ_LO];
        double l = (double) (lo >>> 1) * 2.0 + (lo & 1);
        return data[b + SQ_HI] * 18446744073709551616.0 + l;
    }

    /** Adds all cells of {@code other}, with its keys translated by {@code keyMap} (identity if null). */
    void addAll(WindowCells other, int[] keyMap) {
        int cap = other.capacity();
        for (int c = 0; c < cap; c++) {
            if (other.isEmpty(c)) {
                continue;
            }
            int key = other.key(c);
            int mine = cell(other.window(c), keyMap == null ? key : keyMap[key]);
            int b = 4 * mine;
            int ob = 4 * c;
            data[b] += other.data[ob];
            long s = data[b + SQ_LO] + other.data[ob + SQ_LO];
            data[b + SQ_HI] += other.data[ob + SQ_HI] + (Long.compareUnsigned(s, data[b + SQ_LO]) < 0 ? 1 : 0);
            data[b + SQ_LO] = s;
            data[b + DIFF] += other.data[ob + DIFF];
        }
    }

    /** Non-empty cells ordered by key, then window. */
    int[] sortedByKeyThenWindow() {
        int cap = capacity();
        int n = 0;
        int[] out = new int[cap];
        if (dense) {
            for (int k = 0; k < stride; k++) {
                for (int w = 0; w < windows; w++) {
                    int c = w * stride + k;
                    if (!isEmpty(c)) {
                        out[n++] = c;
                    }
                }
            }
            return Arrays.copyOf(out, n);
        }
        // two stable counting sorts (by window, then by key): a radix sort in linear time
        int[] live = new int[size];
        int m = 0;
        int maxKey = 0;
        for (int c = 0; c < size; c++) {
            if (!isEmpty(c)) {
                live[m++] = c;
                maxKey = Math.max(maxKey, key(c));
            }
        }
        int[] byWindow = countingSort(live, m, windows, false);
        return countingSort(byWindow, m, maxKey + 1, true);
    }

    private int[] countingSort(int[] cells, int m, int buckets, boolean byKey) {
        int[] start = new int[buckets + 1];
        for (int i = 0; i < m; i++) {
            start[(byKey ? key(cells[i]) : window(cells[i])) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            int b = byKey ? key(cells[i]) : window(cells[i]);
            out[start[b]++] = cells[i];
        }
        return out;
    }
}
