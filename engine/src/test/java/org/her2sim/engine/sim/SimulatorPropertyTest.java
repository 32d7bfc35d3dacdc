// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.engine.stats.StatDist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistical and exact properties of whole runs. Every run is seeded, so results are fixed;
 * statistical checks use {@code |p - expected| <= 4 * error + 1e-4} with the error the run reports
 * (or the Bernoulli bound {@code sqrt(p (1 - p) / n)} where no error is reported).
 */
class SimulatorPropertyTest {

    private static CompiledModel compile(String bnd, String cfg) {
        return compile(BndParser.parse("test.bnd", bnd), cfg, List.of());
    }

    private static CompiledModel compile(Network net, String cfg, List<Perturbation> perturbations) {
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("test.cfg", cfg, net, b);
        Network n = perturbations.isEmpty() ? net : Perturbation.apply(net, b, perturbations, "--ko");
        return CompiledModel.compile(n, b.build());
    }

    private static SimulationResult run(String bnd, String cfg, int threads) {
        return Simulator.run(compile(bnd, cfg), new Simulator.Options(threads, false, null));
    }

    private static SimulationResult run(String bnd, String cfg) {
        return run(bnd, cfg, 1);
    }

    /** Probability that {@code node} is on in a window: the sum over states containing it. */
    private static double nodeProba(ProbTraj.Window w, String node) {
        double p = 0;
        for (int k = 0; k < w.states().length; k++) {
            if (Arrays.asList(w.states()[k].split(" -- ")).contains(node)) {
                p += w.proba()[k];
            }
        }
        return p;
    }

    private static double error(ProbTraj.Window w, String state) {
        for (int k = 0; k < w.states().length; k++) {
            if (w.states()[k].equals(state)) {
                return w.error()[k];
            }
        }
        return 0;
    }

    private static void assertClose(double actual, double expected, double err, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs expected %s (error %s)", what, actual, expected, err)
            .isLessThanOrEqualTo(4 * err + 1e-4);
    }

    private static void assertWindowsSumToOne(ProbTraj pt) {
        for (ProbTraj.Window w : pt.windows()) {
            assertThat(Arrays.stream(w.proba()).sum()).as("window at %s", w.time()).isCloseTo(1.0, within(1e-9));
            assertThat(w.states()).isSorted();
        }
    }

    // ---------------------------------------------------------------- (a) nothing moves

    @Test
    void allRatesZeroNeverMoves() {
        SimulationResult r = run("""
            node A { rate_up = 0; rate_down = 0; }
            node B { rate_up = 0; rate_down = 0; }
            node C { }
            node D { logic = D; }
            """, "A.istate = 1; B.istate = 0; C.istate = 1; D.istate = 1; max_time = 5; time_tick = 0.5; sample_count = 1000;");
        ProbTraj pt = r.probTraj();
        assertThat(pt.trajectories()).isEqualTo(1000);
        assertThat(pt.windows()).hasSize(10);
        for (int w = 0; w < 10; w++) {
            ProbTraj.Window win = pt.windows().get(w);
            assertThat(win.time()).isEqualTo(w * 0.5);
            assertThat(win.states()).containsExactly("A -- C -- D");
            assertThat(win.proba()).containsExactly(1.0);
            assertThat(win.error()).containsExactly(0.0);
            assertThat(win.th()).isEqualTo(0.0);
            assertThat(win.h()).isEqualTo(0.0);
            assertThat(win.hd()).containsExactly(1.0);
        }
        assertThat(r.fixedPoints()).hasSize(1);
        SimulationResult.FixedPoint fp = r.fixedPoints().get(0);
        assertThat(fp.proba()).isEqualTo(1.0);
        assertThat(fp.state()).isEqualTo("A -- C -- D");
        assertThat(fp.values()).containsExactly(1, 0, 1, 1);
        assertThat(r.transitions()).isZero();
        assertThat(r.finalStates()).containsExactly(new SimulationResult.FinalState("A -- C -- D", 1.0, 0.0));
    }

    @Test
    void randomInitialStatesOfFrozenNodesAreFixedPoints() {
        SimulationResult r = run("node A { }\nnode B { }", "max_time = 2; time_tick = 1; sample_count = 20000;");
        List<SimulationResult.FixedPoint> fps = r.fixedPoints();
        assertThat(fps).hasSize(4);
        assertThat(fps.stream().mapToDouble(SimulationResult.FixedPoint::proba).sum()).isCloseTo(1.0, within(1e-12));
        double bound = Math.sqrt(0.25 * 0.75 / 20000);
        for (SimulationResult.FixedPoint fp : fps) {
            assertClose(fp.proba(), 0.25, bound, fp.state());
        }
        // frozen states: every window has the same distribution as the first
        ProbTraj pt = r.probTraj();
        assertThat(pt.windows().get(1).proba()).containsExactly(pt.windows().get(0).proba());
        assertThat(pt.windows().get(0).states()).containsExactly("<nil>", "A", "A -- B", "B");
    }

    // ---------------------------------------------------------------- (b) one flip-flop

    @ParameterizedTest(name = "u = {0}, d = {1}")
    @CsvSource({"1, 1", "2, 0.5", "0.3, 3", "5, 5"})
    void flipFlopReachesItsStationaryProbability(double u, double d) {
        SimulationResult r = run("node A { rate_up = $u; rate_down = $d; }",
            "$u = " + u + "; $d = " + d + "; A.istate = 0; max_time = 10; time_tick = 1; sample_count = 20000; seed_pseudorandom = 11;");
        ProbTraj pt = r.probTraj();
        assertWindowsSumToOne(pt);
        double p = u / (u + d);
        for (ProbTraj.Window w : pt.windows()) {
            assertThat(w.th()).isEqualTo(0.0);
            assertThat(w.thError()).isEqualTo(0.0);
            if (w.time() >= 5) {
                assertClose(w.probability("A"), p, error(w, "A"), "P(A) at " + w.time());
            }
        }
        // the first window starts from A = 0: its mean is the integral of p (1 - exp(-(u + d) t)) over [0, 1]
        double k = u + d;
        double first = p * (1 - (1 - Math.exp(-k)) / k);
        ProbTraj.Window w0 = pt.windows().get(0);
        assertClose(w0.probability("A"), first, error(w0, "A"), "P(A) in [0, 1)");
        // the flip count: about (u d / (u + d)) * 2 per unit time once stationary; at least check it is positive and bounded
        assertThat(r.transitions()).isPositive();
    }

    @Test
    void flipFlopWithHammingDistanceToReference() {
        SimulationResult r = run("node A { rate_up = 1; rate_down = 3; }",
            "A.istate = 1; A.refstate = 1; max_time = 4; time_tick = 0.5; sample_count = 5000;");
        ProbTraj pt = r.probTraj();
        assertThat(pt.referenceNodes()).isEqualTo(1);
        for (ProbTraj.Window w : pt.windows()) {
            assertThat(w.hd()).hasSize(2);
            assertThat(w.hd()[0]).isCloseTo(w.probability("A"), within(1e-12));
            assertThat(w.hd()[1]).isCloseTo(w.probability("<nil>"), within(1e-12));
        }
    }

    // ---------------------------------------------------------------- (c) independence

    @Test
    void independentFlipFlopsMultiply() {
        SimulationResult r = run("""
            node A { rate_up = 1; rate_down = 1; }
            node B { rate_up = 2; rate_down = 0.5; }
            """, "A.istate = 0; B.istate = 1; max_time = 10; time_tick = 1; sample_count = 40000; seed_pseudorandom = 5;");
        double pa = 0.5;
        double pb = 0.8;
        for (ProbTraj.Window w : r.probTraj().windows()) {
            if (w.time() < 5) {
                continue;
            }
            assertClose(w.probability("A -- B"), pa * pb, error(w, "A -- B"), "A -- B at " + w.time());
            assertClose(w.probability("A"), pa * (1 - pb), error(w, "A"), "A at " + w.time());
            assertClose(w.probability("B"), (1 - pa) * pb, error(w, "B"), "B at " + w.time());
            assertClose(w.probability("<nil>"), (1 - pa) * (1 - pb), error(w, "<nil>"), "nil at " + w.time());
            // TH for two nodes with rates a, b: -(a/(a+b)) log2(a/(a+b)) - ...; positive, at most 1 bit
            assertThat(w.th()).isGreaterThan(0).isLessThanOrEqualTo(1.0);
        }
    }

    /**
     * 18 independent flip-flops: more than 16 nodes, so the kernel picks flips with its sum tree.
     * Six nodes are visible per run (the others internal, which keeps the state count small), in
     * three runs that together cover every node.
     */
    @ParameterizedTest(name = "visible nodes = {0} mod 3")
    @ValueSource(ints = {0, 1, 2})
    void manyIndependentFlipFlopsUseTheSumTree(int visible) {
        StringBuilder bnd = new StringBuilder();
        StringBuilder cfg = new StringBuilder("max_time = 4; time_tick = 2; sample_count = 20000; seed_pseudorandom = 3;\n");
        int n = 18;
        for (int i = 0; i < n; i++) {
            bnd.append("node N").append(i).append(" { rate_up = ").append(0.5 + 0.25 * i).append("; rate_down = 5; }\n");
            cfg.append("N").append(i).append(".istate = ").append(i % 2).append(";\n");
            if (i % 3 != visible) {
                cfg.append("N").append(i).append(".is_internal = 1;\n");
            }
        }
        CompiledModel m = compile(bnd.toString(), cfg.toString());
        assertThat(m.size()).isGreaterThan(Kernel.LINEAR_MAX);
        ProbTraj pt = Simulator.run(m, new Simulator.Options(2, false, null)).probTraj();
        assertWindowsSumToOne(pt);
        ProbTraj.Window last = pt.windows().get(1);
        assertThat(last.states()).hasSizeLessThanOrEqualTo(64);
        for (int i = visible; i < n; i += 3) {
            double u = 0.5 + 0.25 * i;
            double p = u / (u + 5);
            assertClose(nodeProba(last, "N" + i), p, Math.sqrt(p * (1 - p) / 20000), "N" + i);
        }
    }

    // ---------------------------------------------------------------- (d) reproducibility

    private static final String CYCLE = """
        node A { logic = !C; rate_up = @logic ? 1.5 : 0; }
        node B { logic = A; }
        node C { logic = B | D; rate_down = @logic ? 0 : 0.7; }
        node D { rate_up = 0.1; rate_down = 0.2; }
        """;

    private static void assertSameResult(SimulationResult a, SimulationResult b) {
        ProbTraj x = a.probTraj();
        ProbTraj y = b.probTraj();
        assertThat(y.trajectories()).isEqualTo(x.trajectories());
        assertThat(y.windows()).hasSameSizeAs(x.windows());
        for (int w = 0; w < x.windows().size(); w++) {
            ProbTraj.Window p = x.windows().get(w);
            ProbTraj.Window q = y.windows().get(w);
            assertThat(q.time()).isEqualTo(p.time());
            assertThat(q.states()).containsExactly(p.states());
            assertThat(q.proba()).containsExactly(p.proba());
            assertThat(q.error()).containsExactly(p.error());
            assertThat(q.th()).isEqualTo(p.th());
            assertThat(q.thError()).isEqualTo(p.thError());
            assertThat(q.h()).isEqualTo(p.h());
            assertThat(q.hd()).containsExactly(p.hd());
        }
        assertThat(b.fixedPoints()).hasSameSizeAs(a.fixedPoints());
        for (int i = 0; i < a.fixedPoints().size(); i++) {
            assertThat(b.fixedPoints().get(i).state()).isEqualTo(a.fixedPoints().get(i).state());
            assertThat(b.fixedPoints().get(i).proba()).isEqualTo(a.fixedPoints().get(i).proba());
        }
        assertThat(b.finalStates()).isEqualTo(a.finalStates());
        assertThat(b.transitions()).isEqualTo(a.transitions());
        StatDist s = a.statDist();
        StatDist t = b.statDist();
        assertThat(t.trajectories()).hasSameSizeAs(s.trajectories());
        for (int i = 0; i < s.trajectories().size(); i++) {
            assertThat(t.trajectories().get(i).trajectory()).isEqualTo(s.trajectories().get(i).trajectory());
            assertThat(t.trajectories().get(i).states()).containsExactly(s.trajectories().get(i).states());
            assertThat(t.trajectories().get(i).proba()).containsExactly(s.trajectories().get(i).proba());
        }
        assertThat(t.clusters()).hasSameSizeAs(s.clusters());
    }

    @Test
    void sameSeedSameResultForAnyThreadCount() {
        String cfg = "max_time = 20; time_tick = 0.5; sample_count = 5000; seed_pseudorandom = 7; statdist_traj_count = 40;"
            + " A.refstate = 1; C.refstate = 0;";
        SimulationResult one = run(CYCLE, cfg, 1);
        for (int threads : new int[] {2, 3, 8}) {
            SimulationResult many = run(CYCLE, cfg, threads);
            assertThat(many.threads()).isEqualTo(threads);
            assertSameResult(one, many);
        }
        // and runs are repeatable
        assertSameResult(one, run(CYCLE, cfg, 1));
    }

    @Test
    void differentSeedDifferentResult() {
        String cfg = "max_time = 20; time_tick = 0.5; sample_count = 2000; statdist_traj_count = 5; seed_pseudorandom = ";
        ProbTraj a = run(CYCLE, cfg + "7;").probTraj();
        ProbTraj b = run(CYCLE, cfg + "8;").probTraj();
        boolean differ = false;
        for (int w = 0; w < a.windows().size() && !differ; w++) {
            differ = !Arrays.equals(a.windows().get(w).proba(), b.windows().get(w).proba());
        }
        assertThat(differ).isTrue();
    }

    @Test
    void largeModelIsThreadIndependentToo() {
        StringBuilder bnd = new StringBuilder();
        int n = 40;
        for (int i = 0; i < n; i++) {
            bnd.append("node N").append(i).append(" { logic = !N").append((i + 1) % n).append(" | N").append((i + 13) % n)
                .append("; }\n");
        }
        String cfg = "max_time = 3; time_tick = 0.5; sample_count = 1500; seed_pseudorandom = 99; statdist_traj_count = 4;";
        for (int i = 0; i < n; i++) {
            if (i % 4 != 0) {
                cfg += " N" + i + ".is_internal = 1;";
            }
        }
        assertSameResult(run(bnd.toString(), cfg, 1), run(bnd.toString(), cfg, 3));
    }

    // ---------------------------------------------------------------- (e) discrete time

    @Test
    void discreteTimeTwoCycleAlternatesExactly() {
        SimulationResult r = run("node A { logic = !A; }", "discrete_time = 1; time_tick = 1; max_time = 10; A.istate = 0; sample_count = 500;");
        List<ProbTraj.Window> ws = r.probTraj().windows();
        assertThat(ws).hasSize(10);
        for (int w = 0; w < 10; w++) {
            assertThat(ws.get(w).states()).containsExactly(w % 2 == 0 ? "<nil>" : "A");
            assertThat(ws.get(w).proba()).containsExactly(1.0);
            assertThat(ws.get(w).error()).containsExactly(0.0);
        }
        assertThat(r.transitions()).isEqualTo(500L * 9);
    }

    @Test
    void discreteTimeWithHalfTicks() {
        // tick 0.5: A flips every half unit; windows of width 0.5 alternate
        SimulationResult r = run("node A { logic = !A; }", "discrete_time = 1; time_tick = 0.5; max_time = 3; A.istate = 1; sample_count = 10;");
        List<ProbTraj.Window> ws = r.probTraj().windows();
        assertThat(ws).hasSize(6);
        for (int w = 0; w < 6; w++) {
            assertThat(ws.get(w).probability("A")).isEqualTo(w % 2 == 0 ? 1.0 : 0.0);
        }
    }

    // ---------------------------------------------------------------- (f) schedule

    @Test
    void scheduleSwitchesAnInputOn() {
        SimulationResult r = run("node X { rate_up = 0; rate_down = 0; }",
            "X.istate = 0; X.schedule = 5: 1; max_time = 10; time_tick = 1; sample_count = 300;");
        List<ProbTraj.Window> ws = r.probTraj().windows();
        for (int w = 0; w < 10; w++) {
            assertThat(ws.get(w).probability("X")).as("window %d", w).isEqualTo(w < 5 ? 0.0 : 1.0);
            assertThat(ws.get(w).proba()).containsExactly(1.0);
        }
    }

    @Test
    void scheduleSwitchesOffAtAFractionalTimeAndSplitsTheWindow() {
        SimulationResult r = run("node X { rate_up = 0; rate_down = 0; }",
            "X.istate = 1; X.schedule = 2.25: 0; max_time = 4; time_tick = 1; sample_count = 100;");
        List<ProbTraj.Window> ws = r.probTraj().windows();
        assertThat(ws.get(0).probability("X")).isEqualTo(1.0);
        assertThat(ws.get(1).probability("X")).isEqualTo(1.0);
        assertThat(ws.get(2).probability("X")).isEqualTo(0.25);
        assertThat(ws.get(2).probability("<nil>")).isEqualTo(0.75);
        assertThat(ws.get(3).probability("X")).isEqualTo(0.0);
    }

    @Test
    void scheduleProbabilityIsRespected() {
        SimulationResult r = run("node X { rate_up = 0; rate_down = 0; }",
            "X.istate = 0; X.schedule = 1: 0.3; max_time = 2; time_tick = 1; sample_count = 20000;");
        ProbTraj.Window w = r.probTraj().windows().get(1);
        assertClose(w.probability("X"), 0.3, error(w, "X"), "P(X) after the schedule");
        assertThat(r.probTraj().windows().get(0).probability("X")).isEqualTo(0.0);
    }

    @Test
    void scheduledInputDrivesItsTarget() {
        // Y follows X at rate 1 once X is on at t = 2
        SimulationResult r = run("node X { rate_up = 0; rate_down = 0; }\nY : X",
            "X.istate = 0; Y.istate = 0; X.schedule = 2: 1; max_time = 6; time_tick = 1; sample_count = 20000;");
        List<ProbTraj.Window> ws = r.probTraj().windows();
        assertThat(nodeProba(ws.get(0), "Y")).isEqualTo(0.0);
        assertThat(nodeProba(ws.get(1), "Y")).isEqualTo(0.0);
        // in window [3, 4): mean of 1 - exp(-(t - 2)) over t in [3, 4]
        double expected = 1 - (Math.exp(-1) - Math.exp(-2));
        assertClose(nodeProba(ws.get(3), "Y"), expected, error(ws.get(3), "X -- Y"), "P(Y) in [3, 4)");
    }

    /** Discrete time and a schedule: after the scheduled change the next step is one tick later, never earlier. */
    @Test
    void discreteTimeStepAfterAScheduleFromAFixedPoint() {
        SimulationResult r = run("node X { rate_up = 0; rate_down = 0; }\nnode A { rate_up = X; rate_down = 0; }",
            "discrete_time = 1; time_tick = 1; max_time = 10; X.istate = 0; A.istate = 0; X.schedule = 5: 1; sample_count = 10;");
        List<ProbTraj.Window> ws = r.probTraj().windows();
        assertWindowsSumToOne(r.probTraj());
        for (int w = 0; w < 10; w++) {
            String expected = w < 5 ? "<nil>" : w == 5 ? "X" : "X -- A";
            assertThat(ws.get(w).states()).as("window %d", w).containsExactly(expected);
            assertThat(ws.get(w).proba()).as("window %d", w).containsExactly(1.0);
        }
    }

    // ---------------------------------------------------------------- (g) bad rates at run time

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void negativeRateAtRunTimeNamesTheNodeAndTime(int threads) {
        String bnd = "node A { rate_up = B ? -1 : 0; rate_down = 0; }\nnode B { rate_up = 1; rate_down = 0; }";
        Throwable t = catchThrowable(() -> run(bnd, "A.istate = 0; B.istate = 0; max_time = 100; sample_count = 50;", threads));
        assertThat(t).isInstanceOf(ModelException.class);
        assertThat(t.getMessage()).startsWith("test.bnd:1:6: node A: rate_up is -1.0 at time ")
            .endsWith(" (rates must be finite and >= 0)");
        double time = Double.parseDouble(t.getMessage().replaceAll(".* at time ([^ ]+) .*", "$1"));
        assertThat(time).isGreaterThan(0).isLessThan(100);
    }

    @Test
    void badRateAtTimeZeroAndNaN() {
        Throwable t = catchThrowable(() -> run("node A { rate_up = -2; }", "A.istate = 0; max_time = 1; sample_count = 5;"));
        assertThat(t).isInstanceOf(ModelException.class).hasMessage("test.bnd:1:6: node A: rate_up is -2.0 at time 0.0 (rates must be finite and >= 0)");
        Throwable u = catchThrowable(() -> run("node A { rate_up = 0; rate_down = log(-1); }", "A.istate = 1; max_time = 1; sample_count = 5;"));
        assertThat(u).isInstanceOf(ModelException.class).hasMessageContaining("node A: rate_down is NaN at time 0.0");
        Throwable v = catchThrowable(() -> run("node A { rate_up = 1/0; }", "A.istate = 0; max_time = 1; sample_count = 5;"));
        assertThat(v).isInstanceOf(ModelException.class).hasMessageContaining("node A: rate_up is Infinity");
    }

    @Test
    void negativeRateInAnExpressionNodeWithManyRegulators() {
        // 17 regulators: too many for a table, so the rate is evaluated as an expression
        StringBuilder bnd = new StringBuilder("node A { rate_up = (R0");
        for (int i = 1; i < 17; i++) {
            bnd.append(" + R").append(i);
        }
        bnd.append(") > 0 ? -1 : 0; rate_down = 0; }\n");
        StringBuilder cfg = new StringBuilder("A.istate = 0; max_time = 50; sample_count = 5;");
        for (int i = 0; i < 17; i++) {
            bnd.append("node R").append(i).append(" { rate_up = ").append(i == 16 ? 1 : 0).append("; rate_down = 0; }\n");
            cfg.append(" R").append(i).append(".istate = 0;");
        }
        CompiledModel m = compile(bnd.toString(), cfg.toString());
        assertThat(m.tabulatedNodes()).isEqualTo(17);
        Throwable t = catchThrowable(() -> Simulator.run(m, new Simulator.Options(1, false, null)));
        assertThat(t).isInstanceOf(ModelException.class).hasMessageStartingWith("test.bnd:1:6: node A: rate_up is -1.0 at time ");
    }

    // ---------------------------------------------------------------- (h) knock-outs

    private static final String KO_MODEL = """
        node A { logic = !A; rate_up = @logic ? 2 : 0; rate_down = @logic ? 0 : 0.5; }
        node B { logic = A; }
        node C { logic = !A; }
        """;

    @Test
    void knockOutFixesTheNodeAtZero() {
        Network net = BndParser.parse("test.bnd", KO_MODEL);
        CompiledModel m = compile(net, "A.istate = 1; B.istate = 1; max_time = 10; time_tick = 1; sample_count = 2000;",
            List.of(Perturbation.knockOut("A")));
        SimulationResult r = Simulator.run(m, new Simulator.Options(1, false, null));
        for (ProbTraj.Window w : r.probTraj().windows()) {
            assertThat(nodeProba(w, "A")).isEqualTo(0.0);
        }
        // B decays at rate 1, C rises at rate 1; late windows are (almost) only C
        ProbTraj.Window last = r.probTraj().windows().get(9);
        assertThat(nodeProba(last, "C")).isGreaterThan(0.999);
        assertThat(r.fixedPoints()).extracting(SimulationResult.FixedPoint::state).containsExactly("C");
        // @logic still refers to the original logic
        assertThat(m.network().node("A").logic()).isNotNull();
    }

    @Test
    void knockInFixesTheNodeAtOne() {
        Network net = BndParser.parse("test.bnd", KO_MODEL);
        CompiledModel m = compile(net, "A.istate = 0; A.schedule = 3: 0; max_time = 6; time_tick = 1; sample_count = 1000;",
            List.of(Perturbation.knockIn("A")));
        SimulationResult r = Simulator.run(m, new Simulator.Options(1, false, null));
        for (ProbTraj.Window w : r.probTraj().windows()) {
            // a sum of several states' probabilities: exact up to the time quantum (tick / 2^31)
            assertThat(nodeProba(w, "A")).isCloseTo(1.0, within(1e-9));
            assertThat(w.probability("<nil>") + w.probability("B") + w.probability("C") + w.probability("B -- C")).isZero();
        }
    }

    @Test
    void knockOutAndInOfTheSameNodeIsAnError() {
        Network net = BndParser.parse("test.bnd", KO_MODEL);
        Throwable t = catchThrowable(() -> compile(net, "", List.of(Perturbation.knockOut("A"), Perturbation.knockIn("A"))));
        assertThat(t).isInstanceOf(ModelException.class).hasMessage("--ko: node A is both knocked out and knocked in");
        Throwable u = catchThrowable(() -> compile(net, "", List.of(Perturbation.knockOut("Q"))));
        assertThat(u).isInstanceOf(ModelException.class).hasMessage("--ko: unknown node 'Q' (the model has 3 nodes)");
    }

    /** Knocking out one node of an istate group keeps the other nodes' joint initial distribution. */
    @Test
    void knockOutOfAGroupMemberKeepsTheRestOfTheGroup() {
        Network net = BndParser.parse("test.bnd", """
            node A { rate_up = 0; rate_down = 0; }
            node B { rate_up = 0; rate_down = 0; }
            node C { rate_up = 0; rate_down = 0; }
            """);
        CompiledModel m = compile(net, "[A, B, C].istate = 1 [1, 1, 0], 3 [1, 0, 1]; max_time = 1; time_tick = 1; sample_count = 20000;",
            List.of(Perturbation.knockOut("A")));
        ProbTraj.Window w = Simulator.run(m, new Simulator.Options(1, false, null)).probTraj().windows().get(0);
        assertThat(nodeProba(w, "A")).isEqualTo(0.0);
        assertThat(w.probability("B -- C")).isEqualTo(0.0);
        assertThat(w.probability("<nil>")).isEqualTo(0.0);
        assertClose(w.probability("B"), 0.25, error(w, "B"), "P(B)");
        assertClose(w.probability("C"), 0.75, error(w, "C"), "P(C)");
    }

    // ---------------------------------------------------------------- (i) istate groups

    @Test
    void istateGroupWeightsAreNormalised() {
        SimulationResult r = run("node A { rate_up = 0; rate_down = 0; }\nnode B { rate_up = 0; rate_down = 0; }",
            "[A, B].istate = 1 [1, 0], 3 [0, 1]; max_time = 2; time_tick = 1; sample_count = 20000; seed_pseudorandom = 4;");
        for (ProbTraj.Window w : r.probTraj().windows()) {
            assertThat(w.states()).containsExactly("A", "B");
            assertClose(w.probability("A"), 0.25, error(w, "A"), "P(A)");
            assertThat(w.probability("A") + w.probability("B")).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void istateGroupWithOneEffectiveEntryIsFixed() {
        SimulationResult r = run("node A { rate_up = 0; rate_down = 0; }\nnode B { rate_up = 0; rate_down = 0; }\nnode C { }",
            "[A, B].istate = 0 [1, 0], 2 [0, 1]; [C].istate = 1 [1]; max_time = 1; time_tick = 1; sample_count = 100;");
        assertThat(r.probTraj().windows().get(0).states()).containsExactly("B -- C");
        assertThat(r.probTraj().windows().get(0).proba()).containsExactly(1.0);
    }

    @Test
    void randomIstateIsFiftyFifty() {
        SimulationResult r = run("node A { rate_up = 0; rate_down = 0; }\nnode B { rate_up = 0; rate_down = 0; }",
            "A.istate = -1; B.istate = 1; max_time = 1; time_tick = 1; sample_count = 20000;");
        ProbTraj.Window w = r.probTraj().windows().get(0);
        assertThat(w.states()).containsExactly("A -- B", "B");
        assertClose(w.probability("A -- B"), 0.5, error(w, "A -- B"), "P(A)");
    }

    // ---------------------------------------------------------------- (j) statdist

    @Test
    void statDistHasOneEstimatePerRecordedTrajectory() {
        SimulationResult r = run(CYCLE, "max_time = 30; time_tick = 1; sample_count = 500; statdist_traj_count = 25; seed_pseudorandom = 2;", 2);
        StatDist sd = r.statDist();
        assertThat(sd.trajectories()).hasSize(25);
        List<Long> ids = new ArrayList<>();
        for (StatDist.Estimate e : sd.trajectories()) {
            ids.add(e.trajectory());
            assertThat(Arrays.stream(e.proba()).sum()).isCloseTo(1.0, within(1e-12));
            assertThat(e.states()).isSorted().doesNotHaveDuplicates();
            assertThat(Arrays.stream(e.proba()).allMatch(p -> p > 0 && p <= 1)).as("probabilities in (0, 1]").isTrue();
        }
        assertThat(ids).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
        int members = sd.clusters().stream().mapToInt(c -> c.members().size()).sum();
        assertThat(members).isEqualTo(25);
        for (StatDist.Cluster c : sd.clusters()) {
            assertThat(Arrays.stream(c.proba()).sum()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void statDistAbsentWhenNotAskedAndCappedBySampleCount() {
        assertThat(run(CYCLE, "max_time = 2; sample_count = 10;").statDist()).isNull();
        assertThat(run(CYCLE, "max_time = 2; sample_count = 10; statdist_traj_count = 50;").statDist().trajectories()).hasSize(10);
    }

    @Test
    void statDistOfAFrozenModelIsItsState() {
        SimulationResult r = run("node A { }\nnode B { }", "A.istate = 1; B.istate = 0; max_time = 3; sample_count = 4; statdist_traj_count = 4;");
        StatDist sd = r.statDist();
        for (StatDist.Estimate e : sd.trajectories()) {
            assertThat(e.states()).containsExactly("A");
            assertThat(e.proba()).containsExactly(1.0);
        }
        assertThat(sd.clusters()).hasSize(1);
        assertThat(sd.clusters().get(0).proba()).containsExactly(1.0);
        assertThat(sd.clusters().get(0).error()).containsExactly(0.0);
    }

    // ---------------------------------------------------------------- misc

    @Test
    void internalNodesAreHiddenFromStatesButNotFromFixedPoints() {
        SimulationResult r = run("node A { }\nnode B { }", "A.istate = 1; B.istate = 1; B.is_internal = 1; max_time = 1; sample_count = 3;");
        assertThat(r.probTraj().windows().get(0).states()).containsExactly("A");
        assertThat(r.fixedPoints().get(0).state()).isEqualTo("A -- B");
        assertThat(r.model().outputNodes()).containsExactly(0);
    }

    @Test
    void windowCountIsMaxTimeOverTick() {
        assertThat(compile("node A { }", "max_time = 1; time_tick = 0.1;").windows()).isEqualTo(10);
        assertThat(compile("node A { }", "max_time = 10; time_tick = 3;").windows()).isEqualTo(3);
    }

    @Test
    void emptyModelIsRejected() {
        Throwable t = catchThrowable(() -> compile("", ""));
        assertThat(t).isInstanceOf(ModelException.class).hasMessage("test.bnd: the model has no nodes");
    }

    @Test
    void finalOnlyRunsHaveNoTrajectoriesButFinalStates() {
        CompiledModel m = compile("node A { rate_up = 1; rate_down = 0; }", "A.istate = 0; max_time = 50; sample_count = 100;");
        SimulationResult r = Simulator.run(m, new Simulator.Options(2, true, null));
        assertThat(r.probTraj()).isNull();
        assertThat(r.statDist()).isNull();
        assertThat(r.finalStates()).containsExactly(new SimulationResult.FinalState("A", 1.0, 0.0));
    }

    @Test
    void progressReachesTheSampleCount() {
        CompiledModel m = compile("node A { }", "max_time = 1; sample_count = 5000;");
        java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        Simulator.run(m, new Simulator.Options(3, false, d -> max.accumulateAndGet(d, Math::max)));
        assertThat(max.get()).isEqualTo(5000L);
    }
}
