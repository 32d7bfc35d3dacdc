// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The label order computed from name ranks is exactly the string order of the labels. */
class StateLabelsTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 19, 64, 70, 130})
    void ranksSortLikeTheLabelStrings(int outputs) {
        Random rnd = new Random(outputs);
        // names that are prefixes of one another, digits and underscores, in no particular order
        String[] pool = {"A", "AB", "A_1", "B", "a", "Z9", "_x", "AB2", "CDK4", "CDK46", "p53", "p53_h", "Mdm2N", "M"};
        List<String> names = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            names.add(pool[k % pool.length] + (k >= pool.length ? "n" + k : ""));
        }
        StateLabels labels = new StateLabels(names);
        int width = (outputs + 63) / 64;
        StateTable table = new StateTable(width);
        table.intern(new long[width]); // <nil>
        for (int i = 0; i < 400; i++) {
            long[] key = new long[width];
            for (int k = 0; k < outputs; k++) {
                if (rnd.nextInt(4) == 0) {
                    key[k >>> 6] |= 1L << k;
                }
            }
            table.intern(key);
        }
        int[] rank = labels.ranks(table);
        Integer[] ids = new Integer[table.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, Comparator.comparing(i -> labels.label(table, i)));
        for (int r = 0; r < ids.length; r++) {
            assertThat(rank[ids[r]]).as("rank of %s", labels.label(table, ids[r])).isEqualTo(r);
        }
        assertThat(labels.label(table, 0)).isEqualTo("<nil>");
        assertThat(rank[0]).isZero();
    }
}
