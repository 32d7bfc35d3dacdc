// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;

/**
 * The signed influence graph of a network: an edge {@code A -> B} for every node A that B's
 * {@code logic}, {@code rate_up} or {@code rate_down} reads. Its sign is found from truth tables,
 * not from the syntax: positive when, for some values of B's other regulators, switching A on
 * turns B's logic on, raises its up rate or lowers its down rate; negative for the reverse;
 * {@code +/-} when both happen and {@code 0} when neither (A is read but has no effect). Rates are
 * evaluated with the configuration's parameters. {@code logic = X;} in node X itself (the idiom of
 * an input) is no self-loop. A node reading more than {@value #MAX_REGULATORS}
 * nodes is not tabulated: its edges get {@code +/-}.
 *
 * @param nodes node names in network order
 * @param edges edges grouped by target, in network order, sources in network order
 */
public record ModelGraph(List<String> nodes, List<Edge> edges) {
    /** Most regulators tabulated for a sign. */
    public static final int MAX_REGULATORS = 20;

    public ModelGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The sign of an influence. */
    public enum Sign {
        POSITIVE("+"), NEGATIVE("-"), BOTH("+/-"), NONE("0");

        private final String symbol;

        Sign(String symbol) {
            this.symbol = symbol;
        }

        /** {@code +}, {@code -}, {@code +/-} or {@code 0}. */
        public String symbol() {
            return symbol;
        }

        /** The sign written as a symbol, or null. */
        public static Sign of(String symbol) {
            for (Sign s : values()) {
                if (s.symbol.equals(symbol.strip())) {
                    return s;
                }
            }
            return null;
        }

        static Sign of(boolean pos, boolean neg) {
            return pos ? (neg ? BOTH : POSITIVE) : (neg ? NEGATIVE : NONE);
        }
    }

    /** One influence. */
    public record Edge(String from, String to, Sign sign) { }

    /** The edge from one node to another, or null. */
    public Edge edge(String from, String to) {
        for (Edge e : edges) {
            if (e.from().equals(from) && e.to().equals(to)) {
                return e;
            }
        }
        return null;
    }

    /** Edges into a node. */
    public List<Edge> incoming(String node) {
        return edges.stream().filter(e -> e.to().equals(node)).toList();
    }

    /** Edges out of a node. */
    public List<Edge> outgoing(String node) {
        return edges.stream().filter(e -> e.from().equals(node)).toList();
    }

    /**
     * Computes the graph.
     *
     * @param params the {@code $} parameters (from the configuration)
     * @throws ModelException for an undefined parameter or attribute
     */
    public static ModelGraph of(Network network, Map<String, Double> params) {
        List<String> names = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Node node : network.nodes()) {
            names.add(node.name());
            ExpressionCompiler.Scope scope = scope(network, node, params);
            Expression logic = node.logic();
            Expression up = node.rateUp();
            Expression down = node.rateDown();
            List<Integer> logicReads = new ArrayList<>();
            if (logic != null) {
                ExpressionCompiler.nodesRead(logic, scope, logicReads);
            }
            List<Integer> rateReads = new ArrayList<>();
            ExpressionCompiler.nodesRead(up, scope, rateReads);
            ExpressionCompiler.nodesRead(down, scope, rateReads);
            LinkedHashSet<Integer> regs = new LinkedHashSet<>(logicReads);
            regs.addAll(rateReads);
            if (logic instanceof Expression.NodeRef self && self.name().equals(node.name()) && !rateReads.contains(node.index())) {
                // "logic = X;" in X itself is the idiom of an input, not a self-loop
                regs.remove(node.index());
            }
            // the node itself goes first (bit 0) so rates can be read at its own value
            List<Integer> bits = new ArrayList<>();
            bits.add(node.index());
            regs.stream().filter(r -> r != node.index()).sorted().forEach(bits::add);
            int[] regArray = bits.stream().mapToInt(Integer::intValue).toArray();
            boolean small = regArray.length <= MAX_REGULATORS;
            double[] lt = small && logic != null ? ExpressionCompiler.tabulate(logic, scope, regArray) : null;
            List<double[]> rt = small ? ExpressionCompiler.tabulate(List.of(up, down), scope, regArray) : null;
            for (int b = 0; b < regArray.length; b++) {
                int r = regArray[b];
                if (!regs.contains(r)) {
                    continue;
                }
                Sign s = small ? sign(b, lt, rt.get(0), rt.get(1)) : Sign.BOTH;
                edges.add(new Edge(network.node(r).name(), node.name(), s));
            }
        }
        edges.sort(java.util.Comparator.comparingInt((Edge e) -> network.indexOf(e.to())).thenComparingInt(e -> network.indexOf(e.from())));
        return new ModelGraph(names, edges);
    }

    private static Sign sign(int bit, double[] logic, double[] up, double[] down) {
        boolean pos = false;
        boolean neg = false;
        int mask = 1 << bit;
        for (int i = 0; i < up.length; i++) {
            if ((i & mask) != 0) {
                continue;
            }
            int j = i | mask;
            if (logic != null) {
                boolean a = logic[i] != 0;
                boolean b = logic[j] != 0;
                pos |= !a && b;
                neg |= a && !b;
            }
            if (bit != 0) {
                if ((i & 1) == 0) {
                    // node off: its up rate matters
                    pos |= up[j] > up[i];
                    neg |= up[j] < up[i];
                } else {
                    // node on: its down rate matters
                    pos |= down[j] < down[i];
                    neg |= down[j] > down[i];
                }
            }
        }
        return Sign.of(pos, neg);
    }



    private static ExpressionCompiler.Scope scope(Network network, Node node, Map<String, Double> params) {
        return new ExpressionCompiler.Scope() {
            @Override
            public int node(Expression.NodeRef ref) {
                int i = network.indexOf(ref.name());
                if (i < 0) {
                    throw new ModelException(ref.at(), "unknown node '" + ref.name() + "'");
                }
                return i;
            }

            @Override
            public double param(Expression.Param ref) {
                Double v = params.get(ref.name());
                if (v == null) {
                    throw new ModelException(ref.at(), "parameter $" + ref.name() + " is not defined in the configuration");
                }
                return v;
            }

            @Override
            public Expression attribute(Expression.AttrRef ref) {
                Expression e = node.attribute(ref.name());
                if (e == null) {
                    throw new ModelException(ref.at(), "node " + node.name() + " has no attribute '" + ref.name() + "'");
                }
                return e;
            }
        };
    }
}
