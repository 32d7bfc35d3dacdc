// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.formats.BooleanConversion;
import org.her2sim.formats.analysis.KnockoutScreen.PairKind;
import org.junit.jupiter.api.Test;

/** Double knock-outs, knock-ins and mixed pairs on a model whose answer is known by hand. */
class KnockoutScreenTest {

    /** R = X and not Y, with X and Y inputs: R is on exactly when X is in and Y is out. */
    static LogicalModel model() {
        return BooleanConversion.toLogicalModel(BndParser.parse("xy.bnet", "node X { }\nnode Y { }\nR : X & !Y\n"));
    }

    static String summary(KnockoutScreen.Row r) {
        return r.label() + " -> " + r.stableStates() + " " + r.readoutValues();
    }

    @Test
    void everyKindOfPairHasTheHandWorkedAnswer() {
        List<String> rows = KnockoutScreen.run(model(), "R", List.of(), EnumSet.allOf(PairKind.class), "xy.bnet")
            .stream().map(KnockoutScreenTest::summary).toList();
        assertThat(rows).containsExactly(
            "none -> 4 [0, 1]",
            "X=0 -> 2 [0]", "X=1 -> 2 [0, 1]", "Y=0 -> 2 [0, 1]", "Y=1 -> 2 [0]",
            "X=0 Y=0 -> 1 [0]", "X=1 Y=1 -> 1 [0]", "X=0 Y=1 -> 1 [0]", "X=1 Y=0 -> 1 [1]");
    }

    @Test
    void pairsAloneAreDoubleKnockOutsAsBefore() {
        List<String> rows = KnockoutScreen.run(model(), "R", List.of(), true, "xy.bnet")
            .stream().map(KnockoutScreenTest::summary).toList();
        assertThat(rows).hasSize(6).endsWith("X=0 Y=0 -> 1 [0]");
        List<String> mixed = KnockoutScreen.run(model(), "R", List.of(), EnumSet.of(PairKind.MIXED), "xy.bnet")
            .stream().map(KnockoutScreenTest::summary).toList();
        assertThat(mixed).hasSize(7).endsWith("X=0 Y=1 -> 1 [0]", "X=1 Y=0 -> 1 [1]");
    }

    @Test
    void pairKindsParseByName() {
        assertThat(PairKind.parse("Mixed")).isEqualTo(PairKind.MIXED);
        assertThatThrownBy(() -> PairKind.parse("both")).hasMessageContaining("ko, ki or mixed");
    }
}
