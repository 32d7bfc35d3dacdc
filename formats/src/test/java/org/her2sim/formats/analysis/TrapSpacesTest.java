// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.error.ModelException;
import org.her2sim.formats.BooleanConversion;
import org.junit.jupiter.api.Test;

/** Minimal trap spaces and stable states on small inline models, cyclic attractors included. */
class TrapSpacesTest {

    /** A negative loop A -> B -| A (a cyclic attractor, no stable state) beside a bistable switch C <-> D. */
    static final String CYCLE_AND_SWITCH = """
        A : !B
        B : A
        C : D
        D : C
        """;

    static LogicalModel model(String text) {
        return BooleanConversion.toLogicalModel(BndParser.parse("inline.bnet", text));
    }

    @Test
    void cyclicAttractorIsATrapSpaceWithFreeNodes() {
        LogicalModel m = model(CYCLE_AND_SWITCH);
        StatePatterns t = TrapSpaces.minimal(m, "inline.bnet");
        // MaBoSS's first-mention order: B is met in A's logic before A itself
        assertThat(t.nodes()).containsExactly("B", "A", "D", "C");
        // A and B oscillate, C and D settle at 00 or 11
        assertThat(t.patterns()).containsExactly("--00", "--11");
        assertThat(StableStates.of(m, "inline.bnet").patterns()).isEmpty();
    }

    @Test
    void fixingOneNodeOfTheLoopLeavesStableStates() {
        LogicalModel m = NodeFix.apply(model(CYCLE_AND_SWITCH), List.of(new NodeFix("B", 1), new NodeFix("C", 0)), "inline.bnet");
        assertThat(StableStates.of(m, "inline.bnet").patterns()).containsExactly("1000");
        assertThat(TrapSpaces.minimal(m, "inline.bnet").patterns()).containsExactly("1000");
    }

    @Test
    void inputsKeepTheirValueSoEachValueGivesAStableState() {
        LogicalModel m = model("node I { }\nX : I\n");
        assertThat(StableStates.of(m, "inline").patterns()).containsExactly("00", "11");
    }

    @Test
    void nodesWithConstantRatesAndNoLogicAreConstants() {
        LogicalModel m = model("node On { rate_up = 2; }\nnode Off { rate_down = 1; rate_up = 0; }\nX : On & !Off\n");
        assertThat(StableStates.of(m, "inline").patterns()).containsExactly("101");
    }

    @Test
    void unknownFixedNodeIsAnErrorNamingTheModel() {
        assertThatThrownBy(() -> NodeFix.apply(model(CYCLE_AND_SWITCH), List.of(new NodeFix("Z", 0)), "m.bnet"))
            .isInstanceOf(ModelException.class).hasMessageStartingWith("m.bnet: ").hasMessageContaining("Z");
        assertThatThrownBy(() -> NodeFix.parse("A=2", "--fix"))
            .isInstanceOf(ModelException.class).hasMessageStartingWith("--fix: ");
    }

    @Test
    void unknownReadoutIsAnError() {
        assertThatThrownBy(() -> KnockoutScreen.run(model(CYCLE_AND_SWITCH), "Q", List.of(), false, "m.bnet"))
            .isInstanceOf(ModelException.class).hasMessageContaining("readout Q");
    }
}
