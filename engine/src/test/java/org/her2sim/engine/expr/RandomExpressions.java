// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.BinaryOp;
import org.her2sim.engine.expr.Expression.Call;
import org.her2sim.engine.expr.Expression.Conditional;
import org.her2sim.engine.expr.Expression.Constant;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Param;
import org.her2sim.engine.expr.Expression.Unary;
import org.her2sim.engine.expr.Expression.UnaryOp;

/**
 * Test helper (not a test): random expression trees of the shapes the parser produces (constants
 * are never negative, every location is null), and location stripping for structural comparison.
 */
final class RandomExpressions {
    /** Constants as the lexer can read them: never negative. */
    static final double[] CONSTANTS = {0, 1, 2, 3, 7, 10, 0.5, 0.25, 1.5, 0.001, 2.5e20, 1e-7, 123.456};

    private final Random rnd;
    private final List<String> nodes;
    private final List<String> params;
    private final List<String> attrs;

    RandomExpressions(long seed, List<String> nodes, List<String> params, List<String> attrs) {
        this.rnd = new Random(seed);
        this.nodes = nodes;
        this.params = params;
        this.attrs = attrs;
    }

    Random random() {
        return rnd;
    }

    /** A random tree of at most {@code depth} levels of operators. */
    Expression tree(int depth) {
        if (depth == 0 || rnd.nextInt(5) == 0) {
            return leaf();
        }
        int k = rnd.nextInt(20);
        if (k < 3) {
            return new Unary(UnaryOp.values()[rnd.nextInt(3)], tree(depth - 1));
        }
        if (k < 16) {
            BinaryOp op = BinaryOp.values()[rnd.nextInt(BinaryOp.values().length)];
            return new Binary(op, tree(depth - 1), tree(depth - 1));
        }
        if (k < 18) {
            return new Conditional(tree(depth - 1), tree(depth - 1), tree(depth - 1));
        }
        List<Expression> args = new ArrayList<>();
        args.add(tree(depth - 1));
        if (rnd.nextBoolean()) {
            args.add(tree(depth - 1));
        }
        return new Call(rnd.nextBoolean() ? "exp" : "log", args, null);
    }

    private Expression leaf() {
        int kinds = 1 + (nodes.isEmpty() ? 0 : 1) + (params.isEmpty() ? 0 : 1) + (attrs.isEmpty() ? 0 : 1);
        int k = rnd.nextInt(kinds);
        if (k == 0) {
            return new Constant(CONSTANTS[rnd.nextInt(CONSTANTS.length)]);
        }
        List<List<String>> pools = new ArrayList<>();
        if (!nodes.isEmpty()) {
            pools.add(nodes);
        }
        if (!params.isEmpty()) {
            pools.add(params);
        }
        if (!attrs.isEmpty()) {
            pools.add(attrs);
        }
        List<String> pool = pools.get(k - 1);
        String name = pool.get(rnd.nextInt(pool.size()));
        if (pool == nodes) {
            return new NodeRef(name, null);
        }
        if (pool == params) {
            return new Param(name, null);
        }
        return new AttrRef(name, null);
    }

    /** The same tree with every source location replaced by null. */
    static Expression strip(Expression e) {
        if (e instanceof NodeRef n) {
            return new NodeRef(n.name(), null);
        }
        if (e instanceof Param p) {
            return new Param(p.name(), null);
        }
        if (e instanceof AttrRef a) {
            return new AttrRef(a.name(), null);
        }
        if (e instanceof Unary u) {
            return new Unary(u.op(), strip(u.operand()));
        }
        if (e instanceof Binary b) {
            return new Binary(b.op(), strip(b.left()), strip(b.right()));
        }
        if (e instanceof Conditional c) {
            return new Conditional(strip(c.condition()), strip(c.ifTrue()), strip(c.ifFalse()));
        }
        if (e instanceof Call c) {
            return new Call(c.function(), c.args().stream().map(RandomExpressions::strip).toList(), null);
        }
        return e;
    }

    /** Equal as doubles, NaN equal to NaN, 0.0 equal to -0.0. */
    static boolean sameValue(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
}
