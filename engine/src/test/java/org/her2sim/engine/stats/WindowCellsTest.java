// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every number of a cell survives the dense layout, the move to hashing, regrowth and merging. */
class WindowCellsTest {

    private static final int WINDOWS = 50;

    /** Adds random numbers to random cells of {@code c}, recording the expected sums per (window, key). */
    private static void fill(WindowCells c, Map<Long, long[]> expected, Random r, int keys, int n) {
        for (int i = 0; i < n; i++) {
            int w = r.nextInt(WINDOWS);
            int k = r.nextInt(keys);
            long d = r.nextInt(5) - 2;
            long a = r.nextInt(3) - 1;
            long p = r.nextInt(1000);
            int base = c.cell(w, k);
            c.addDiff(base, d);
            c.addAfter(base, a);
            c.addPartial(base, p);
            long[] e = expected.computeIfAbsent(((long) w << 32) | k, x -> new long[3]);
            e[0] += d;
            e[1] += a;
            e[2] += p;
        }
    }

    private static void check(WindowCells c, Map<Long, long[]> expected) {
        WindowCells.Sorted s = c.sorted();
        Map<Long, long[]> seen = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (i > 0) {
                // ordered by key, then window
                assertThat((long) s.key()[i - 1] << 32 | s.window()[i - 1]).isLessThan((long) s.key()[i] << 32 | s.window()[i]);
            }
            seen.put(((long) s.window()[i] << 32) | s.key()[i], new long[] {s.diff()[i], s.after()[i], s.partial()[i]});
        }
        expected.forEach((k, e) -> {
            if (e[0] != 0 || e[1] != 0 || e[2] != 0) {
                assertThat(seen.get(k)).as("cell %d/%d", k >>> 32, k & 0xFFFFFFFFL).containsExactly(e);
            }
        });
    }

    @Test
    void denseCellsKeepEveryCount() {
        WindowCells c = new WindowCells(WINDOWS);
        Map<Long, long[]> expected = new HashMap<>();
        fill(c, expected, new Random(1), 40, 5_000);
        assertThat(c.toString()).startsWith("dense");
        check(c, expected);
    }

    @Test
    void hashedCellsKeepEveryCountThroughRegrowthAndMerge() {
        WindowCells a = new WindowCells(WINDOWS);
        WindowCells b = new WindowCells(WINDOWS);
        Map<Long, long[]> expected = new HashMap<>();
        Random r = new Random(2);
        int keys = 4 * WindowCells.DENSE_LIMIT / WINDOWS;
        fill(a, expected, r, keys, 60_000);
        fill(b, expected, r, keys, 60_000);
        assertThat(a.toString()).startsWith("hashed");
        a.addAll(b, null);
        check(a, expected);
    }
}
