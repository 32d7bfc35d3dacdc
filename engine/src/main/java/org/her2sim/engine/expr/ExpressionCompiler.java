// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.BinaryOp;
import org.her2sim.engine.expr.Expression.Call;
import org.her2sim.engine.expr.Expression.Conditional;
import org.her2sim.engine.expr.Expression.Constant;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Param;
import org.her2sim.engine.expr.Expression.Unary;

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

    /** Adds to {@code out} the index of every node the expression reads ({@code @} references followed), with repeats. */
    public static void nodesRead(Expression e, Scope scope, List<Integer> out) {
        if (e instanceof NodeRef n) {
            out.add(scope.node(n));
        } else if (e instanceof AttrRef a) {
            nodesRead(scope.attribute(a), scope, out);
        } else if (e instanceof Unary u) {
            nodesRead(u.operand(), scope, out);
        } else if (e instanceof Binary b) {
            nodesRead(b.left(), scope, out);
            nodesRead(b.right(), scope, out);
        } else if (e instanceof Conditional c) {
            nodesRead(c.condition(), scope, out);
            nodesRead(c.ifTrue(), scope, out);
            nodesRead(c.ifFalse(), scope, out);
        } else if (e instanceof Call c) {
            for (Expression a : c.args()) {
                nodesRead(a, scope, out);
            }
        }
    }

    /** Evaluates an expression that may use only parameters. */
    public static double evaluateConstant(Expression e, Map<String, Double> params, String context) {
        if (e instanceof Constant c) {
            return c.value();
        }
        if (e instanceof Param p) {
            Double v = params.get(p.name());
            if (v == null) {
                throw new ModelException(p.at(), "parameter $" + p.name() + " is not defined");
            }
            return v;
        }
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

    /**
     * Evaluates an expression at every assignment of its regulators at once: entry {@code i} of
     * the result is the value when regulator {@code b} has the value of bit {@code b} of {@code i}.
     * Each operator runs as one loop over the whole table, so tabulating costs little more than
     * the table's size times the expression's size.
     *
     * @param regulators node indices; every node the expression reads must be among them
     */
    public static double[] tabulate(Expression e, Scope scope, int[] regulators) {
        return tabulate(List.of(e), scope, regulators).get(0);
    }

    /** Tabulates several expressions over the same regulators, sharing common sub-expressions (such as {@code @logic}). */
    public static List<double[]> tabulate(List<Expression> es, Scope scope, int[] regulators) {
        Tabulator t = new Tabulator(scope, regulators, 1 << regulators.length);
        List<double[]> out = new ArrayList<>();
        for (Expression e : es) {
            out.add(t.table(e));
        }
        return out;
    }

    /**
     * Whole-table evaluation for {@link #tabulate}. Boolean-valued parts (node values, NOT, AND,
     * OR, XOR, comparisons) are kept as bit sets, 64 assignments per word; numbers as double
     * tables; constants as constants.
     */
    private static final class Tabulator {
        private final Scope scope;
        private final int[] regulators;
        private final int size;
        private final int nWords;
        private final long lastMask;

        /** One value over all assignments: exactly one of the three forms is set. */
        private record Val(long[] bits, double[] nums, double constant) {
            boolean isConst() {
                return bits == null && nums == null;
            }
        }

        Tabulator(Scope scope, int[] regulators, int size) {
            this.scope = scope;
            this.regulators = regulators;
            this.size = size;
            this.nWords = Math.max(1, size >>> 6);
            this.lastMask = size >= 64 ? -1L : (1L << size) - 1;
        }

        double[] table(Expression e) {
            return nums(eval(e));
        }

        private final java.util.IdentityHashMap<Expression, Val> memo = new java.util.IdentityHashMap<>();

        private Val eval(Expression e) {
            Val v = memo.get(e);
            if (v == null) {
                v = evalUncached(e);
                memo.put(e, v);
            }
            return v;
        }

        private Val evalUncached(Expression e) {
            if (e instanceof Constant c) {
                return new Val(null, null, c.value());
            }
            if (e instanceof Param p) {
                return new Val(null, null, scope.param(p));
            }
            if (e instanceof AttrRef a) {
                return eval(scope.attribute(a));
            }
            if (e instanceof NodeRef n) {
                int idx = scope.node(n);
                int b = 0;
                while (regulators[b] != idx) {
                    b++;
                }
                return new Val(pattern(b), null, 0);
            }
            if (e instanceof Unary u) {
                Val x = eval(u.operand());
                switch (u.op()) {
                    case PLUS:
                        return x;
                    case NOT: {
                        if (x.isConst()) {
                            return new Val(null, null, x.constant() != 0 ? 0 : 1);
                        }
                        long[] b = bits(x);
                        long[] r = new long[nWords];
                        for (int i = 0; i < nWords; i++) {
                            r[i] = ~b[i];
                        }
                        r[nWords - 1] &= lastMask;
                        return new Val(r, null, 0);
                    }
                    default: {
                        if (x.isConst()) {
                            return new Val(null, null, -x.constant());
                        }
                        double[] v = nums(x);
                        double[] r = new double[size];
                        for (int i = 0; i < size; i++) {
                            r[i] = -v[i];
                        }
                        return new Val(null, r, 0);
                    }
                }
            }
            if (e instanceof Binary bin) {
                Val l = eval(bin.left());
                Val x = eval(bin.right());
                if (l.isConst() && x.isConst()) {
                    return new Val(null, null, apply(bin.op(), l.constant(), x.constant()));
                }
                switch (bin.op()) {
                    case AND:
                    case OR:
                    case XOR: {
                        long[] a = bits(l);
                        long[] b = bits(x);
                        long[] r = new long[nWords];
                        for (int i = 0; i < nWords; i++) {
                            r[i] = switch (bin.op()) {
                                case AND -> a[i] & b[i];
                                case OR -> a[i] | b[i];
                                default -> a[i] ^ b[i];
                            };
                        }
                        return new Val(r, null, 0);
                    }
                    default: {
                        double[] a = nums(l);
                        double[] b = nums(x);
                        boolean compare = bin.op().precedence() == 4 || bin.op().precedence() == 3;
                        if (compare) {
                            long[] r = new long[nWords];
                            for (int i = 0; i < size; i++) {
                                if (apply(bin.op(), a[i], b[i]) != 0) {
                                    r[i >>> 6] |= 1L << i;
                                }
                            }
                            return new Val(r, null, 0);
                        }
                        double[] r = new double[size];
                        for (int i = 0; i < size; i++) {
                            r[i] = apply(bin.op(), a[i], b[i]);
                        }
                        return new Val(null, r, 0);
                    }
                }
            }
            if (e instanceof Conditional c) {
                Val cond = eval(c.condition());
                Val a = eval(c.ifTrue());
                Val b = eval(c.ifFalse());
                if (cond.isConst()) {
                    return cond.constant() != 0 ? a : b;
                }
                long[] cb = bits(cond);
                if (a.isConst() && b.isConst()) {
                    double[] r = new double[size];
                    for (int i = 0; i < size; i++) {
                        r[i] = (cb[i >>> 6] & (1L << i)) != 0 ? a.constant() : b.constant();
                    }
                    return new Val(null, r, 0);
                }
                double[] av = nums(a);
                double[] bv = nums(b);
                double[] r = new double[size];
                for (int i = 0; i < size; i++) {
                    r[i] = (cb[i >>> 6] & (1L << i)) != 0 ? av[i] : bv[i];
                }
                return new Val(null, r, 0);
            }
            if (e instanceof Call c) {
                double[] x = nums(eval(c.args().get(0)));
                double[] base = c.args().size() > 1 ? nums(eval(c.args().get(1))) : null;
                boolean exp = c.function().equals("exp");
                double[] r = new double[size];
                for (int i = 0; i < size; i++) {
                    if (exp) {
                        r[i] = base == null ? Math.exp(x[i]) : Math.exp(x[i] * Math.log(base[i]));
                    } else {
                        r[i] = base == null ? Math.log(x[i]) : Math.log(x[i]) / Math.log(base[i]);
                    }
                }
                return new Val(null, r, 0);
            }
            throw new IllegalArgumentException("unknown expression " + e);
        }

        /** Bit i set iff bit b of i is set: for b < 6 a repeating word, above that alternating blocks of words. */
        private long[] pattern(int b) {
            long[] w = new long[nWords];
            if (b < 6) {
                long word = 0;
                for (int i = 0; i < 64; i++) {
                    if (((i >>> b) & 1) != 0) {
                        word |= 1L << i;
                    }
                }
                java.util.Arrays.fill(w, word);
                w[nWords - 1] &= lastMask;
            } else {
                for (int i = 0; i < nWords; i++) {
                    w[i] = ((i >>> (b - 6)) & 1) != 0 ? -1L : 0L;
                }
            }
            return w;
        }

        private long[] bits(Val v) {
            if (v.bits() != null) {
                return v.bits();
            }
            long[] r = new long[nWords];
            if (v.isConst()) {
                if (v.constant() != 0) {
                    java.util.Arrays.fill(r, -1L);
                    r[nWords - 1] &= lastMask;
                }
                return r;
            }
            double[] x = v.nums();
            for (int i = 0; i < size; i++) {
                if (x[i] != 0) {
                    r[i >>> 6] |= 1L << i;
                }
            }
            return r;
        }

        private double[] nums(Val v) {
            if (v.nums() != null) {
                return v.nums();
            }
            double[] r = new double[size];
            if (v.isConst()) {
                java.util.Arrays.fill(r, v.constant());
                return r;
            }
            long[] b = v.bits();
            for (int i = 0; i < size; i++) {
                r[i] = (b[i >>> 6] & (1L << i)) != 0 ? 1 : 0;
            }
            return r;
        }

        private static double apply(BinaryOp op, double l, double r) {
            return switch (op) {
                case MUL -> l * r;
                case DIV -> l / r;
                case ADD -> l + r;
                case SUB -> l - r;
                case LT -> l < r ? 1 : 0;
                case LE -> l <= r ? 1 : 0;
                case GT -> l > r ? 1 : 0;
                case GE -> l >= r ? 1 : 0;
                case EQ -> l == r ? 1 : 0;
                case NE -> l != r ? 1 : 0;
                case AND -> l != 0 && r != 0 ? 1 : 0;
                case OR -> l != 0 || r != 0 ? 1 : 0;
                case XOR -> (l != 0) != (r != 0) ? 1 : 0;
            };
        }
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
