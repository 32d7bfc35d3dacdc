// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.cfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.RunConfig.IstateGroup;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.junit.jupiter.api.Test;

/** {@link RunConfig.Builder}: clearing istates (knock-outs), copies, and checks. */
class RunConfigTest {

    private static final Network NET = BndParser.parse("t.bnd", "node A { } node B { } node C { }");

    private static RunConfig.Builder builder(String cfg) {
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("t.cfg", cfg, NET, b);
        return b;
    }

    private static List<String> printedValues(IstateGroup g, int entry) {
        return g.entries().get(entry).values().stream().map(ExpressionPrinter::print).toList();
    }

    @Test
    void clearIstateRemovesOnlyThatNodesColumnFromAGroup() {
        RunConfig.Builder b = builder("[A, B, C].istate = 1 [1, 1, 0], 3 [0, 0, 1];");
        RunConfig c = b.clearIstate("B").build();
        assertThat(c.istateGroups()).hasSize(1);
        IstateGroup g = c.istateGroups().get(0);
        assertThat(g.nodes()).containsExactly("A", "C");
        assertThat(g.entries()).hasSize(2);
        assertThat(ExpressionPrinter.print(g.entries().get(0).weight())).isEqualTo("1");
        assertThat(printedValues(g, 0)).containsExactly("1", "0");
        assertThat(ExpressionPrinter.print(g.entries().get(1).weight())).isEqualTo("3");
        assertThat(printedValues(g, 1)).containsExactly("0", "1");
        assertThat(g.at()).isEqualTo(new SourceLocation("t.cfg", 1, 1));
        // B is free again, A and C are still set by the group
        b.istate("B", org.her2sim.engine.expr.Expression.constant(0), SourceLocation.of("--ko"));
        Throwable t = catchThrowable(() -> b.istate("A", org.her2sim.engine.expr.Expression.constant(0), SourceLocation.of("x")));
        assertThat(t).isInstanceOf(ModelException.class).hasMessage("x: the istate of A is already set at t.cfg:1:1");
    }

    @Test
    void clearIstateDropsAOneNodeGroupAndASingleIstate() {
        RunConfig c = builder("[A].istate = 1 [1], 1 [0]; B.istate = 1;").clearIstate("A").clearIstate("B").build();
        assertThat(c.istateGroups()).isEmpty();
        assertThat(c.istates()).isEmpty();
        assertThat(c.istateLocations()).isEmpty();
    }

    @Test
    void clearIstateLeavesOtherGroupsAlone() {
        RunConfig c = builder("[A, B].istate = 1 [1, 1]; [C].istate = 1 [0];").clearIstate("C").build();
        assertThat(c.istateGroups()).hasSize(1);
        assertThat(c.istateGroups().get(0).nodes()).containsExactly("A", "B");
    }

    @Test
    void toBuilderCopiesEverythingAndIsIndependent() {
        RunConfig c = builder("max_time = 3; $k = 2; A.istate = 1; [B, C].istate = 1 [1, 0]; A.refstate = 1; B.is_internal = 1;"
            + " C.in_graph = 1; C.schedule = 1: 0.5;").build();
        RunConfig.Builder b = c.toBuilder();
        RunConfig d = b.build();
        assertThat(d.globals()).isEqualTo(c.globals());
        assertThat(d.variables()).isEqualTo(c.variables());
        assertThat(d.istates()).isEqualTo(c.istates());
        assertThat(d.istateGroups()).isEqualTo(c.istateGroups());
        assertThat(d.refstates()).isEqualTo(c.refstates());
        assertThat(d.internalSettings()).isEqualTo(c.internalSettings());
        assertThat(d.inGraph()).isEqualTo(c.inGraph());
        assertThat(d.schedule()).isEqualTo(c.schedule());
        assertThat(d.sources()).isEqualTo(c.sources());
        b.global("max_time", 9, SourceLocation.of("x")).clearIstate("A").clearSchedule("C");
        assertThat(c.maxTime()).isEqualTo(3.0);
        assertThat(c.istates()).containsKey("A");
        assertThat(c.schedule()).hasSize(1);
        assertThat(b.build().schedule()).isEmpty();
    }

    @Test
    void builtConfigurationsAreImmutable() {
        RunConfig c = builder("A.istate = 1;").build();
        assertThat(catchThrowable(() -> c.globals().put("max_time", 1.0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> c.istates().clear())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> c.schedule().clear())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void globalChecksNameAndValue() {
        RunConfig.Builder b = new RunConfig.Builder();
        assertThat(catchThrowable(() -> b.global("nope", 1, SourceLocation.of("-v"))))
            .isInstanceOf(ModelException.class).hasMessageStartingWith("-v: unknown setting 'nope' (known: time_tick, ");
        assertThat(catchThrowable(() -> b.global("max_time", Double.NaN, SourceLocation.of("-v"))))
            .isInstanceOf(ModelException.class).hasMessage("-v: bad value NaN for max_time");
        b.global("sample_count", 64.0 * Integer.MAX_VALUE, SourceLocation.of("-v"));
        assertThat(b.build().sampleCount()).isEqualTo(64L * Integer.MAX_VALUE);
    }
}
