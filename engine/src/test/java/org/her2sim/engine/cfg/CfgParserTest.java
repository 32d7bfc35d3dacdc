// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.cfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.RunConfig.GroupEntry;
import org.her2sim.engine.cfg.RunConfig.IstateGroup;
import org.her2sim.engine.cfg.RunConfig.ScheduleEntry;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.CompiledModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The CFG language: globals, parameters, node settings, groups, schedules, writer round trip and errors. */
class CfgParserTest {

    private static final Network NET = BndParser.parse("test.bnd", """
        node A { logic = B; }
        node B { logic = A; }
        node X { rate_up = 0; rate_down = 0; }
        """);

    private static RunConfig apply(String text) {
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("test.cfg", text, NET, b);
        return b.build();
    }

    private static String error(String text) {
        Throwable t = catchThrowable(() -> apply(text));
        assertThat(t).isInstanceOf(ModelException.class);
        return t.getMessage();
    }

    private static String print(Expression e) {
        return ExpressionPrinter.print(e);
    }

    private static double value(Expression e, RunConfig c) {
        return ExpressionCompiler.evaluateConstant(e, c.variables(), "a test");
    }

    // ---------------------------------------------------------------- globals

    @Test
    void defaultsAreMabosss() {
        for (RunConfig c : List.of(RunConfig.defaultConfig(), new RunConfig.Builder().build(), apply(""))) {
            assertThat(c.timeTick()).isEqualTo(0.5);
            assertThat(c.maxTime()).isEqualTo(1000.0);
            assertThat(c.sampleCount()).isEqualTo(10000L);
            assertThat(c.discreteTime()).isFalse();
            assertThat(c.threadCount()).isEqualTo(1);
            assertThat(c.statdistTrajCount()).isZero();
            assertThat(c.statdistClusterThreshold()).isEqualTo(1.0);
            assertThat(c.seed()).isZero();
            assertThat(c.displayTraj()).isFalse();
            assertThat(c.global("statdist_similarity_cache_max_size")).isEqualTo(20000.0);
            assertThat(c.variables()).isEmpty();
            assertThat(c.istates()).isEmpty();
            assertThat(c.istateGroups()).isEmpty();
            assertThat(c.schedule()).isEmpty();
            assertThat(c.refstates()).isEmpty();
            assertThat(c.isInternal("A")).isFalse();
        }
        assertThat(RunConfig.defaults().keySet()).containsExactly("time_tick", "max_time", "sample_count", "discrete_time",
            "use_physrandgen", "use_glibcrandgen", "use_mtrandgen", "seed_pseudorandom", "display_traj",
            "statdist_traj_count", "statdist_cluster_threshold", "statdist_similarity_cache_max_size", "thread_count",
            "init_pop", "pop_base");
    }

    @Test
    void globalsAreSetAndEvaluated() {
        RunConfig c = apply("""
            time_tick = 0.25;
            max_time = 2 * 50;
            sample_count = 1e3;
            discrete_time = TRUE;
            thread_count = 4;
            statdist_traj_count = 10;
            statdist_cluster_threshold = 0.8;
            seed_pseudorandom = 123;
            display_traj = False;
            """);
        assertThat(c.timeTick()).isEqualTo(0.25);
        assertThat(c.maxTime()).isEqualTo(100.0);
        assertThat(c.sampleCount()).isEqualTo(1000L);
        assertThat(c.discreteTime()).isTrue();
        assertThat(c.threadCount()).isEqualTo(4);
        assertThat(c.statdistTrajCount()).isEqualTo(10);
        assertThat(c.statdistClusterThreshold()).isEqualTo(0.8);
        assertThat(c.seed()).isEqualTo(123L);
        assertThat(c.displayTraj()).isFalse();
        assertThat(c.sources()).containsExactly("test.cfg");
    }

    @Test
    void laterSettingsWinAndSourcesAccumulate() {
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("one.cfg", "max_time = 5; time_tick = 1;", NET, b);
        CfgParser.apply("-e #1", "max_time = 7;", NET, b);
        RunConfig c = b.build();
        assertThat(c.maxTime()).isEqualTo(7.0);
        assertThat(c.timeTick()).isEqualTo(1.0);
        assertThat(c.sources()).containsExactly("one.cfg", "-e #1");
    }

    @Test
    void rngFlagsAreAccepted() {
        RunConfig c = apply("use_physrandgen = 0; use_glibcrandgen = FALSE; use_mtrandgen = True; init_pop = 1; pop_base = 1;");
        assertThat(c.global("use_physrandgen")).isEqualTo(0.0);
        assertThat(c.global("use_glibcrandgen")).isEqualTo(0.0);
        assertThat(c.global("use_mtrandgen")).isEqualTo(1.0);
    }

    @Test
    void onlyCommentsIsAValidEmptyConfiguration() {
        RunConfig c = apply("// nothing\n/* really\n nothing */\n# at all\n");
        assertThat(c.globals()).isEqualTo(RunConfig.defaults());
        assertThat(c.variables()).isEmpty();
        assertThat(c.istates()).isEmpty();
    }

    // ---------------------------------------------------------------- parameters

    @Test
    void parametersAreEvaluatedInOrderAndMayBeRedefined() {
        RunConfig c = apply("""
            $x = 1/24;
            $y = $x * 48;
            max_time = $y;
            $x = 3;
            time_tick = $x / 6;
            $z = exp(2, $x) > 7 ? 1 : 0;
            """);
        assertThat(c.variables()).containsExactly(Map.entry("x", 3.0), Map.entry("y", 1.0 / 24 * 48), Map.entry("z", 1.0));
        assertThat(c.maxTime()).isEqualTo(1.0 / 24 * 48);
        assertThat(c.timeTick()).isEqualTo(0.5);
    }

    @Test
    void undefinedParameterInAValueIsAnError() {
        assertThat(error("max_time = 2 * $nope;")).isEqualTo("test.cfg:1:16: parameter $nope is not defined");
        assertThat(error("$a = 1;\n$b = $a + $c;")).isEqualTo("test.cfg:2:11: parameter $c is not defined");
        assertThat(error("X.is_internal = $q;")).isEqualTo("test.cfg:1:17: parameter $q is not defined");
    }

    @Test
    void undefinedParameterInAnIstateFailsAtCompile() {
        RunConfig c = apply("A.istate = $later;");
        Throwable t = catchThrowable(() -> CompiledModel.compile(NET, c));
        assertThat(t).isInstanceOf(ModelException.class).hasMessage("test.cfg:1:12: parameter $later is not defined");
        // defined later in the file is fine: istates are evaluated with the final parameters
        RunConfig ok = apply("A.istate = $later; $later = 1;");
        assertThat(value(ok.istates().get("A"), ok)).isEqualTo(1.0);
        CompiledModel.compile(NET, ok);
    }

    @Test
    void nodesCannotBeUsedInValues() {
        assertThat(error("max_time = A;")).isEqualTo("test.cfg:1:12: a node name (A) cannot be used in a setting");
        assertThat(error("$p = 1 + B;")).isEqualTo("test.cfg:1:10: a node name (B) cannot be used in a parameter value");
    }

    // ---------------------------------------------------------------- node settings

    @Test
    void singleIstates() {
        RunConfig c = apply("A.istate = 1;\nB.istate = FALSE;\nX.istate = -1;");
        assertThat(c.istates().keySet()).containsExactly("A", "B", "X");
        assertThat(print(c.istates().get("A"))).isEqualTo("1");
        assertThat(value(c.istates().get("B"), c)).isEqualTo(0.0);
        assertThat(value(c.istates().get("X"), c)).isEqualTo(-1.0);
        assertThat(c.istateLocations().get("B")).isEqualTo(new SourceLocation("test.cfg", 2, 1));
    }

    @Test
    void istateGroups() {
        RunConfig c = apply("[A, B].istate = 0.3 [0, 1], 0.7 [1, 0];\n[X].istate = $w [1], 1 - $w [0]; $w = 0.25;");
        assertThat(c.istateGroups()).hasSize(2);
        IstateGroup g = c.istateGroups().get(0);
        assertThat(g.nodes()).containsExactly("A", "B");
        assertThat(g.at()).isEqualTo(new SourceLocation("test.cfg", 1, 1));
        assertThat(g.entries()).hasSize(2);
        GroupEntry e0 = g.entries().get(0);
        assertThat(print(e0.weight())).isEqualTo("0.3");
        assertThat(e0.values().stream().map(CfgParserTest::print).toList()).containsExactly("0", "1");
        assertThat(print(g.entries().get(1).weight())).isEqualTo("0.7");
        assertThat(g.entries().get(1).values().stream().map(CfgParserTest::print).toList()).containsExactly("1", "0");
        IstateGroup h = c.istateGroups().get(1);
        assertThat(h.nodes()).containsExactly("X");
        assertThat(print(h.entries().get(1).weight())).isEqualTo("1 - $w");
        assertThat(c.istateLocations()).containsEntry("A", g.at()).containsEntry("X", h.at());
    }

    @Test
    void internalRefstateInGraph() {
        RunConfig c = apply("A.is_internal = 1; B.is_internal = 0; X.refstate = 1; A.refstate = -1; B.refstate = 0; X.in_graph = TRUE;");
        assertThat(c.isInternal("A")).isTrue();
        assertThat(c.isInternal("B")).isFalse();
        assertThat(c.isInternal("X")).isFalse();
        assertThat(c.internalSettings()).containsExactly(Map.entry("A", true), Map.entry("B", false));
        assertThat(c.refstates()).containsExactly(Map.entry("X", 1), Map.entry("A", -1), Map.entry("B", 0));
        assertThat(c.inGraph()).containsExactly(Map.entry("X", true));
        // a later setting replaces an earlier one
        assertThat(apply("A.is_internal = 1; A.is_internal = 0;").isInternal("A")).isFalse();
        assertThat(apply("A.refstate = 1; A.refstate = -3;").refstates()).containsExactly(Map.entry("A", -1));
    }

    @Test
    void schedules() {
        RunConfig c = apply("X.schedule = 20: 0.1, 40: 0.9;\n$t = 2; A.schedule = $t: B ? 1 : 0;");
        assertThat(c.schedule()).hasSize(3);
        ScheduleEntry s0 = c.schedule().get(0);
        assertThat(s0.node()).isEqualTo("X");
        assertThat(s0.time()).isEqualTo(20.0);
        assertThat(print(s0.probability())).isEqualTo("0.1");
        assertThat(s0.at()).isEqualTo(new SourceLocation("test.cfg", 1, 14));
        assertThat(c.schedule().get(1).time()).isEqualTo(40.0);
        assertThat(print(c.schedule().get(1).probability())).isEqualTo("0.9");
        assertThat(c.schedule().get(2).node()).isEqualTo("A");
        assertThat(print(c.schedule().get(2).probability())).isEqualTo("B ? 1 : 0");
    }

    @Test
    void scheduleTimeUsesParametersDefinedBefore() {
        assertThat(error("A.schedule = $t: 1; $t = 2;")).isEqualTo("test.cfg:1:14: parameter $t is not defined");
    }

    @Test
    void aNewScheduleForANodeReplacesItsOldOne() {
        RunConfig c = apply("X.schedule = 20: 0.1, 40: 0.9;\nA.schedule = 1: 1;\nX.schedule = 5: 1;");
        assertThat(c.schedule()).extracting(ScheduleEntry::node, ScheduleEntry::time)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 1.0), org.assertj.core.groups.Tuple.tuple("X", 5.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X.schedule = -1: 1;|test.cfg:1:14: schedule time must be a finite number >= 0, not -1.0",
        "X.schedule = 1: 1, 1/0: 1;|test.cfg:1:20: schedule time must be a finite number >= 0, not Infinity",
        "X.schedule = 1 1;|test.cfg:1:16: expected ':' between a schedule time and its probability but found number '1'"
    })
    void badSchedules(String text, String message) {
        assertThat(error(text)).isEqualTo(message);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownSetting() {
        assertThat(error("max_time = 1;\nmax_tiem = 2;")).startsWith("test.cfg:2:1: unknown setting 'max_tiem' (known: time_tick, max_time, ");
    }

    @Test
    void unknownNode() {
        assertThat(error("Z.istate = 1;")).isEqualTo("test.cfg:1:1: unknown node 'Z'");
        assertThat(error("\n  [A, Q].istate = 1 [0, 1];")).isEqualTo("test.cfg:2:7: unknown node 'Q'");
    }

    @Test
    void unknownNodeAttribute() {
        assertThat(error("A.foo = 1;"))
            .isEqualTo("test.cfg:1:3: unknown node setting 'foo' (known: istate, is_internal, refstate, in_graph, schedule)");
        assertThat(error("[A, B].refstate = 1 [0, 1];")).isEqualTo("test.cfg:1:8: a node group only takes 'istate', not 'refstate'");
    }

    @Test
    void duplicateIstate() {
        assertThat(error("A.istate = 1;\nA.istate = 0;")).isEqualTo("test.cfg:2:1: the istate of A is already set at test.cfg:1:1");
        assertThat(error("[A, B].istate = 1 [0, 1];\nB.istate = 1;"))
            .isEqualTo("test.cfg:2:1: the istate of B is already set at test.cfg:1:1");
        assertThat(error("X.istate = 1;\n[A, X].istate = 1 [0, 1];"))
            .isEqualTo("test.cfg:2:1: the istate of X is already set at test.cfg:1:1");
        assertThat(error("[A, B].istate = 1 [0, 1];\n[B, X].istate = 1 [0, 1];"))
            .isEqualTo("test.cfg:2:1: the istate of B is already set at test.cfg:1:1");
        assertThat(error("[A, A].istate = 1 [0, 1];")).isEqualTo("test.cfg:1:1: node A appears twice in the group");
        // across files too
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("one.cfg", "A.istate = 1;", NET, b);
        assertThat(catchThrowable(() -> CfgParser.apply("two.cfg", " A.istate = 1;", NET, b)))
            .hasMessage("two.cfg:1:2: the istate of A is already set at one.cfg:1:1");
    }

    @Test
    void groupValueCountMismatch() {
        assertThat(error("[A, B].istate = 1 [0];"))
            .isEqualTo("test.cfg:1:19: the group has 2 nodes but this entry gives 1 values");
        assertThat(error("[A, B].istate = 1 [0, 1], 2 [1, 1, 0];"))
            .isEqualTo("test.cfg:1:29: the group has 2 nodes but this entry gives 3 values");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "time_tick = -0.5;|test.cfg:1:1: bad value -0.5 for time_tick",
        "time_tick = 0;|test.cfg:1:1: bad value 0.0 for time_tick",
        "max_time = 1/0;|test.cfg:1:1: bad value Infinity for max_time",
        "sample_count = 0;|test.cfg:1:1: bad value 0.0 for sample_count",
        "sample_count = 1.5;|test.cfg:1:1: bad value 1.5 for sample_count",
        "thread_count = 0;|test.cfg:1:1: bad value 0.0 for thread_count",
        "statdist_traj_count = -1;|test.cfg:1:1: bad value -1.0 for statdist_traj_count",
        "seed_pseudorandom = 0.5;|test.cfg:1:1: bad value 0.5 for seed_pseudorandom",
        "discrete_time = 0/0;|test.cfg:1:1: bad value NaN for discrete_time"
    })
    void badGlobalValues(String text, String message) {
        assertThat(error(text)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A.refstate = 2;|test.cfg:1:14: refstate of A must be 0, 1 or negative, not 2.0",
        "A.refstate = 0.5;|test.cfg:1:14: refstate of A must be 0, 1 or negative, not 0.5",
        "A.refstate = 0/0;|test.cfg:1:14: refstate of A must be 0, 1 or negative, not NaN"
    })
    void badRefstate(String text, String message) {
        assertThat(error(text)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A.istate = 1|test.cfg:1:13: expected ';' after the value of A.istate but found end of input",
        "max_time 1;|test.cfg:1:10: expected '=' after max_time but found number '1'",
        "max_time = 1 2;|test.cfg:1:14: expected ';' after the value of max_time but found number '2'",
        "1 = 2;|test.cfg:1:1: expected a setting, '$name', 'NODE.attribute' or '[A, B].istate' but found number '1'",
        "A. = 1;|test.cfg:1:4: expected an attribute (istate, is_internal, refstate, in_graph, schedule) but found '='",
        "[A, B].istate = 1 [0, 1]|test.cfg:1:25: expected ';' after the group istate but found end of input",
        "[A, B].istate = 1 (0, 1);|test.cfg:1:19: expected '[' starting the values of the group but found '('",
        "$x 1;|test.cfg:1:4: expected '=' after $x but found number '1'"
    })
    void syntaxErrors(String text, String message) {
        assertThat(error(text)).isEqualTo(message);
    }

    @Test
    void badIstateValueFailsAtCompile() {
        assertThat(catchThrowable(() -> CompiledModel.compile(NET, apply("\n B.istate = 0.5;"))))
            .isInstanceOf(ModelException.class).hasMessage("test.cfg:2:2: istate of B must be 0, 1 or negative (random), not 0.5");
        assertThat(catchThrowable(() -> CompiledModel.compile(NET, apply("[A, B].istate = 0 [0, 1], 0 [1, 0];"))))
            .isInstanceOf(ModelException.class)
            .hasMessage("test.cfg:1:1: the weights of this istate group sum to 0.0; at least one must be positive");
        assertThat(catchThrowable(() -> CompiledModel.compile(NET, apply("[A, B].istate = -1 [0, 1], 2 [1, 0];"))))
            .isInstanceOf(ModelException.class)
            .hasMessage("test.cfg:1:1: istate weight must be a finite number >= 0, not -1.0");
    }

    // ---------------------------------------------------------------- writer round trip

    private static void assertSameConfig(RunConfig a, RunConfig b) {
        assertThat(b.globals()).isEqualTo(a.globals());
        assertThat(b.variables()).isEqualTo(a.variables());
        assertThat(b.istates().keySet()).containsExactlyElementsOf(a.istates().keySet());
        for (String k : a.istates().keySet()) {
            assertThat(print(b.istates().get(k))).isEqualTo(print(a.istates().get(k)));
        }
        assertThat(b.istateGroups()).hasSameSizeAs(a.istateGroups());
        for (int i = 0; i < a.istateGroups().size(); i++) {
            IstateGroup x = a.istateGroups().get(i);
            IstateGroup y = b.istateGroups().get(i);
            assertThat(y.nodes()).isEqualTo(x.nodes());
            assertThat(y.entries()).hasSameSizeAs(x.entries());
            for (int k = 0; k < x.entries().size(); k++) {
                assertThat(print(y.entries().get(k).weight())).isEqualTo(print(x.entries().get(k).weight()));
                assertThat(y.entries().get(k).values().stream().map(CfgParserTest::print).toList())
                    .isEqualTo(x.entries().get(k).values().stream().map(CfgParserTest::print).toList());
            }
        }
        assertThat(b.internalSettings()).isEqualTo(a.internalSettings());
        assertThat(b.refstates()).isEqualTo(a.refstates());
        assertThat(b.inGraph()).isEqualTo(a.inGraph());
        assertThat(b.schedule()).hasSameSizeAs(a.schedule());
        for (int i = 0; i < a.schedule().size(); i++) {
            assertThat(b.schedule().get(i).node()).isEqualTo(a.schedule().get(i).node());
            assertThat(b.schedule().get(i).time()).isEqualTo(a.schedule().get(i).time());
            assertThat(print(b.schedule().get(i).probability())).isEqualTo(print(a.schedule().get(i).probability()));
        }
    }

    private static RunConfig reparse(RunConfig c, Network net) {
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("written.cfg", CfgWriter.write(c), net, b);
        return b.build();
    }

    @Test
    void writerRoundTrip() {
        RunConfig c = apply("""
            time_tick = 0.1; max_time = 1/3; sample_count = 12345; discrete_time = 1; seed_pseudorandom = -7;
            use_mtrandgen = 1; statdist_traj_count = 3; statdist_cluster_threshold = 0.95;
            $u = 1/24; $neg = -2.5; $big = 1e300; $tiny = 5e-324; $inf = 1/0; $nan = 0/0; $mzero = -0;
            X.istate = $u > 0 ? 1 : 0;
            [A, B].istate = 0.3 [0, 1], $u * 2 [1, 1 - 1];
            A.is_internal = 1; B.is_internal = 0;
            X.refstate = 1; A.refstate = -1;
            B.in_graph = 1;
            X.schedule = 20.5: 0.1, 40: A & !B ? $u : 0;
            A.schedule = 1e-3: 1;
            """);
        String text = CfgWriter.write(c);
        RunConfig back = reparse(c, NET);
        assertSameConfig(c, back);
        assertThat(Double.compare(back.variables().get("mzero"), -0.0)).isZero();
        assertThat(back.variables().get("nan")).isNaN();
        assertThat(back.variables().get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        // writing is stable
        assertThat(CfgWriter.write(back)).isEqualTo(text);
    }

    @Test
    void writerFormat() {
        RunConfig c = apply("max_time = 3; $k = 0.5; A.istate = 1; X.schedule = 1: 1, 2: 0;");
        String text = CfgWriter.write(c);
        assertThat(text).contains("max_time = 3;\n", "time_tick = 0.5;\n", "$k = 0.5;\n", "A.istate = 1;\n",
            "X.schedule = 1: 1, 2: 0;\n");
    }

    static Stream<Path> sharedCases() throws IOException {
        Path root = Path.of(System.getProperty("her2sim.shared", "../../shared")).toAbsolutePath().normalize()
            .resolve("conformance/maboss");
        if (!Files.isDirectory(root)) {
            return Stream.of(Path.of("<conformance cases not found at " + root + ">"));
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /** Every configuration of the MaBoSS conformance cases survives write and re-read. */
    @ParameterizedTest
    @MethodSource("sharedCases")
    void sharedConfigurationsRoundTrip(Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), "skipped: " + dir);
        Path model = Files.exists(dir.resolve("model.bnd")) ? dir.resolve("model.bnd") : dir.resolve("model.bnet");
        Network net = BndParser.read(model);
        RunConfig.Builder b = new RunConfig.Builder();
        int files = 0;
        for (String cfg : List.of("model.cfg", "model_extra1.cfg", "run.cfg")) {
            if (Files.exists(dir.resolve(cfg))) {
                CfgParser.apply(dir.resolve(cfg), net, b);
                files++;
            }
        }
        Assumptions.assumeTrue(files > 0, "no cfg in " + dir);
        RunConfig c = b.build();
        assertSameConfig(c, reparse(c, net));
    }
}
