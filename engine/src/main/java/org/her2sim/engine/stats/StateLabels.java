// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Names output states by their active nodes ({@code A -- B}, {@code <nil>} for none) and orders
 * them as their names sort, without building and comparing the names: since node names are
 * identifiers, whose characters all sort after the separator's space and after the end of a
 * string, comparing two labels as strings is comparing their sequences of node names one name
 * at a time, and a name compares as its rank among the output names.
 */
public final class StateLabels {
    private final String[] names;
    private final int[] nameRank;

    /** @param outputNames the output nodes' names, in node order */
    public StateLabels(List<String> outputNames) {
        names = outputNames.toArray(new String[0]);
        Integer[] byName = new Integer[names.length];
        for (int k = 0; k < names.length; k++) {
            byName[k] = k;
        }
        Arrays.sort(byName, (a, b) -> names[a].compareTo(names[b]));
        nameRank = new int[names.length];
        for (int r = 0; r < names.length; r++) {
            nameRank[byName[r]] = r;
        }
    }

    /** The label of state {@code id} of a table. */
    public String label(StateTable table, int id) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < names.length; k++) {
            if (table.bit(id, k)) {
                if (sb.length() > 0) {
                    sb.append(" -- ");
                }
                sb.append(names[k]);
            }
        }
        return sb.length() == 0 ? "<nil>" : sb.toString();
    }

    private int next(StateTable t, int id, int k) {
        for (int j = k + 1; j < names.length; j++) {
            if (t.bit(id, j)) {
                return j;
            }
        }
        return -1;
    }

    /** Compares two states as their labels compare. */
    int compare(StateTable t, int a, int b) {
        if (t.width() == 1) {
            // walk the active nodes of both states in node order with bit tricks
            long x = t.word(a, 0);
            long y = t.word(b, 0);
            while (true) {
                if (x == 0 || y == 0) {
                    return x == 0 ? (y == 0 ? 0 : -1) : 1;
                }
                int ka = Long.numberOfTrailingZeros(x);
                int kb = Long.numberOfTrailingZeros(y);
                if (ka != kb) {
                    return Integer.compare(nameRank[ka], nameRank[kb]);
                }
                x &= x - 1;
                y &= y - 1;
            }
        }
        int ka = next(t, a, -1);
        int kb = next(t, b, -1);
        while (true) {
            if (ka < 0 || kb < 0) {
                return ka < 0 ? (kb < 0 ? 0 : -1) : 1;
            }
            if (ka != kb) {
                return Integer.compare(nameRank[ka], nameRank[kb]);
            }
            ka = next(t, a, ka);
            kb = next(t, b, kb);
        }
    }

    /** Each id's rank when the table's states are sorted by label. */
    public int[] ranks(StateTable t) {
        int n = t.size();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(t, ids, tmp, 0, n);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[ids[r]] = r;
        }
        return rank;
    }

    private void mergeSort(StateTable t, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && compare(t, a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(t, a, tmp, lo, mid);
        mergeSort(t, a, tmp, mid, hi);
        if (compare(t, a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && compare(t, tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
