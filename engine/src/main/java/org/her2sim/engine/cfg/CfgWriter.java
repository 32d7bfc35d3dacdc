// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.cfg;

import java.util.Map;
import org.her2sim.engine.cfg.RunConfig.GroupEntry;
import org.her2sim.engine.cfg.RunConfig.IstateGroup;
import org.her2sim.engine.cfg.RunConfig.ScheduleEntry;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;

/** Prints a configuration in the CFG language; {@link CfgParser} reads it back to the same settings. */
public final class CfgWriter {
    private CfgWriter() {
    }

    /** The configuration as CFG text: globals, parameters, then node settings. */
    public static String write(RunConfig c) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : c.globals().entrySet()) {
            sb.append(e.getKey()).append(" = ").append(ExpressionPrinter.number(e.getValue())).append(";\n");
        }
        for (Map.Entry<String, Double> e : c.variables().entrySet()) {
            sb.append('$').append(e.getKey()).append(" = ").append(ExpressionPrinter.number(e.getValue())).append(";\n");
        }
        for (Map.Entry<String, Expression> e : c.istates().entrySet()) {
            sb.append(e.getKey()).append(".istate = ").append(ExpressionPrinter.print(e.getValue())).append(";\n");
        }
        for (IstateGroup g : c.istateGroups()) {
            sb.append('[').append(String.join(", ", g.nodes())).append("].istate = ");
            for (int i = 0; i < g.entries().size(); i++) {
                GroupEntry en = g.entries().get(i);
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(ExpressionPrinter.print(en.weight())).append(" [");
                for (int j = 0; j < en.values().size(); j++) {
                    sb.append(j > 0 ? ", " : "").append(ExpressionPrinter.print(en.values().get(j)));
                }
                sb.append(']');
            }
            sb.append(";\n");
        }
        for (Map.Entry<String, Boolean> e : c.internalSettings().entrySet()) {
            sb.append(e.getKey()).append(".is_internal = ").append(e.getValue() ? 1 : 0).append(";\n");
        }
        for (Map.Entry<String, Integer> e : c.refstates().entrySet()) {
            sb.append(e.getKey()).append(".refstate = ").append(e.getValue()).append(";\n");
        }
        for (Map.Entry<String, Boolean> e : c.inGraph().entrySet()) {
            sb.append(e.getKey()).append(".in_graph = ").append(e.getValue() ? 1 : 0).append(";\n");
        }
        String last = null;
        for (ScheduleEntry s : c.schedule()) {
            if (!s.node().equals(last)) {
                if (last != null) {
                    sb.append(";\n");
                }
                sb.append(s.node()).append(".schedule = ");
                last = s.node();
            } else {
                sb.append(", ");
            }
            sb.append(ExpressionPrinter.number(s.time())).append(": ").append(ExpressionPrinter.print(s.probability()));
        }
        if (last != null) {
            sb.append(";\n");
        }
        return sb.toString();
    }
}
