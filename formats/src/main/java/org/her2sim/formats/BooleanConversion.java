// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.LogicalModelImpl;
import org.colomoto.biolqm.NodeInfo;
import org.colomoto.mddlib.MDDManager;
import org.colomoto.mddlib.MDDManagerFactory;
import org.colomoto.mddlib.MDDVariable;
import org.colomoto.mddlib.operators.MDDBaseOperators;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.BinaryOp;
import org.her2sim.engine.expr.Expression.Constant;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Param;
import org.her2sim.engine.expr.Expression.Unary;
import org.her2sim.engine.expr.Expression.UnaryOp;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.NetworkBuilder;
import org.her2sim.engine.model.Node;

/**
 * Converts between the engine's {@link Network} and bioLQM's {@link LogicalModel}, for Boolean
 * models only. Stateless and thread-safe.
 *
 * <p>Network to model: each node becomes a Boolean component, in index order. Its function is
 * the node's {@code logic}, read as MaBoSS does (any non-zero value is true) and tabulated over
 * the nodes it mentions. A node without {@code logic} has no Boolean function of its own, so its
 * constant rates decide:
 * <table>
 *   <caption>nodes without logic</caption>
 *   <tr><th>rate_up</th><th>rate_down</th><th>component</th></tr>
 *   <tr><td>&gt; 0</td><td>0 or absent</td><td>constant 1</td></tr>
 *   <tr><td>0 or absent</td><td>&gt; 0</td><td>constant 0</td></tr>
 *   <tr><td>both absent, both 0, both &gt; 0, or not constant</td><td></td><td>input (keeps its value: f = itself)</td></tr>
 * </table>
 * Rates are evaluated with the given parameter values; a rate that mentions nodes or undefined
 * parameters is "not constant". A node that does have {@code logic} is converted from its logic
 * alone: its rates only say how fast it follows it, which changes no stable state or trap space.
 *
 * <p>Model to network: each component becomes a node whose {@code logic} is the disjunction of
 * the paths to 1 of its MDD; an input component gets {@code logic = itself}.
 */
public final class BooleanConversion {
    /** The most regulators a function with arithmetic is tabulated over (2^24 evaluations). */
    private static final int MAX_TABULATED = 24;

    private BooleanConversion() {
    }

    /** Like {@link #toLogicalModel(Network, Map)} with no parameter values. */
    public static LogicalModel toLogicalModel(Network network) {
        return toLogicalModel(network, Map.of());
    }

    /**
     * The network as a Boolean logical model.
     *
     * @param params parameter values ({@code $name} without the dollar) for logic and rates
     * @throws ModelException naming the node when its logic uses an undefined parameter
     */
    public static LogicalModel toLogicalModel(Network network, Map<String, Double> params) {
        List<NodeInfo> infos = new ArrayList<>();
        for (Node n : network.nodes()) {
            try {
                infos.add(new NodeInfo(n.name(), (byte) 1));
            } catch (RuntimeException e) {
                // bioLQM takes only plain identifiers as names
                throw new ModelException(n.declaredAt(), "node name '" + n.name() + "' is not allowed in a bioLQM model: " + e.getMessage());
            }
        }
        MDDManager ddm = MDDManagerFactory.getManager(infos, 2);
        int[] functions = new int[network.size()];
        for (Node n : network.nodes()) {
            Expression logic = n.logic();
            if (logic == null) {
                Expression self = constantRateFunction(n, params);
                if (self == null) {
                    infos.get(n.index()).setInput(true);
                    logic = new NodeRef(n.name(), n.declaredAt());
                } else {
                    logic = self;
                }
            }
            functions[n.index()] = tabulateToMdd(network, n, logic, params, ddm);
        }
        return new LogicalModelImpl(infos, ddm, functions);
    }

    /** The constant 0 or 1 a node without logic settles to, or null when it keeps its value. */
    private static Expression constantRateFunction(Node n, Map<String, Double> params) {
        Double up = constantOrNull(n, Node.RATE_UP, params);
        Double down = constantOrNull(n, Node.RATE_DOWN, params);
        boolean upPositive = up != null && up > 0;
        boolean downPositive = down != null && down > 0;
        boolean upZero = n.attribute(Node.RATE_UP) == null || (up != null && up == 0);
        boolean downZero = n.attribute(Node.RATE_DOWN) == null || (down != null && down == 0);
        if (upPositive && downZero) {
            return Expression.constant(1);
        }
        if (downPositive && upZero) {
            return Expression.constant(0);
        }
        return null;
    }

    private static Double constantOrNull(Node n, String attr, Map<String, Double> params) {
        Expression e = n.attribute(attr);
        if (e == null) {
            return null;
        }
        try {
            return ExpressionCompiler.evaluateConstant(e, params, n.name() + "." + attr);
        } catch (ModelException | IllegalArgumentException ex) {
            return null;
        }
    }

    private static int tabulateToMdd(Network network, Node node, Expression logic, Map<String, Double> params, MDDManager ddm) {
        ExpressionCompiler.Scope scope = new ExpressionCompiler.Scope() {
            @Override
            public int node(NodeRef ref) {
                int i = network.indexOf(ref.name());
                if (i < 0) {
                    throw new ModelException(ref.at(), "no node named " + ref.name() + " (in the logic of " + node.name() + ")");
                }
                return i;
            }

            @Override
            public double param(Param ref) {
                Double v = params.get(ref.name());
                if (v == null) {
                    throw new ModelException(ref.at() == null ? SourceLocation.of(network.source()) : ref.at(),
                        "parameter $" + ref.name() + " used in the logic of " + node.name() + " is not defined");
                }
                return v;
            }

            @Override
            public Expression attribute(AttrRef ref) {
                Expression e = node.attribute(ref.name());
                if (e == null) {
                    throw new ModelException(ref.at(), "node " + node.name() + " has no attribute " + ref.name());
                }
                return e;
            }
        };
        List<Integer> read = new ArrayList<>();
        ExpressionCompiler.nodesRead(logic, scope, read);
        int[] regulators = new TreeSet<>(read).stream().mapToInt(Integer::intValue).toArray();
        if (regulators.length > MAX_TABULATED) {
            int built = structural(logic, network, ddm);
            if (built >= 0) {
                return built;
            }
            throw new ModelException(node.declaredAt() == null ? SourceLocation.of(network.source()) : node.declaredAt(),
                "the logic of " + node.name() + " reads " + regulators.length + " nodes and uses arithmetic or parameters;"
                    + " at most " + MAX_TABULATED + " can be tabulated (plain !, &, |, ^ logic has no such limit)");
        }
        double[] table = ExpressionCompiler.tabulate(logic, scope, regulators);
        MDDVariable[] all = ddm.getAllVariables();
        MDDVariable[] vars = new MDDVariable[regulators.length];
        for (int b = 0; b < regulators.length; b++) {
            vars[b] = all[regulators[b]];
        }
        return build(vars, table, 0, 0);
    }

    /**
     * The MDD of a plain Boolean expression (nodes, constants, !, &amp;, |, ^), built with MDD
     * operations rather than a truth table, so any number of regulators works; -1 when the
     * expression uses anything else.
     */
    private static int structural(Expression e, Network network, MDDManager ddm) {
        if (e instanceof Constant c) {
            return c.value() != 0 ? 1 : 0;
        }
        if (e instanceof NodeRef r) {
            int i = network.indexOf(r.name());
            return i < 0 ? -1 : ddm.getAllVariables()[i].getNode(0, 1);
        }
        if (e instanceof Unary u && u.op() == UnaryOp.NOT) {
            int a = structural(u.operand(), network, ddm);
            return a < 0 ? -1 : ddm.not(a);
        }
        if (e instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR || b.op() == BinaryOp.XOR)) {
            int l = structural(b.left(), network, ddm);
            int r = structural(b.right(), network, ddm);
            if (l < 0 || r < 0) {
                return -1;
            }
            return switch (b.op()) {
                case AND -> MDDBaseOperators.AND.combine(ddm, l, r);
                case OR -> MDDBaseOperators.OR.combine(ddm, l, r);
                default -> MDDBaseOperators.OR.combine(ddm, MDDBaseOperators.AND.combine(ddm, l, ddm.not(r)),
                    MDDBaseOperators.AND.combine(ddm, ddm.not(l), r));
            };
        }
        return -1;
    }

    /** Shannon expansion of the table, regulators in variable order (bit b is regulator b). */
    private static int build(MDDVariable[] vars, double[] table, int level, int assignment) {
        if (level == vars.length) {
            return table[assignment] != 0 ? 1 : 0;
        }
        int low = build(vars, table, level + 1, assignment);
        int high = build(vars, table, level + 1, assignment | (1 << level));
        return low == high ? low : vars[level].getNode(low, high);
    }

    /**
     * The model as a network, nodes in component order.
     *
     * @param source the file name the model was read from, for messages
     * @throws ModelException naming the source and component when a component is multi-valued
     */
    public static Network toNetwork(LogicalModel model, String source) {
        return toNetwork(model, source, false);
    }

    /**
     * The model as a network, nodes named by their SBML names instead of their ids when
     * {@code useNames} (MaBoSS's {@code --use-sbml-names}): characters other than letters, digits
     * and {@code _} become {@code _}; a component without a name keeps its id.
     *
     * @throws ModelException when two components get the same name
     */
    public static Network toNetwork(LogicalModel model, String source, boolean useNames) {
        if (useNames) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (NodeInfo c : model.getComponents()) {
                String n = c.getName() == null || c.getName().isBlank() ? c.getNodeID() : c.getName().replaceAll("[^A-Za-z0-9_]", "_");
                if (!seen.add(n)) {
                    throw new ModelException(SourceLocation.of(source + ": " + c.getNodeID()), "two components are named " + n);
                }
                c.setNodeID(n);
            }
        }
        requireBoolean(model, source);
        NetworkBuilder b = new NetworkBuilder(source);
        MDDManager ddm = model.getMDDManager();
        List<NodeInfo> comps = model.getComponents();
        int[] functions = model.getLogicalFunctions();
        for (NodeInfo c : comps) {
            b.mention(c.getNodeID());
        }
        for (int i = 0; i < comps.size(); i++) {
            NodeInfo c = comps.get(i);
            Expression logic = c.isInput() ? new NodeRef(c.getNodeID(), SourceLocation.of(source))
                : fromMdd(ddm, functions[i], source);
            Map<String, Expression> attrs = new LinkedHashMap<>();
            attrs.put(Node.LOGIC, logic);
            b.declare(c.getNodeID(), attrs, null, SourceLocation.of(source + ": " + c.getNodeID()));
        }
        return b.build();
    }

    /**
     * Checks the model is Boolean.
     *
     * @throws ModelException naming the source and the first multi-valued component
     */
    public static void requireBoolean(LogicalModel model, String source) {
        for (NodeInfo c : model.getComponents()) {
            if (c.getMax() > 1) {
                throw new ModelException(SourceLocation.of(source + ": component " + c.getNodeID()),
                    "component " + c.getNodeID() + " is multi-valued (maximum level " + c.getMax()
                        + "); only Boolean models are supported");
            }
        }
    }

    /**
     * The Boolean function rooted at {@code mdd} as a disjunction of its paths to a non-zero leaf
     * (constant 0 when there is none); node references carry {@code source} as their location.
     */
    public static Expression fromMdd(MDDManager ddm, int mdd, String source) {
        List<Expression> terms = new ArrayList<>();
        paths(ddm, mdd, new ArrayList<>(), terms, source);
        if (terms.isEmpty()) {
            return Expression.constant(0);
        }
        Expression out = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            out = new Binary(BinaryOp.OR, out, terms.get(i));
        }
        return out;
    }

    private static void paths(MDDManager ddm, int node, List<Expression> literals, List<Expression> terms, String source) {
        if (ddm.isleaf(node)) {
            if (node > 0) {
                if (literals.isEmpty()) {
                    terms.add(Expression.constant(1));
                } else {
                    Expression t = literals.get(0);
                    for (int i = 1; i < literals.size(); i++) {
                        t = new Binary(BinaryOp.AND, t, literals.get(i));
                    }
                    terms.add(t);
                }
            }
            return;
        }
        MDDVariable var = ddm.getNodeVariable(node);
        String name = var.key instanceof NodeInfo ni ? ni.getNodeID() : String.valueOf(var.key);
        int[] children = ddm.getChildren(node);
        NodeRef ref = new NodeRef(name, SourceLocation.of(source));
        for (int v = 0; v < children.length; v++) {
            literals.add(v == 0 ? new Unary(UnaryOp.NOT, ref) : ref);
            paths(ddm, children[v], literals, terms, source);
            literals.remove(literals.size() - 1);
        }
    }

    /** Component names of a model, in order. */
    public static List<String> names(LogicalModel model) {
        List<String> out = new ArrayList<>();
        for (NodeInfo c : model.getComponents()) {
            out.add(c.getNodeID());
        }
        return out;
    }

    /** A state or pattern as a string: one digit per component, {@code -} for a free one. */
    public static String digits(byte[] state) {
        StringBuilder sb = new StringBuilder();
        for (byte v : state) {
            sb.append(v < 0 ? '-' : (char) ('0' + v));
        }
        return sb.toString();
    }
}
