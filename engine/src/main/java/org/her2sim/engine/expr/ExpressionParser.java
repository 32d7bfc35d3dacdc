// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.ArrayList;
import java.util.List;
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
import org.her2sim.engine.expr.Expression.UnaryOp;
import org.her2sim.engine.expr.Token.Kind;

/**
 * Parses expressions with MaBoSS's grammar, tightest first: primaries and calls; unary
 * {@code + - ! NOT}; {@code * /}; {@code + -}; {@code < <= > >=}; {@code == !=};
 * {@code && & AND} (right-associative); {@code || | OR} (right-associative);
 * {@code ^ XOR} (left-associative, looser than OR); {@code ?:} (right-associative).
 * An expression deeper than {@link #MAX_DEPTH} (operators or parentheses) is refused with its
 * location, so that neither this parser nor any walk over its trees can overflow the stack.
 */
public final class ExpressionParser {
    /** The deepest expression tree accepted, a chain of 1,000 terms; parentheses nest at most 250 deep. */
    public static final int MAX_DEPTH = 1000;

    /** The parser's own recursion limit, in {@link #level} units: 1,000 chained AND/OR, 250 parentheses. */
    private static final int MAX_FRAMES = MAX_DEPTH + 10;

    private final TokenStream in;
    private final NameListener listener;
    /** Stack frames under way, roughly: four for each open {@link #conditional()}, one for other recursion. */
    private int level;
    /** The depth of the tree the last parse method returned. */
    private int depth;

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
        enter(4);
        Expression cond = binary(0);
        int d = depth;
        if (in.accept(Kind.QUESTION)) {
            Expression a = conditional();
            d = Math.max(d, depth);
            in.expect(Kind.COLON, "':' of the conditional");
            Expression b = conditional();
            deeper(Math.max(d, depth), in.peek());
            level -= 4;
            return new Conditional(cond, a, b);
        }
        level -= 4;
        return cond;
    }

    /** Counts recursion, refusing the expression past the limit. */
    private void enter(int frames) {
        level += frames;
        if (level > MAX_FRAMES) {
            throw tooDeep(in.peek());
        }
    }

    /** Sets the depth of a new node whose deepest child has depth {@code child}. */
    private void deeper(int child, Token at) {
        depth = child + 1;
        if (depth > MAX_DEPTH) {
            throw tooDeep(at);
        }
    }

    private ModelException tooDeep(Token at) {
        return in.error(at, "expression nested too deeply (at most " + MAX_DEPTH + " chained operators or about "
            + MAX_DEPTH / 4 + " nested parentheses)");
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
            Token t = in.next();
            int d = depth;
            boolean right = op == BinaryOp.AND || op == BinaryOp.OR;
            if (right) {
                enter(1);
            }
            Expression r = binary(right ? op.precedence() : op.precedence() + 1);
            if (right) {
                level--;
            }
            deeper(Math.max(d, depth), t);
            left = new Binary(op, left, r);
        }
    }

    private Expression unary() {
        UnaryOp op = in.accept(Kind.PLUS) ? UnaryOp.PLUS : in.accept(Kind.MINUS) ? UnaryOp.MINUS : in.accept(Kind.NOT) ? UnaryOp.NOT : null;
        if (op == null) {
            return primary();
        }
        Token t = in.peek();
        enter(1);
        Expression e = unary();
        level--;
        deeper(depth, t);
        return new Unary(op, e);
    }

    private Expression primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER:
                in.next();
                depth = 1;
                return new Constant(t.number());
            case VARIABLE:
                in.next();
                depth = 1;
                return new Param(t.text(), in.at(t));
            case ALIAS:
                in.next();
                depth = 1;
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
                depth = 1;
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
        int d = 0;
        if (!in.at(Kind.RPAREN)) {
            do {
                args.add(conditional());
                d = Math.max(d, depth);
            } while (in.accept(Kind.COMMA));
        }
        deeper(d, name);
        in.expect(Kind.RPAREN, "')' closing the call of " + fn);
        if (args.isEmpty() || args.size() > 2) {
            throw in.error(name, fn + " takes 1 or 2 arguments, got " + args.size());
        }
        return new Call(fn, args, in.at(name));
    }
}
