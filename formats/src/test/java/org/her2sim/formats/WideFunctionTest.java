// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.colomoto.biolqm.LogicalModel;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.error.ModelException;
import org.her2sim.formats.analysis.StableStates;
import org.junit.jupiter.api.Test;

/** A function of more than 24 regulators: plain Boolean logic is built without a truth table; arithmetic is refused by name. */
class WideFunctionTest {

    static String inputs(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("node I").append(i).append(" { rate_up = 1; }\n");
        }
        return sb.toString();
    }

    @Test
    void plainLogicOfThirtyRegulatorsConverts() {
        StringBuilder and = new StringBuilder("I0");
        StringBuilder or = new StringBuilder("!I0");
        for (int i = 1; i < 30; i++) {
            and.append(" & I").append(i);
            or.append(" | !I").append(i);
        }
        String text = inputs(30) + "X : " + and + "\nY : " + or + "\nZ : X ^ Y\n";
        LogicalModel m = BooleanConversion.toLogicalModel(BndParser.parse("wide.bnd", text));
        // every input is the constant 1: X = 1, Y = 0, Z = 1
        var s = StableStates.of(m, "wide.bnd");
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.value(0, "X")).isEqualTo('1');
        assertThat(s.value(0, "Y")).isEqualTo('0');
        assertThat(s.value(0, "Z")).isEqualTo('1');
        assertThat(StableStates.withBioLqm(m, "wide.bnd").patterns()).isEqualTo(s.patterns());
    }

    @Test
    void arithmeticOverMoreThanTwentyFourRegulatorsIsRefusedByName() {
        StringBuilder logic = new StringBuilder("I0");
        for (int i = 1; i < 26; i++) {
            logic.append(" + I").append(i);
        }
        assertThatThrownBy(() -> BooleanConversion.toLogicalModel(BndParser.parse("sum.bnd", inputs(26) + "node X { logic = (" + logic + ") > 3; }\n")))
            .isInstanceOf(ModelException.class).hasMessageContaining("X").hasMessageContaining("reads 26 nodes");
    }
}
