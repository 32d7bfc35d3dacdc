// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.Call;
import org.her2sim.engine.expr.Expression.Conditional;
import org.her2sim.engine.expr.Expression.Constant;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Param;
import org.her2sim.engine.expr.Expression.Unary;
import org.her2sim.engine.model.ModelException;

/**
 * Turns an {@link Expression} into a {@link StateFunction}: parameters become constants, node
 * names become bit positions, {@code @attr} references are inlined. Constant sub-expressions
 * are folded. Evaluation follows MaBoSS: doubles throughout, non-zero is true, logical operators
 * return 0 or 1.
 */
public final class ExpressionCompiler {

    /** Resolves the names an expression may use. */
    public interface Scope {
        /** The bit index of a node. @throws ModelException if the name is not allowed or unknown */
        int node(NodeRef ref);

        /** The value of a parameter. @throws ModelException if undefined */
        double param(Param ref);

        /** The expression of an attribute of the current node. @throws ModelException if undefined */
        Expression attribute(AttrRef ref);
    }

    /** A scope with only parameters: node names and {@code @} references are errors. */
    public static Scope paramsOnly(Map<String, Double> params, String context) {
        return new Scope() {
            @Override
            public int node(NodeRef ref) {
                throw new ModelException(ref.at(), "a node name (" + ref.name() + ") cannot be used in " + context);
            }

            @Override
            public double param(Param ref) {
                Double v = params.get(ref.name());
                if (v == null) {
                    throw new ModelException(ref.at(), "parameter $" + ref.name() + " is not defined");
                }
                return v;
            }

            @Override
            public Expression attribute(AttrRef ref) {
                throw new ModelException(ref.at(), "@" + ref.name() + " cannot be used in " + context);
            }
        };
    }

    private final Scope scope;
    private final List<Integer> nodesRead = new ArrayList<>();

    private ExpressionCompiler(Scope scope) {
        this.scope = scope;
    }

    /** Compiles an expression. */
    public static StateFunction compile(Expression e, Scope scope) {
        return new ExpressionCompiler(scope).fn(e);
    }

    /** Compiles an expression and also lists the node indices it reads (with repeats). */
    public static StateFunction compile(Expression e, Scope scope, List<Integer> nodesRead) {
        ExpressionCompiler c = new ExpressionCompiler(scope);
        StateFunction f = c.fn(e);
        nodesRead.addAll(c.nodesRead);
        return f;
    }

    /** Evaluates an expression that may use only parameters. */
    public static double evaluateConstant(Expression e, Map<String, Double> params, String context) {
        return compile(e, paramsOnly(params, context)).eval(null);
    }

    private StateFunction fn(Expression e) {
        if (e instanceof Constant c) {
            return new StateFunction.Const(c.value());
        }
        if (e instanceof Param p) {
            return new StateFunction.Const(scope.param(p));
        }
        if (e instanceof NodeRef n) {
            int idx = scope.node(n);
            nodesRead.add(idx);
            int word = idx >>> 6;
            long mask = 1L << idx;
            return s -> (s[word] & mask) != 0 ? 1.0 : 0.0;
        }
        if (e instanceof AttrRef a) {
            return fn(scope.attribute(a));
        }
        if (e instanceof Unary u) {
            StateFunction x = fn(u.operand());
            StateFunction r = switch (u.op()) {
                case PLUS -> x;
                case MINUS -> s -> -x.eval(s);
                case NOT -> s -> x.eval(s) != 0 ? 0.0 : 1.0;
            };
            return fold(r, x);
        }
        if (e instanceof Binary b) {
            StateFunction l = fn(b.left());
            StateFunction r = fn(b.right());
            StateFunction f = switch (b.op()) {
                case MUL -> s -> l.eval(s) * r.eval(s);
                case DIV -> s -> l.eval(s) / r.eval(s);
                case ADD -> s -> l.eval(s) + r.eval(s);
                case SUB -> s -> l.eval(s) - r.eval(s);
                case LT -> s -> l.eval(s) < r.eval(s) ? 1.0 : 0.0;
                case LE -> s -> l.eval(s) <= r.eval(s) ? 1.0 : 0.0;
                case GT -> s -> l.eval(s) > r.eval(s) ? 1.0 : 0.0;
                case GE -> s -> l.eval(s) >= r.eval(s) ? 1.0 : 0.0;
                case EQ -> s -> l.eval(s) == r.eval(s) ? 1.0 : 0.0;
                case NE -> s -> l.eval(s) != r.eval(s) ? 1.0 : 0.0;
                case AND -> s -> l.eval(s) != 0 && r.eval(s) != 0 ? 1.0 : 0.0;
                case OR -> s -> l.eval(s) != 0 || r.eval(s) != 0 ? 1.0 : 0.0;
                case XOR -> s -> (l.eval(s) != 0) != (r.eval(s) != 0) ? 1.0 : 0.0;
            };
            return fold(f, l, r);
        }
        if (e instanceof Conditional c) {
            StateFunction cond = fn(c.condition());
            StateFunction a = fn(c.ifTrue());
            StateFunction b = fn(c.ifFalse());
            if (cond instanceof StateFunction.Const k) {
                return k.value() != 0 ? a : b;
            }
            return s -> cond.eval(s) != 0 ? a.eval(s) : b.eval(s);
        }
        if (e instanceof Call c) {
            StateFunction x = fn(c.args().get(0));
            StateFunction base = c.args().size() > 1 ? fn(c.args().get(1)) : null;
            StateFunction f;
            if (c.function().equals("exp")) {
                f = base == null ? s -> Math.exp(x.eval(s)) : s -> Math.exp(x.eval(s) * Math.log(base.eval(s)));
            } else {
                f = base == null ? s -> Math.log(x.eval(s)) : s -> Math.log(x.eval(s)) / Math.log(base.eval(s));
            }
            return base == null ? fold(f, x) : fold(f, x, base);
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private static StateFunction fold(StateFunction f, StateFunction... parts) {
        for (StateFunction p : parts) {
            if (!(p instanceof StateFunction.Const)) {
                return f;
            }
        }
        return new StateFunction.Const(f.eval(null));
    }
}
