// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.output.PlotWriter;
import org.her2sim.engine.stats.ProbTraj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Node marginals ({@link Simulator#runMarginals}) against the full probability trajectories, threads and blocks. */
class MarginalsTest {
    private static final String BND = """
        node A { rate_up = @logic ? 1.5 : 0; rate_down = @logic ? 0 : 2; logic = !C | B; }
        node B { rate_up = @logic ? 0.7 : 0; rate_down = @logic ? 0 : 0.4; logic = A; }
        node C { rate_up = @logic ? 3 : 0; rate_down = @logic ? 0 : 1; logic = A & !B; }
        node D { rate_up = @logic ? 0.2 : 0; rate_down = @logic ? 0 : 0.5; logic = C | X; }
        node X { rate_up = 0; rate_down = 0; }
        """;

    private static CompiledModel compile(double tick, double maxTime, long seed, int samples) {
        Network net = BndParser.parse("m.bnd", BND);
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("m.cfg", "[A, B].istate = 0.3 [0, 0], 0.7 [1, 0]; C.istate = -1; D.istate = 0; X.istate = 0;"
            + " C.is_internal = 1; X.schedule = 2.5: 1; time_tick = " + tick + "; max_time = " + maxTime
            + "; sample_count = " + samples + "; seed_pseudorandom = " + seed + ";", net, b);
        return CompiledModel.compile(net, b.build());
    }

    @ParameterizedTest
    @CsvSource({"1, 10, 1", "0.3, 5.05, 7", "0.5, 4, 42", "2, 3, 3"})
    void marginalsAreTheSumsOfTheStatesProbabilities(double tick, double maxTime, long seed) {
        CompiledModel m = compile(tick, maxTime, seed, 3000);
        ProbTraj pt = Simulator.run(m, new Simulator.Options(2, false, null)).probTraj();
        Marginals mg = Simulator.runMarginals(m, 2);
        assertThat(mg.nodes()).containsExactlyInAnyOrder("A", "B", "D", "X");
        assertThat(mg.trajectories()).isEqualTo(3000);
        assertThat(mg.windows()).isEqualTo(pt.windows().size());
        double[][] expected = PlotWriter.nodeProbabilities(pt, mg.nodes());
        for (int k = 0; k < mg.nodes().size(); k++) {
            for (int w = 0; w < mg.windows(); w++) {
                assertThat(mg.probability()[k][w]).as("%s in window %d", mg.nodes().get(k), w).isCloseTo(expected[k][w], within(1e-9));
            }
        }
        // the scheduled input is off before 2.5 and on in every whole window after
        assertThat(mg.of("X")[0]).isZero();
        for (int w = 0; w < mg.windows(); w++) {
            if (w * tick >= 2.5 && (w + 1) * tick <= maxTime) {
                assertThat(mg.of("X")[w]).isCloseTo(1.0, within(1e-9));
            }
        }
        assertThat(mg.of("C")).containsOnly(0.0).hasSize(mg.windows());
    }

    @ParameterizedTest
    @CsvSource({"1, 10, 1", "0.3, 5.05, 7"})
    void sameResultOnAnyThreadCountAndInBlocks(double tick, double maxTime, long seed) {
        CompiledModel m = compile(tick, maxTime, seed, 1050);
        Marginals one = Simulator.runMarginals(m, 1);
        Marginals three = Simulator.runMarginals(m, 3);
        assertThat(three.probability()).isDeepEqualTo(one.probability());
        assertThat(three.transitions()).isEqualTo(one.transitions());
        List<Marginals> blocks1 = Simulator.runMarginalBlocks(m, 1, 0, 1050, 100);
        List<Marginals> blocks2 = Simulator.runMarginalBlocks(m, 2, 0, 1050, 100);
        assertThat(blocks1).hasSize(11);
        assertThat(blocks1.get(10).trajectories()).isEqualTo(50);
        for (int b = 0; b < blocks1.size(); b++) {
            assertThat(blocks2.get(b).probability()).isDeepEqualTo(blocks1.get(b).probability());
        }
        Marginals pooled = Marginals.pool(blocks1);
        assertThat(pooled.trajectories()).isEqualTo(1050);
        assertThat(pooled.transitions()).isEqualTo(one.transitions());
        for (int k = 0; k < one.nodes().size(); k++) {
            for (int w = 0; w < one.windows(); w++) {
                assertThat(pooled.probability()[k][w]).isCloseTo(one.probability()[k][w], within(1e-12));
            }
        }
        // blocks started later are the same trajectories as in the whole run
        List<Marginals> tail = Simulator.runMarginalBlocks(m, 2, 500, 1050, 100);
        assertThat(tail.get(0).probability()).isDeepEqualTo(blocks1.get(5).probability());
    }
}
