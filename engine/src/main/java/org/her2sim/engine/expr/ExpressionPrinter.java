// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

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
 * Prints expressions in the MaBoSS language with the fewest parentheses that keep the meaning:
 * parsing the printed text gives back an equal expression tree.
 */
public final class ExpressionPrinter {
    private static final int CONDITIONAL = -1;
    private static final int UNARY = 7;
    private static final int PRIMARY = 8;

    private ExpressionPrinter() {
    }

    /** The expression as MaBoSS source text. */
    public static String print(Expression e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    private static void print(Expression e, StringBuilder sb) {
        if (e instanceof Constant c) {
            sb.append(number(c.value()));
        } else if (e instanceof NodeRef n) {
            sb.append(n.name());
        } else if (e instanceof Param p) {
            sb.append('$').append(p.name());
        } else if (e instanceof AttrRef a) {
            sb.append('@').append(a.name());
        } else if (e instanceof Unary u) {
            sb.append(switch (u.op()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case NOT -> "!";
            });
            child(u.operand(), UNARY, sb);
        } else if (e instanceof Binary b) {
            int p = b.op().precedence();
            // MaBoSS: arithmetic, comparisons and XOR are left-associative; AND and OR right-associative.
            boolean rightAssoc = b.op() == BinaryOp.AND || b.op() == BinaryOp.OR;
            child(b.left(), rightAssoc ? p + 1 : p, sb);
            sb.append(' ').append(b.op().symbol()).append(' ');
            child(b.right(), rightAssoc ? p : p + 1, sb);
        } else if (e instanceof Conditional c) {
            child(c.condition(), 0, sb);
            sb.append(" ? ");
            print(c.ifTrue(), sb);
            sb.append(" : ");
            child(c.ifFalse(), CONDITIONAL, sb);
        } else if (e instanceof Call c) {
            sb.append(c.function()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(c.args().get(i), sb);
            }
            sb.append(')');
        } else {
            throw new IllegalArgumentException("unknown expression " + e);
        }
    }

    private static void child(Expression e, int minPrecedence, StringBuilder sb) {
        if (precedence(e) < minPrecedence) {
            sb.append('(');
            print(e, sb);
            sb.append(')');
        } else {
            print(e, sb);
        }
    }

    private static int precedence(Expression e) {
        if (e instanceof Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Conditional) {
            return CONDITIONAL;
        }
        if (e instanceof Unary) {
            return UNARY;
        }
        if (e instanceof Constant c && c.value() < 0) {
            return UNARY; // printed with a leading minus
        }
        return PRIMARY;
    }

    /**
     * A number as the shortest text that reads back to the same double. The language has no
     * literal for infinity or NaN, so those print as expressions with their value
     * ({@code 1e999} overflows to infinity; {@code (0/0)} is NaN), and -0 keeps its sign.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "(0/0)";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "1e999" : "-1e999";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }
}
