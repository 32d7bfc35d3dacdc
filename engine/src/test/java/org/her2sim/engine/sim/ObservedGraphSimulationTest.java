// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.output.MabossCsvWriter;
import org.her2sim.engine.stats.ObservedGraphAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The observed graph of whole runs: A (rate 1) and B (rate 3) switch on once each and are
 * in_graph; C flips both ways and is not. From {@code <nil>} a trajectory leaves after Exp(4)
 * time, to A with probability 1/4; from A it reaches A -- B after Exp(3), from B after Exp(1).
 * Seeded runs; statistical checks within 4 standard errors.
 */
class ObservedGraphSimulationTest {
    private static final String BND = """
        node A { rate_up = 1; rate_down = 0; }
        node B { rate_up = 3; rate_down = 0; }
        node C { rate_up = 2; rate_down = 2; }
        """;
    private static final int N = 20_000;
    private static final String CFG = "A.istate = 0; B.istate = 0; C.istate = 0; A.in_graph = 1; B.in_graph = 1;"
        + " max_time = 20; time_tick = 1; sample_count = " + N + "; seed_pseudorandom = 11; statdist_traj_count = 0;";

    private static SimulationResult run(int threads) {
        Network net = BndParser.parse("graph.bnd", BND);
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("graph.cfg", CFG, net, b);
        return Simulator.run(CompiledModel.compile(net, b.build()), new Simulator.Options(threads, false, null));
    }

    private static String csv(SimulationResult r, boolean durations) throws IOException {
        StringWriter w = new StringWriter();
        MabossCsvWriter.observedGraph(w, r, durations);
        return w.toString();
    }

    @Test
    void countsAndMeanDurationsMatchTheRates() throws IOException {
        ObservedGraphAccumulator g = run(1).observedGraph();
        // observed states: bit 0 is A, bit 1 is B
        int nil = 0;
        int a = 1;
        int b = 2;
        int ab = 3;
        long toA = g.count(nil, a);
        long toB = g.count(nil, b);
        assertThat(toA + toB).isEqualTo(N);
        assertThat((double) toA / N).isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / N)));
        // both leave <nil> at total rate 4, whichever way they go
        assertThat(g.meanDuration(nil, a)).isCloseTo(0.25, within(4 * 0.25 / Math.sqrt(toA)));
        assertThat(g.meanDuration(nil, b)).isCloseTo(0.25, within(4 * 0.25 / Math.sqrt(toB)));
        assertThat(g.count(a, ab)).isEqualTo(toA);
        assertThat(g.count(b, ab)).isEqualTo(toB);
        assertThat(g.meanDuration(a, ab)).isCloseTo(1.0 / 3, within(4.0 / 3 / Math.sqrt(toA)));
        assertThat(g.meanDuration(b, ab)).isCloseTo(1.0, within(4.0 / Math.sqrt(toB)));
        // nothing switches off, and A and B never switch together
        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                boolean possible = from == nil && (to == a || to == b) || (from == a || from == b) && to == ab;
                if (!possible) {
                    assertThat(g.count(from, to)).as(from + " -> " + to).isZero();
                    assertThat(g.meanDuration(from, to)).isZero();
                }
            }
        }
        assertThat(csv(run(1), false).lines().findFirst()).contains("State\t<nil>\tA\tB\tA -- B");
        assertThat(csv(run(1), false).lines().skip(1).findFirst().orElseThrow()).isEqualTo("<nil>\t0\t" + toA + "\t" + toB + "\t0");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void sameSeedSameGraphForAnyThreadCount(int threads) throws IOException {
        SimulationResult one = run(1);
        SimulationResult many = run(threads);
        assertThat(csv(many, false)).isEqualTo(csv(one, false));
        assertThat(csv(many, true)).isEqualTo(csv(one, true));
    }

    @Test
    void noInGraphNodeGivesTheSingleNilState() throws IOException {
        Network net = BndParser.parse("graph.bnd", BND);
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("graph.cfg", CFG.replace("A.in_graph = 1; B.in_graph = 1;", "").replace(N + ";", "100;"), net, b);
        SimulationResult r = Simulator.run(CompiledModel.compile(net, b.build()), new Simulator.Options(2, false, null));
        assertThat(r.observedGraph()).isNull();
        assertThat(csv(r, false)).isEqualTo("State\t<nil>\n<nil>\t0\n");
        assertThat(csv(r, true)).isEqualTo("State\t<nil>\n<nil>\t0\n");
    }
}
