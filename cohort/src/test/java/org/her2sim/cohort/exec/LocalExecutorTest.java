// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.her2sim.engine.sim.SeedTree;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {
    static List<WorkItem<Long>> items(int n) {
        List<WorkItem<Long>> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(new WorkItem<>("item" + i, i));
        }
        return out;
    }

    /** A pure function: a few draws from a stream seeded by the item, some busy work. */
    static final Work<Long, Double> WORK = item -> {
        RandomGenerator rng = SeedTree.trajectory(42, item.input());
        double s = 0;
        for (int k = 0; k < 1000 + 97 * (int) (item.input() % 7); k++) {
            s += rng.nextDouble();
        }
        return s;
    };

    @Test
    void resultsInInputOrderAndTheSameForAnyThreadCount() throws Exception {
        List<Double> one = new LocalExecutor(1).run(items(50), WORK, Progress.none());
        List<Double> three = new LocalExecutor(3).run(items(50), WORK, Progress.none());
        assertThat(three).isEqualTo(one);
        for (int i = 0; i < 50; i++) {
            assertThat(one.get(i)).isEqualTo(WORK.apply(items(50).get(i)));
        }
    }

    @Test
    void progressIsToldOfEveryItemOnce() {
        List<Integer> seen = new ArrayList<>();
        new LocalExecutor(2).run(items(20), WORK, (i, item, r) -> {
            assertThat(item.key()).isEqualTo("item" + i);
            seen.add(i);
        });
        assertThat(seen).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aFailureIsRethrownAndCheckedOnesAreWrapped() {
        Work<Long, Double> bad = item -> {
            if (item.input() == 3) {
                throw new IllegalArgumentException("three");
            }
            return 1.0;
        };
        assertThatThrownBy(() -> new LocalExecutor(2).run(items(10), bad, Progress.none())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("three");
        Work<Long, Double> io = item -> {
            throw new IOException("disk");
        };
        assertThatThrownBy(() -> new LocalExecutor(1).run(items(2), io, Progress.none())).isInstanceOf(WorkFailedException.class)
            .hasMessageContaining("item0").hasRootCauseMessage("disk");
    }

    @Test
    void itemsAfterAFailureAreNotStarted() {
        AtomicInteger calls = new AtomicInteger();
        Work<Long, Double> bad = item -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no");
        };
        assertThatThrownBy(() -> new LocalExecutor(1).run(items(10), bad, Progress.none())).isInstanceOf(IllegalStateException.class);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(new LocalExecutor(2).run(items(0), WORK, Progress.none())).isEmpty();
        assertThat(new LocalExecutor(2).name()).isEqualTo("local (2 threads)");
    }
}
