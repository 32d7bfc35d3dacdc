// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;

/**
 * Interns output states: each distinct bit vector (a fixed number of 64-bit words) gets a small
 * int id, in order of first appearance. One table per worker thread; tables are reconciled by
 * state value when results merge, so ids never leak into outputs. Not thread-safe.
 */
public final class StateTable {
    private final int width;
    private long[] keys;
    private int[] slots;
    private int size;
    private int mask;
    private long[] inline = new long[2 * 64];
    private int inlineMask = 63;

    /** @param width number of 64-bit words per state (at least 1) */
    public StateTable(int width) {
        this.width = Math.max(1, width);
        this.keys = new long[16 * this.width];
        this.slots = new int[64];
        this.mask = slots.length - 1;
    }

    /** Words per state. */
    public int width() {
        return width;
    }

    /** Number of distinct states. */
    public int size() {
        return size;
    }

    private static int hash(long[] k, int off, int width) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < width; i++) {
            h = (h ^ k[off + i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** The id of a state given as {@code width} words, adding it if new. */
    public int intern(long[] key) {
        if (width == 1) {
            return intern(key[0]);
        }
        int h = hash(key, 0, width) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                return add(key, h);
            }
            int id = s - 1;
            if (equalsAt(id, key)) {
                return id;
            }
            h = (h + 1) & mask;
        }
    }

    /**
     * The id of a one-word state, adding it if new (only when {@code width == 1}). One-word states
     * are found through {@code inline}, which keeps each key beside its id (one cache line per
     * probe instead of two).
     */
    public int intern(long key) {
        int h = hash1(key) & inlineMask;
        while (true) {
            long id = inline[2 * h + 1];
            if (id == 0) {
                int newId = add(new long[] {key}, -1);
                inline[2 * h] = key;
                inline[2 * h + 1] = newId + 1;
                if (size * 2 > inlineMask + 1) {
                    growInline();
                }
                return newId;
            }
            if (inline[2 * h] == key) {
                return (int) id - 1;
            }
            h = (h + 1) & inlineMask;
        }
    }

    private void growInline() {
        int cap = (inlineMask + 1) * 2;
        long[] t = new long[2 * cap];
        int m = cap - 1;
        for (int id = 0; id < size; id++) {
            int h = hash1(keys[id]) & m;
            while (t[2 * h + 1] != 0) {
                h = (h + 1) & m;
            }
            t[2 * h] = keys[id];
            t[2 * h + 1] = id + 1;
        }
        inline = t;
        inlineMask = m;
    }

    private static int hash1(long k) {
        long h = (0x9E3779B97F4A7C15L ^ k) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32));
    }

    private boolean equalsAt(int id, long[] key) {
        int off = id * width;
        for (int i = 0; i < width; i++) {
            if (keys[off + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(long[] key, int slot) {
        int id = size++;
        if ((long) size * width > keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        System.arraycopy(key, 0, keys, id * width, width);
        if (slot < 0) {
            return id;
        }
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int h = (width == 1 ? hash1(keys[id]) : hash(keys, id * width, width)) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = id + 1;
        }
    }

    /** A copy of the words of state {@code id}. */
    public long[] key(int id) {
        return Arrays.copyOfRange(keys, id * width, (id + 1) * width);
    }

    /** Word {@code w} of state {@code id}. */
    long word(int id, int w) {
        return keys[id * width + w];
    }

    /** True when bit {@code bit} of state {@code id} is set. */
    public boolean bit(int id, int bit) {
        return (keys[id * width + (bit >>> 6)] & (1L << bit)) != 0;
    }

    /** For each id of {@code other}, the id of the same state here (added where missing). */
    public int[] remap(StateTable other) {
        int[] map = new int[other.size];
        for (int id = 0; id < other.size; id++) {
            map[id] = intern(other.key(id));
        }
        return map;
    }
}
