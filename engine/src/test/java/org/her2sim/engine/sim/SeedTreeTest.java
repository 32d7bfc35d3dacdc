// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Trajectory streams depend on (seed, index) only, and different seeds share no stream. */
class SeedTreeTest {

    private static long first(long seed, long index) {
        return SeedTree.trajectory(seed, index).nextLong();
    }

    @Test
    void sameSeedAndIndexGiveTheSameStream() {
        RandomGenerator a = SeedTree.trajectory(42, 7);
        RandomGenerator b = SeedTree.trajectory(42, 7);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        assertThat(a.getClass().getSimpleName()).isEqualTo(SeedTree.ALGORITHM);
    }

    @Test
    void seedsDoNotShareTrajectories() {
        // with MaBoSS's seed + i, seeds 100 and 777 would share trajectories 677.. of seed 100
        Set<Long> firstDraws = new HashSet<>();
        for (long i = 0; i < 20_000; i++) {
            firstDraws.add(first(100, i));
        }
        int shared = 0;
        for (long i = 0; i < 20_000; i++) {
            if (firstDraws.contains(first(777, i))) {
                shared++;
            }
        }
        assertThat(shared).isZero();
        assertThat(firstDraws).hasSize(20_000);
    }

    @Test
    void childSeedsAreDistinctAcrossParentsAndIndices() {
        Set<Long> seen = new HashSet<>();
        for (long parent = 0; parent < 50; parent++) {
            for (long index = 0; index < 1000; index++) {
                assertThat(seen.add(SeedTree.child(parent, index))).isTrue();
            }
        }
    }
}
