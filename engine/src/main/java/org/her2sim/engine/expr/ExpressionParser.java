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
        Expression cond = binary(0);
        if (in.accept(Kind.QUESTION)) {
            Expression a = conditional();
            in.expect(Kind.COLON, "':' of the conditional");
            Expression b = conditional();
            return new Conditional(cond, a, b);
        }
        return cond;
    }

    /** The binary operator a token stands for, or null. */
    private static BinaryOp binaryOp(Kind k) {
        return switch (k) {
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case AND -> BinaryOp.AND;
            case OR -> BinaryOp.OR;
            case XOR -> BinaryOp.XOR;
            default -> null;
        };
    }

    /**
     * Precedence climbing over {@link BinaryOp#precedence()}: operators at or above
     * {@code minPrecedence} are taken here. AND and OR are right-associative (MaBoSS's grammar
     * recurses on their right), every other operator left-associative.
     */
    private Expression binary(int minPrecedence) {
        Expression left = unary();
        while (true) {
            BinaryOp op = binaryOp(in.peek().kind());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            in.next();
            boolean right = op == BinaryOp.AND || op == BinaryOp.OR;
            left = new Binary(op, left, binary(right ? op.precedence() : op.precedence() + 1));
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
