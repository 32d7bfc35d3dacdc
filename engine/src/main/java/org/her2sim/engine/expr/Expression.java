// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.List;
import java.util.Objects;
import org.her2sim.engine.error.SourceLocation;

/**
 * An expression of the MaBoSS language: everything evaluates to a double and any non-zero value
 * counts as true. The cases are immutable records; printing ({@link ExpressionPrinter}) and
 * evaluation ({@link ExpressionCompiler}) live in their own classes.
 */
public sealed interface Expression {

    /** A numeric literal; {@code TRUE} and {@code FALSE} are 1 and 0. */
    record Constant(double value) implements Expression { }

    /** The value (0 or 1) of a node, by name. */
    record NodeRef(String name, SourceLocation at) implements Expression {
        public NodeRef {
            Objects.requireNonNull(name);
        }
    }

    /** A parameter {@code $name}, defined in a configuration. */
    record Param(String name, SourceLocation at) implements Expression {
        public Param {
            Objects.requireNonNull(name);
        }
    }

    /** {@code @name}: another attribute of the node whose attribute is being evaluated. */
    record AttrRef(String name, SourceLocation at) implements Expression {
        public AttrRef {
            Objects.requireNonNull(name);
        }
    }

    /** {@code +x}, {@code -x}, {@code !x} (also written {@code NOT x}). */
    record Unary(UnaryOp op, Expression operand) implements Expression { }

    /** A binary operator; see {@link BinaryOp} for precedence. */
    record Binary(BinaryOp op, Expression left, Expression right) implements Expression { }

    /** {@code cond ? ifTrue : ifFalse}, the loosest operator. */
    record Conditional(Expression condition, Expression ifTrue, Expression ifFalse) implements Expression { }

    /** A built-in function call: {@code exp(x)}, {@code exp(x, base)}, {@code log(x)}, {@code log(x, base)}. */
    record Call(String function, List<Expression> args, SourceLocation at) implements Expression {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Unary operators. */
    enum UnaryOp { PLUS, MINUS, NOT }

    /**
     * Binary operators with MaBoSS's precedence (higher binds tighter). Note that XOR binds looser
     * than OR, unlike C, because MaBoSS's grammar puts it there.
     */
    enum BinaryOp {
        MUL("*", 6), DIV("/", 6),
        ADD("+", 5), SUB("-", 5),
        LT("<", 4), LE("<=", 4), GT(">", 4), GE(">=", 4),
        EQ("==", 3), NE("!=", 3),
        AND("&", 2),
        OR("|", 1),
        XOR("^", 0);

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        /** The operator as printed. */
        public String symbol() {
            return symbol;
        }

        /** Binding strength: 6 for {@code * /} down to 0 for XOR; the conditional is below all. */
        public int precedence() {
            return precedence;
        }
    }

    /** Shorthand for a constant. */
    static Expression constant(double v) {
        return new Constant(v);
    }

    /** Calls {@code leaf} on every leaf of {@code e} (constants, node, parameter and attribute references), left to right. */
    static void forEachLeaf(Expression e, java.util.function.Consumer<Expression> leaf) {
        if (e instanceof Unary u) {
            forEachLeaf(u.operand(), leaf);
        } else if (e instanceof Binary b) {
            forEachLeaf(b.left(), leaf);
            forEachLeaf(b.right(), leaf);
        } else if (e instanceof Conditional c) {
            forEachLeaf(c.condition(), leaf);
            forEachLeaf(c.ifTrue(), leaf);
            forEachLeaf(c.ifFalse(), leaf);
        } else if (e instanceof Call c) {
            c.args().forEach(a -> forEachLeaf(a, leaf));
        } else {
            leaf.accept(e);
        }
    }
}
