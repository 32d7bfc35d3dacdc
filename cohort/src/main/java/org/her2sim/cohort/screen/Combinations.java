// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.ArrayList;
import java.util.List;

/** Every single therapy and every combination of up to k of them, in input order. */
public final class Combinations {
    private Combinations() {
    }

    /**
     * Singles, then pairs, then (when {@code maxSize} is 3) triples; within a size in the order of
     * {@code therapies} (A+B, A+C, B+C, ...).
     *
     * @param maxSize 1, 2 or 3
     */
    public static List<List<String>> of(List<String> therapies, int maxSize) {
        if (maxSize < 1 || maxSize > 3) {
            throw new IllegalArgumentException("combinations of 1 to 3 therapies, not " + maxSize);
        }
        List<List<String>> out = new ArrayList<>();
        int n = therapies.size();
        for (int i = 0; i < n; i++) {
            out.add(List.of(therapies.get(i)));
        }
        if (maxSize >= 2) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    out.add(List.of(therapies.get(i), therapies.get(j)));
                }
            }
        }
        if (maxSize >= 3) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int k = j + 1; k < n; k++) {
                        out.add(List.of(therapies.get(i), therapies.get(j), therapies.get(k)));
                    }
                }
            }
        }
        return out;
    }

    /** {@code A+B}. */
    public static String name(List<String> combination) {
        return String.join("+", combination);
    }
}
