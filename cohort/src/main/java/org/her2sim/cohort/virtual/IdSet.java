// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The patient ids seen so far, to refuse repeats: the usual id of row i ({@link Patient#idOf})
 * costs one bit, any other id is kept as text.
 */
final class IdSet {
    private final BitSet usual = new BitSet();
    private final Set<String> others = new HashSet<>();

    /** Adds the id of row {@code row} (0-based); false when it was seen before. */
    boolean add(String id, int row) {
        if (id.equals(Patient.idOf(row))) {
            if (usual.get(row) || others.contains(id)) {
                return false;
            }
            usual.set(row);
            return true;
        }
        int at = usualRow(id);
        if (at >= 0 && usual.get(at) || others.contains(id)) {
            return false;
        }
        others.add(id);
        return true;
    }

    /** The row whose usual id this is, or -1. */
    static int usualRow(String id) {
        if (id.length() < 7 || id.length() > 10 || id.charAt(0) != 'P') {
            return -1;
        }
        for (int i = 1; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return -1;
            }
        }
        long n = Long.parseLong(id.substring(1)) - 1;
        return n >= 0 && n < Integer.MAX_VALUE && Patient.idOf((int) n).equals(id) ? (int) n : -1;
    }
}
