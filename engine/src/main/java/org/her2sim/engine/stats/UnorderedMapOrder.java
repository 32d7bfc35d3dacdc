// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.List;

/**
 * The order in which GNU libstdc++'s {@code std::unordered_map} (g++ 12) iterates over keys
 * inserted one after another: the order of MaBoSS's {@code _fp.csv}, whose fixed points live in
 * such a map keyed by the network state. Keys are states as 64-bit words (node i is bit i). The
 * default MaBoSS build keys by a 64-bit integer (hash = the value); the 128- and 1024-node builds
 * by a {@code std::bitset}, hashed with libstdc++'s {@code _Hash_bytes}. Checked against orders
 * printed by the real library (test resources {@code libstdcxx/}).
 */
public final class UnorderedMapOrder {
    /** Bucket counts the map grows through (one more key than the count triggers the next). */
    private static final long[] BUCKETS = {13, 29, 59, 127, 257, 541, 1109, 2357, 5087, 10273, 20753, 42043, 85229,
        172933, 351061, 712697, 1447153, 2938679, 5967347};
    private static final long MUL = 0xc6a4a7935bd1e995L;
    private static final long SEED = 0xc70f6907L;
    private static final int NONE = -2;

    private UnorderedMapOrder() {
    }

    /** Most keys the emulation can order (the largest bucket count measured). */
    public static int maxKeys() {
        return (int) BUCKETS[BUCKETS.length - 1];
    }

    /**
     * The iteration order of a map into which {@code keys} were inserted in list order.
     *
     * @param width 64 (integer keys) or the bitset width of the MaBoSS build (128, 1024, ...)
     * @return indices into {@code keys}, in iteration order
     * @throws IllegalArgumentException for more keys than {@link #maxKeys()}
     */
    public static int[] order(List<long[]> keys, int width) {
        int n = keys.size();
        if (n > maxKeys()) {
            throw new IllegalArgumentException(n + " keys: more than the " + maxKeys() + " the emulation knows bucket counts for");
        }
        long[] hash = new long[n];
        for (int i = 0; i < n; i++) {
            hash[i] = hash(keys.get(i), width);
        }
        // a singly linked list; slot n is libstdc++'s "before begin" node, -1 ends the list;
        // a bucket holds the node before its first key, or NONE when empty
        int bb = n;
        int[] next = new int[n + 1];
        next[bb] = -1;
        int[] before = null;
        long buckets = 1;
        int grown = -1;
        for (int i = 0; i < n; i++) {
            if (i + 1 > (grown < 0 ? 0 : buckets)) {
                buckets = BUCKETS[++grown];
                // rehash: walk the old list, threading each key into the new buckets
                int[] nb = new int[(int) buckets];
                java.util.Arrays.fill(nb, NONE);
                int p = next[bb];
                next[bb] = -1;
                int firstBucket = 0;
                while (p != -1) {
                    int after = next[p];
                    int b = bucket(hash[p], buckets);
                    if (nb[b] == NONE) {
                        link(next, bb, p);
                        nb[b] = bb;
                        if (next[p] != -1) {
                            nb[firstBucket] = p;
                        }
                        firstBucket = b;
                    } else {
                        link(next, nb[b], p);
                    }
                    p = after;
                }
                before = nb;
            }
            int b = bucket(hash[i], buckets);
            if (before[b] == NONE) {
                link(next, bb, i);
                if (next[i] != -1) {
                    before[bucket(hash[next[i]], buckets)] = i;
                }
                before[b] = bb;
            } else {
                link(next, before[b], i);
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int p = next[bb]; p != -1; p = next[p]) {
            out[k++] = p;
        }
        return out;
    }

    private static void link(int[] next, int after, int node) {
        next[node] = next[after];
        next[after] = node;
    }

    private static int bucket(long hash, long buckets) {
        return (int) Long.remainderUnsigned(hash, buckets);
    }

    /** The key's hash: the integer itself for width 64, libstdc++'s {@code _Hash_bytes} of the bitset's bytes otherwise. */
    static long hash(long[] key, int width) {
        if (width == 64) {
            return key.length == 0 ? 0 : key[0];
        }
        int words = width / 64;
        long len = words * 8L;
        long h = SEED ^ (len * MUL);
        for (int w = 0; w < words; w++) {
            long data = shiftMix((w < key.length ? key[w] : 0) * MUL) * MUL;
            h ^= data;
            h *= MUL;
        }
        h = shiftMix(h) * MUL;
        return shiftMix(h);
    }

    private static long shiftMix(long v) {
        return v ^ (v >>> 47);
    }
}
