// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The observed graph's tallies on hand-made trajectories: what counts as a transition, and exact durations. */
class ObservedGraphAccumulatorTest {

    /** A state of {@code n} nodes with the given ones on. */
    private static long[] state(int n, int... on) {
        long[] s = new long[(n + 63) / 64];
        for (int i : on) {
            s[i >>> 6] |= 1L << i;
        }
        return s;
    }

    @Test
    void onlyChangesOfInGraphNodesCountAndDurationsRunFromTheLastChange() {
        // nodes 1 and 70 are in the graph (bit 0 and bit 1 of the observed state); node 5 is not
        ObservedGraphAccumulator g = new ObservedGraphAccumulator(new int[] {1, 70}, 0.1);
        assertThat(g.states()).isEqualTo(4);
        g.start(state(80));
        g.transition(state(80, 5), 0.3);        // node 5 only: not seen
        g.transition(state(80, 5, 1), 1.0);     // <nil> -> {1} after 1.0
        g.transition(state(80, 1), 1.5);        // node 5 again: not seen
        g.transition(state(80, 1, 70), 1.75);   // {1} -> {1, 70} after 0.75
        g.transition(state(80, 70), 2.0);       // {1, 70} -> {70} after 0.25
        g.start(state(80, 1));                  // a second trajectory
        g.transition(state(80, 1, 70), 0.25);   // {1} -> {1, 70} after 0.25
        assertThat(g.count(0, 1)).isEqualTo(1);
        assertThat(g.count(1, 3)).isEqualTo(2);
        assertThat(g.count(3, 2)).isEqualTo(1);
        assertThat(g.count(0, 2)).isZero();
        assertThat(g.count(1, 0)).isZero();
        assertThat(g.meanDuration(0, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(g.meanDuration(1, 3)).isCloseTo(0.5, within(1e-12));
        assertThat(g.meanDuration(3, 2)).isCloseTo(0.25, within(1e-12));
        assertThat(g.meanDuration(2, 0)).isZero();
    }

    @Test
    void mergeIsExactInAnyOrder() {
        // durations that are not sums of binary fractions: merged in either order, the means agree to the bit
        double[] times = {0.1, 0.7, 1.3, 0.2, 2.9, 0.05, 0.33};
        ObservedGraphAccumulator all = new ObservedGraphAccumulator(new int[] {0}, 0.1);
        ObservedGraphAccumulator a = new ObservedGraphAccumulator(new int[] {0}, 0.1);
        ObservedGraphAccumulator b = new ObservedGraphAccumulator(new int[] {0}, 0.1);
        for (int i = 0; i < times.length; i++) {
            for (ObservedGraphAccumulator g : new ObservedGraphAccumulator[] {all, i % 3 == 0 ? a : b}) {
                g.start(state(1));
                g.transition(state(1, 0), times[i]);
            }
        }
        ObservedGraphAccumulator ab = new ObservedGraphAccumulator(new int[] {0}, 0.1);
        ab.merge(a);
        ab.merge(b);
        ObservedGraphAccumulator ba = new ObservedGraphAccumulator(new int[] {0}, 0.1);
        ba.merge(b);
        ba.merge(a);
        assertThat(ab.count(0, 1)).isEqualTo(ba.count(0, 1)).isEqualTo(all.count(0, 1)).isEqualTo(times.length);
        assertThat(ab.meanDuration(0, 1)).isEqualTo(ba.meanDuration(0, 1)).isEqualTo(all.meanDuration(0, 1));
        double mean = java.util.Arrays.stream(times).average().orElseThrow();
        assertThat(ab.meanDuration(0, 1)).isCloseTo(mean, within(1e-9));
    }

    @Test
    void atMostTenNodes() {
        assertThatThrownBy(() -> new ObservedGraphAccumulator(new int[11], 0.1)).hasMessageContaining("at most 10");
    }
}
