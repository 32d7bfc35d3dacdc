// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.bnd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;

/** Prints a network in the BND language; {@link BndParser} reads the text back to an equal network. */
public final class BndWriter {
    private BndWriter() {
    }

    /**
     * The network as BND text, one {@code node} block per node. Node order is MaBoSS's
     * first-mention order, so blocks are written in an order that makes the names met in the
     * text appear in index order (a block's mentions first, then its own name); writing blocks in
     * index order would not do, since a block mentions its regulators before its own name.
     */
    public static String write(Network network) {
        return write(network, blockOrder(network));
    }

    /**
     * The network as BND text with blocks in index order: quicker for large networks and fine for
     * reading, but parsing it back may give another node order (see {@link #write(Network)}).
     */
    public static String writeInIndexOrder(Network network) {
        return write(network, network.nodes());
    }

    private static String write(Network network, List<Node> order) {
        StringBuilder sb = new StringBuilder();
        for (Node n : order) {
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

    /**
     * Blocks in an order whose first mentions give back the index order: at each step the first
     * (by index) pending block whose new names are exactly the next expected ones. Falls back to
     * index order for the rest if no block fits (a network built by hand in an order no BND file
     * can produce).
     */
    static List<Node> blockOrder(Network network) {
        int n = network.size();
        List<List<String>> mentions = new ArrayList<>(n);
        for (Node node : network.nodes()) {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (Expression e : node.attributes().values()) {
                collect(e, names);
            }
            names.add(node.name());
            mentions.add(new ArrayList<>(names));
        }
        List<Node> out = new ArrayList<>(n);
        boolean[] written = new boolean[n];
        Set<String> seen = new HashSet<>();
        int next = 0;
        while (out.size() < n) {
            int pick = -1;
            for (int i = 0; i < n && pick < 0; i++) {
                if (!written[i] && fits(mentions.get(i), seen, network, next)) {
                    pick = i;
                }
            }
            if (pick < 0) {
                for (int i = 0; i < n; i++) {
                    if (!written[i]) {
                        out.add(network.node(i));
                    }
                }
                return out;
            }
            written[pick] = true;
            out.add(network.node(pick));
            for (String s : mentions.get(pick)) {
                if (seen.add(s)) {
                    next++;
                }
            }
        }
        return out;
    }

    /** True when the names of {@code m} not yet seen are, in order, the nodes at {@code next}, {@code next + 1}, ... */
    private static boolean fits(List<String> m, Set<String> seen, Network network, int next) {
        int k = next;
        for (String s : m) {
            if (!seen.contains(s)) {
                if (k >= network.size() || !network.node(k).name().equals(s)) {
                    return false;
                }
                k++;
            }
        }
        return true;
    }

    /** Node names in the order the parser meets them in the printed expression. */
    private static void collect(Expression e, Set<String> out) {
        Expression.forEachLeaf(e, x -> {
            if (x instanceof Expression.NodeRef r) {
                out.add(r.name());
            }
        });
    }
}
