// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.bnd;

import java.util.Map;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;

/** Prints a network in the BND language; {@link BndParser} reads the text back to an equal network. */
public final class BndWriter {
    private BndWriter() {
    }

    /** The network as BND text, one {@code node} block per node in index order. */
    public static String write(Network network) {
        StringBuilder sb = new StringBuilder();
        for (Node n : network.nodes()) {
            sb.append("node ").append(n.name()).append(" {\n");
            if (n.description() != null) {
                sb.append("  description = \"").append(n.description().replace("\\", "\\\\").replace("\"", "\\\"")).append("\";\n");
            }
            for (Map.Entry<String, Expression> e : n.attributes().entrySet()) {
                sb.append("  ").append(e.getKey()).append(" = ").append(ExpressionPrinter.print(e.getValue())).append(";\n");
            }
            sb.append("}\n\n");
        }
        return sb.toString();
    }
}
