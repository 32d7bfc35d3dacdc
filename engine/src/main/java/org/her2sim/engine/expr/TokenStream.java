// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Token.Kind;

/**
 * A cursor over tokens for the recursive-descent parsers. It can be limited to one line, so
 * that BoolNet one-liners ({@code A, B & !C}) end at the end of their line.
 */
public final class TokenStream {
    private final String source;
    private final List<Token> tokens;
    private int pos;
    private int lineLimit = Integer.MAX_VALUE;

    /** @param source the name used in error messages */
    public TokenStream(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** Tokenizes {@code text} and returns a stream over it. */
    public static TokenStream of(String source, String text) {
        return new TokenStream(source, Lexer.tokenize(source, text));
    }

    /** The source name. */
    public String source() {
        return source;
    }

    /** The next token, without consuming it; tokens past the line limit read as end of input. */
    public Token peek() {
        Token t = tokens.get(pos);
        if (t.line() > lineLimit && t.kind() != Kind.EOF) {
            return endOfLimitedLine(t);
        }
        return t;
    }

    /** The end of input a line limit makes: placed just after the last token of the line. */
    private Token endOfLimitedLine(Token next) {
        if (pos > 0) {
            Token last = tokens.get(pos - 1);
            if (last.line() <= lineLimit) {
                return new Token(Kind.EOF, "", 0, last.line(), last.column() + last.text().length());
            }
        }
        return new Token(Kind.EOF, "", 0, next.line(), next.column());
    }

    /** The token {@code ahead} places further on. */
    public Token peek(int ahead) {
        int p = Math.min(pos + ahead, tokens.size() - 1);
        Token t = tokens.get(p);
        if (t.line() > lineLimit && t.kind() != Kind.EOF) {
            return endOfLimitedLine(t);
        }
        return t;
    }

    /** Consumes and returns the next token. */
    public Token next() {
        Token t = peek();
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    /** True if the next token is of this kind. */
    public boolean at(Kind kind) {
        return peek().kind() == kind;
    }

    /** Consumes the next token if it is of this kind. */
    public boolean accept(Kind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes a token of this kind or fails with "expected ...". */
    public Token expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + " but found " + t.describe());
        }
        return next();
    }

    /** Treats every token after {@code line} as end of input; {@link Integer#MAX_VALUE} lifts the limit. */
    public void limitToLine(int line) {
        this.lineLimit = line;
    }

    /** The location of a token. */
    public SourceLocation at(Token t) {
        return new SourceLocation(source, t.line(), t.column());
    }

    /** An error at a token. */
    public ModelException error(Token t, String message) {
        return new ModelException(at(t), message);
    }
}
