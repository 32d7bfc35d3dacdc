// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.model;

import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.BinaryOp;
import org.her2sim.engine.expr.Expression.Conditional;
import org.her2sim.engine.expr.Expression.Constant;
import org.her2sim.engine.expr.Expression.Unary;
import org.her2sim.engine.expr.Expression.UnaryOp;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.expr.ExpressionPrinter;

/**
 * A node's Boolean update function, as MaBoSS's {@code -l/--generate-logical-expressions} prints
 * it: with both rates, {@code (!X & up) | (X & !down)}, where a rate counts as true when it is
 * not zero; with only a logic, the logic. Parameters take their values, ternaries become
 * {@code (c & a) | (!c & b)}, constants fold. An arithmetic over nodes has no logical form: an
 * error, as in MaBoSS.
 */
public final class LogicalForm {
    private static final Constant TRUE = new Constant(1);
    private static final Constant FALSE = new Constant(0);

    private LogicalForm() {
    }

    /** The node's update function over node references, 0/1 constants, {@code ! & | ^}. */
    public static Expression of(Node node, Map<String, Double> parameters) {
        Expression self = new Expression.NodeRef(node.name(), node.declaredAt());
        boolean rates = node.attribute(Node.RATE_UP) != null || node.attribute(Node.RATE_DOWN) != null;
        if (!rates) {
            return node.logic() == null ? FALSE : bool(node.logic(), node, parameters);
        }
        Expression up = bool(node.rateUp(), node, parameters);
        Expression down = bool(node.rateDown(), node, parameters);
        return or(and(not(self), up), and(self, not(down)));
    }

    private static Expression bool(Expression e, Node node, Map<String, Double> params) {
        if (e instanceof Constant c) {
            return c.value() != 0 ? TRUE : FALSE;
        }
        if (e instanceof Expression.NodeRef) {
            return e;
        }
        if (e instanceof Expression.Param p) {
            Double v = params.get(p.name());
            if (v == null) {
                throw new ModelException(p.at(), "parameter $" + p.name() + " is not defined in the configuration");
            }
            return v != 0 ? TRUE : FALSE;
        }
        if (e instanceof Expression.AttrRef a) {
            Expression target = node.attribute(a.name());
            if (target == null) {
                throw new ModelException(a.at(), "node " + node.name() + " has no attribute " + a.name());
            }
            return bool(target, node, params);
        }
        if (e instanceof Unary u) {
            Expression x = bool(u.operand(), node, params);
            return u.op() == UnaryOp.NOT ? not(x) : x;
        }
        if (e instanceof Conditional c) {
            Expression cond = bool(c.condition(), node, params);
            return or(and(cond, bool(c.ifTrue(), node, params)), and(not(cond), bool(c.ifFalse(), node, params)));
        }
        if (e instanceof Binary b) {
            switch (b.op()) {
                case AND, MUL:
                    return and(bool(b.left(), node, params), bool(b.right(), node, params));
                case OR:
                    return or(bool(b.left(), node, params), bool(b.right(), node, params));
                case XOR:
                    return xor(bool(b.left(), node, params), bool(b.right(), node, params));
                default:
                    break;
            }
        }
        Double v = constantValue(e, params);
        if (v != null) {
            return v != 0 ? TRUE : FALSE;
        }
        throw new ModelException(node.declaredAt(), "node " + node.name() + ": '" + ExpressionPrinter.print(e)
            + "' has no logical form (arithmetic over nodes)");
    }

    /** The value of an expression without node references, or null. */
    private static Double constantValue(Expression e, Map<String, Double> params) {
        try {
            return ExpressionCompiler.evaluateConstant(e, params, "logical form");
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static boolean isConst(Expression e, double v) {
        return e instanceof Constant c && c.value() == v;
    }

    static Expression not(Expression x) {
        if (x instanceof Constant c) {
            return c.value() != 0 ? FALSE : TRUE;
        }
        if (x instanceof Unary u && u.op() == UnaryOp.NOT) {
            return u.operand();
        }
        return new Unary(UnaryOp.NOT, x);
    }

    static Expression and(Expression a, Expression b) {
        if (isConst(a, 0) || isConst(b, 0)) {
            return FALSE;
        }
        if (isConst(a, 1)) {
            return b;
        }
        if (isConst(b, 1) || a.equals(b)) {
            return a;
        }
        return new Binary(BinaryOp.AND, a, b);
    }

    static Expression or(Expression a, Expression b) {
        if (isConst(a, 1) || isConst(b, 1)) {
            return TRUE;
        }
        if (isConst(a, 0)) {
            return b;
        }
        if (isConst(b, 0) || a.equals(b)) {
            return a;
        }
        return new Binary(BinaryOp.OR, a, b);
    }

    static Expression xor(Expression a, Expression b) {
        if (a instanceof Constant c) {
            return c.value() != 0 ? not(b) : b;
        }
        if (b instanceof Constant c) {
            return c.value() != 0 ? not(a) : a;
        }
        return new Binary(BinaryOp.XOR, a, b);
    }
}
