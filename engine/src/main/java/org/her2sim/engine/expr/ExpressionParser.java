// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.ArrayList;
import java.util.List;
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
import org.her2sim.engine.expr.Token.Kind;

/**
 * Parses expressions with MaBoSS's grammar, tightest first: primaries and calls; unary
 * {@code + - ! NOT}; {@code * /}; {@code + -}; {@code < <= > >=}; {@code == !=};
 * {@code && & AND} (right-associative); {@code || | OR} (right-associative);
 * {@code ^ XOR} (left-associative, looser than OR); {@code ?:} (right-associative).
 */
public final class ExpressionParser {
    private final TokenStream in;
    private final NameListener listener;

    /** Told about every node name an expression mentions, in reading order. */
    @FunctionalInterface
    public interface NameListener {
        /** Called once for each node reference as it is read. */
        void nodeMentioned(String name);
    }

    private ExpressionParser(TokenStream in, NameListener listener) {
        this.in = in;
        this.listener = listener;
    }

    /** Parses one expression from the stream; the stream stays at the first token after it. */
    public static Expression parse(TokenStream in, NameListener listener) {
        return new ExpressionParser(in, listener).conditional();
    }

    /** Parses one expression from the stream without reporting node names. */
    public static Expression parse(TokenStream in) {
        return parse(in, name -> { });
    }

    /** Parses a whole text as one expression (used by tests and by {@code -e} value snippets). */
    public static Expression parse(String source, String text) {
        TokenStream in = TokenStream.of(source, text);
        Expression e = parse(in);
        Token t = in.peek();
        if (t.kind() != Kind.EOF) {
            throw in.error(t, "unexpected " + t.describe() + " after the expression");
        }
        return e;
    }

    private Expression conditional() {
        Expression cond = xor();
        if (in.accept(Kind.QUESTION)) {
            Expression a = conditional();
            in.expect(Kind.COLON, "':' of the conditional");
            Expression b = conditional();
            return new Conditional(cond, a, b);
        }
        return cond;
    }

    private Expression xor() {
        Expression left = or();
        while (in.accept(Kind.XOR)) {
            left = new Binary(BinaryOp.XOR, left, or());
        }
        return left;
    }

    private Expression or() {
        Expression left = and();
        if (in.accept(Kind.OR)) {
            return new Binary(BinaryOp.OR, left, or());
        }
        return left;
    }

    private Expression and() {
        Expression left = equality();
        if (in.accept(Kind.AND)) {
            return new Binary(BinaryOp.AND, left, and());
        }
        return left;
    }

    private Expression equality() {
        Expression left = relational();
        while (true) {
            if (in.accept(Kind.EQ)) {
                left = new Binary(BinaryOp.EQ, left, relational());
            } else if (in.accept(Kind.NE)) {
                left = new Binary(BinaryOp.NE, left, relational());
            } else {
                return left;
            }
        }
    }

    private Expression relational() {
        Expression left = additive();
        while (true) {
            BinaryOp op = switch (in.peek().kind()) {
                case LT -> BinaryOp.LT;
                case LE -> BinaryOp.LE;
                case GT -> BinaryOp.GT;
                case GE -> BinaryOp.GE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            in.next();
            left = new Binary(op, left, additive());
        }
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (true) {
            if (in.accept(Kind.PLUS)) {
                left = new Binary(BinaryOp.ADD, left, multiplicative());
            } else if (in.accept(Kind.MINUS)) {
                left = new Binary(BinaryOp.SUB, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (true) {
            if (in.accept(Kind.STAR)) {
                left = new Binary(BinaryOp.MUL, left, unary());
            } else if (in.accept(Kind.SLASH)) {
                left = new Binary(BinaryOp.DIV, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        if (in.accept(Kind.PLUS)) {
            return new Unary(UnaryOp.PLUS, unary());
        }
        if (in.accept(Kind.MINUS)) {
            return new Unary(UnaryOp.MINUS, unary());
        }
        if (in.accept(Kind.NOT)) {
            return new Unary(UnaryOp.NOT, unary());
        }
        return primary();
    }

    private Expression primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER:
                in.next();
                return new Constant(t.number());
            case VARIABLE:
                in.next();
                return new Param(t.text(), in.at(t));
            case ALIAS:
                in.next();
                return new AttrRef(t.text(), in.at(t));
            case LPAREN: {
                in.next();
                Expression e = conditional();
                in.expect(Kind.RPAREN, "')'");
                return e;
            }
            case IDENT: {
                in.next();
                if (in.at(Kind.LPAREN)) {
                    return call(t);
                }
                if (t.isWord("TRUE")) {
                    return new Constant(1);
                }
                if (t.isWord("FALSE")) {
                    return new Constant(0);
                }
                listener.nodeMentioned(t.text());
                return new NodeRef(t.text(), in.at(t));
            }
            default:
                throw in.error(t, "expected an expression but found " + t.describe());
        }
    }

    private Expression call(Token name) {
        String fn = name.text();
        if (!fn.equals("exp") && !fn.equals("log")) {
            throw in.error(name, "unknown function '" + fn + "' (known: exp, log)");
        }
        in.expect(Kind.LPAREN, "'('");
        List<Expression> args = new ArrayList<>();
        if (!in.at(Kind.RPAREN)) {
            do {
                args.add(conditional());
            } while (in.accept(Kind.COMMA));
        }
        in.expect(Kind.RPAREN, "')' closing the call of " + fn);
        if (args.isEmpty() || args.size() > 2) {
            throw in.error(name, fn + " takes 1 or 2 arguments, got " + args.size());
        }
        return new Call(fn, args, in.at(name));
    }
}
