// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.formats.SharedModels;
import org.her2sim.formats.bnet.BnetFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The known results for Sahin et al. 2009's ERBB -> G1/S model (shared/models/README.md),
 * checked by exhaustive enumeration there: stable states with EGF held on and off, and under
 * single and double knock-outs.
 */
class Sahin2009Test {
    static final String FILE = "sahin2009_erbb_g1s/bbm-096-model.bnet";
    static LogicalModel model;
    static String source;

    @BeforeAll
    static void load() throws IOException {
        Path p = SharedModels.require(FILE);
        source = p.toString();
        model = new BnetFormat().load(p);
    }

    static StatePatterns stable(NodeFix... fixes) {
        return StableStates.of(NodeFix.apply(model, List.of(fixes), source), source);
    }

    static NodeFix ko(String node) {
        return new NodeFix(node, 0);
    }

    static final NodeFix EGF_ON = new NodeFix("v_EGF", 1);

    @Test
    void withEgfOnExactlyOneStableStateWithPrb1On() {
        StatePatterns s = stable(EGF_ON);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.value(0, "v_pRB1")).isEqualTo('1');
        assertThat(s.nodes()).hasSize(20).contains("v_EGF", "v_pRB1");
    }

    @Test
    void withEgfOffTwoStableStatesWithPrb1OffAndOn() {
        StatePatterns s = stable(new NodeFix("v_EGF", 0));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.values("v_pRB1")).containsExactly('0', '1');
    }

    @ParameterizedTest
    @ValueSource(strings = {"v_CDK4", "v_CDK6", "v_CyclinD1", "v_ERalpha", "v_MYC"})
    void singleKnockOutsThatStopG1S(String node) {
        StatePatterns s = stable(EGF_ON, ko(node));
        assertThat(s.size()).isPositive();
        assertThat(s.values("v_pRB1")).containsExactly('0');
    }

    @ParameterizedTest
    @ValueSource(strings = {"v_AKT1", "v_MEK1", "v_ERBB1", "v_ERBB2", "v_IGF1R", "v_CDK2", "v_p27"})
    void singleKnockOutsThatDoNot(String node) {
        StatePatterns s = stable(EGF_ON, ko(node));
        assertThat(s.size()).isPositive();
        assertThat(s.values("v_pRB1")).containsExactly('1');
    }

    @Test
    void doubleKnockOutAkt1Mek1StopsG1S() {
        StatePatterns s = stable(EGF_ON, ko("v_AKT1"), ko("v_MEK1"));
        assertThat(s.size()).isPositive();
        assertThat(s.values("v_pRB1")).containsExactly('0');
    }

    @Test
    void doubleKnockOutErbb1Erbb2LeavesTwoStableStates() {
        StatePatterns s = stable(EGF_ON, ko("v_ERBB1"), ko("v_ERBB2"));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.values("v_pRB1")).containsExactly('0', '1');
    }

    @Test
    void screenAgreesWithTheSingleAndDoubleKnockOuts() {
        LogicalModel egf = NodeFix.apply(model, List.of(EGF_ON), source);
        List<KnockoutScreen.Row> rows = KnockoutScreen.run(egf, "v_pRB1", List.of("v_EGF"), true, source);
        // baseline + KO and KI of 18 candidates + 18 * 17 / 2 pairs
        assertThat(rows).hasSize(1 + 36 + 153);
        assertThat(rows.get(0).label()).isEqualTo("none");
        assertThat(rows.get(0).readoutValues()).containsExactly(1);
        assertThat(rows).filteredOn(r -> r.label().equals("v_CDK4=0")).singleElement()
            .satisfies(r -> assertThat(r.readoutValues()).containsExactly(0));
        assertThat(rows).filteredOn(r -> r.label().equals("v_AKT1=0 v_MEK1=0")).singleElement()
            .satisfies(r -> assertThat(r.readoutValues()).containsExactly(0));
        assertThat(rows).filteredOn(r -> r.label().equals("v_ERBB1=0 v_ERBB2=0")).singleElement()
            .satisfies(r -> {
                assertThat(r.stableStates()).isEqualTo(2);
                assertThat(r.readoutValues()).isEqualTo(Set.of(0, 1));
            });
        assertThat(rows).noneMatch(r -> r.fixes().stream().anyMatch(f -> f.node().equals("v_EGF") || f.node().equals("v_pRB1")));
    }

    @Test
    void trapSpacesWithEgfOnAreTheStableState() {
        LogicalModel egf = NodeFix.apply(model, List.of(EGF_ON), source);
        assertThat(TrapSpaces.minimal(egf, source)).isEqualTo(StableStates.of(egf, source));
    }
}
