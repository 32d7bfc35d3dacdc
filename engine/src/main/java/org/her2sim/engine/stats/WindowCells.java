// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/**
 * Per (time window, key) cells of exact sums: the time in partially covered windows (in units of
 * {@code time_tick / 2^31}), its per-trajectory square, and a difference count of trajectories
 * that cover whole windows (+1 at the first window of a run, -1 after the last). Only touched
 * cells exist, so memory follows the number of distinct (window, key) pairs. Not thread-safe.
 */
final class WindowCells {
    private long[] cellKeys = new long[64];
    private int[] slots = new int[128];
    private int mask = 127;
    int size;
    long[] partial = new long[64];
    final Int128Array partialSquare = new Int128Array(64);
    long[] fullDiff = new long[64];

    private static long pack(int window, int key) {
        return ((long) window << 32) | (key & 0xFFFFFFFFL);
    }

    static int windowOf(long packed) {
        return (int) (packed >>> 32);
    }

    static int keyOf(long packed) {
        return (int) packed;
    }

    long packedKey(int cell) {
        return cellKeys[cell];
    }

    /** The cell of (window, key), created empty if missing. */
    int cell(int window, int key) {
        long k = pack(window, key);
        long h = k * 0x9E3779B97F4A7C15L;
        int s = (int) (h ^ (h >>> 29)) & mask;
        while (true) {
            int c = slots[s];
            if (c == 0) {
                return add(k, s);
            }
            if (cellKeys[c - 1] == k) {
                return c - 1;
            }
            s = (s + 1) & mask;
        }
    }

    private int add(long k, int slot) {
        int c = size++;
        if (c == cellKeys.length) {
            int n = cellKeys.length * 2;
            cellKeys = Arrays.copyOf(cellKeys, n);
            partial = Arrays.copyOf(partial, n);
            fullDiff = Arrays.copyOf(fullDiff, n);
            partialSquare.grow(n);
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

    /** Adds all cells of {@code other}, with its keys translated by {@code keyMap} (identity if null). */
    void addAll(WindowCells other, int[] keyMap) {
        for (int c = 0; c < other.size; c++) {
            long k = other.cellKeys[c];
            int key = keyOf(k);
            int mine = cell(windowOf(k), keyMap == null ? key : keyMap[key]);
            partial[mine] += other.partial[c];
            partialSquare.addFrom(mine, other.partialSquare, c);
            fullDiff[mine] += other.fullDiff[c];
        }
    }

    /** Cell indices ordered by key, then window. */
    Integer[] sortedByKeyThenWindow() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int ka = keyOf(cellKeys[a]);
            int kb = keyOf(cellKeys[b]);
            if (ka != kb) {
                return Integer.compare(ka, kb);
            }
            return Integer.compare(windowOf(cellKeys[a]), windowOf(cellKeys[b]));
        });
        return order;
    }
}
