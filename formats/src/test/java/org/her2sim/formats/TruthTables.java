// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.NodeInfo;

/** Compares two Boolean models semantically: same components (by name, any order) and the same function of each. */
final class TruthTables {
    private TruthTables() {
    }

    /** Asserts the models have the same components and each has the same truth table over the union of both regulator sets. */
    static void assertSameFunctions(LogicalModel expected, LogicalModel actual) {
        List<String> names = BooleanConversion.names(expected);
        assertThat(new TreeSet<>(BooleanConversion.names(actual))).as("components").isEqualTo(new TreeSet<>(names));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int j = actual.getComponentIndex(name);
            TreeSet<String> regulators = new TreeSet<>(regulators(expected, i));
            regulators.addAll(regulators(actual, j));
            List<String> regs = new ArrayList<>(regulators);
            byte[] se = new byte[names.size()];
            byte[] sa = new byte[names.size()];
            for (int a = 0; a < 1 << regs.size(); a++) {
                for (int b = 0; b < regs.size(); b++) {
                    byte v = (byte) ((a >> b) & 1);
                    se[expected.getComponentIndex(regs.get(b))] = v;
                    sa[actual.getComponentIndex(regs.get(b))] = v;
                }
                assertThat(actual.getTargetValue(j, sa)).as("%s at %s = %s", name, regs, Integer.toBinaryString(a))
                    .isEqualTo(expected.getTargetValue(i, se));
            }
        }
    }

    private static List<String> regulators(LogicalModel m, int component) {
        boolean[] used = m.getMDDManager().collectDecisionVariables(m.getLogicalFunctions()[component]);
        List<String> out = new ArrayList<>();
        var vars = m.getMDDManager().getAllVariables();
        for (int v = 0; v < used.length; v++) {
            if (used[v]) {
                out.add(((NodeInfo) vars[v].key).getNodeID());
            }
        }
        return out;
    }
}
