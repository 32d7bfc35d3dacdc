// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.her2sim.engine.sim.Simulator;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.Test;

/** The batch runner on the bundled 183-node model: the same numbers as one simulation per scenario, each trajectory run once. */
class BatchTest {
    static final long SEED = 3;

    static Catalog catalog() throws IOException {
        return Catalog.load();
    }

    static void assertSame(PhenotypeResult actual, PhenotypeResult expected, double tolerance) {
        assertThat(actual.values().keySet()).containsExactlyElementsOf(expected.values().keySet());
        assertThat(actual.trajectories()).isEqualTo(expected.trajectories());
        expected.values().forEach((node, e) -> {
            assertThat(actual.get(node).p()).as(node).isCloseTo(e.p(), within(tolerance));
            assertThat(actual.get(node).se()).as(node).isCloseTo(e.se(), within(tolerance));
        });
        expected.course().forEach((node, c) -> {
            for (int w = 0; w < c.length; w++) {
                assertThat(actual.course().get(node)[w]).as("%s window %d", node, w).isCloseTo(c[w], within(tolerance));
            }
        });
    }

    @Test
    void marginalsGiveWhatTheFullStatisticsGave() throws IOException {
        Catalog c = catalog();
        Profile.Resolved p = ProfileReader.find("pik3ca_mutant", c).resolve(c, false);
        Scenario s = Scenario.of(p, List.of("trastuzumab"));
        var model = s.compile(c, s.mechanisms(), SEED, 400);
        PhenotypeResult full = Simulation.read(Simulator.run(model, new Simulator.Options(2, false, null)).probTraj(), c.response(),
            model.timeTick());
        PhenotypeResult marginals = Simulation.runClone(c, s, s.mechanisms(), SEED, 400, 2);
        // the full statistics round each state's time per window; the marginals each node's: both to tick / 2^31
        assertSame(marginals, full, 1e-7);
        assertThat(full.get("ADCC").p()).isBetween(0.3, 1.0);
    }

    @Test
    void aBatchGivesWhatSimulationGivesAndRunsEachTrajectoryOnce() throws IOException {
        Catalog c = catalog();
        Profile.Resolved p = ProfileReader.find("pik3ca_mutant", c).resolve(c, false);
        Scenario untreated = Scenario.of(p, List.of());
        Scenario treated = untreated.under(List.of("trastuzumab"));
        int n = 2 * Batch.BLOCK + Batch.BLOCK / 2;
        Batch b = new Batch(c, SEED, n, 2);
        assertThat(b.blocks()).isEqualTo(3);
        PhenotypeResult first = b.run(treated, 1);
        assertThat(first.trajectories()).isEqualTo(Batch.BLOCK);
        assertSame(b.block(treated, 0), first, 0);
        PhenotypeResult all = b.run(treated);
        assertThat(b.simulated()).isEqualTo(n);
        assertSame(all, Simulation.run(c, treated, SEED, n, 1), 1e-12);
        assertThat(b.simulated()).isEqualTo(n);
        b.run(untreated);
        assertThat(b.simulated()).isEqualTo(2 * n);
        // pooled blocks are the trajectory-weighted mean of the blocks
        double mean = (b.block(treated, 0).get("ADCC").p() * Batch.BLOCK + b.block(treated, 1).get("ADCC").p() * Batch.BLOCK
            + b.block(treated, 2).get("ADCC").p() * (Batch.BLOCK / 2)) / n;
        assertThat(all.get("ADCC").p()).isCloseTo(mean, within(1e-12));
        // another thread count, the same numbers
        Batch one = new Batch(c, SEED, n, 1);
        assertSame(one.run(treated), all, 0);
        assertSame(one.block(treated, 2), b.block(treated, 2), 0);
    }
}
