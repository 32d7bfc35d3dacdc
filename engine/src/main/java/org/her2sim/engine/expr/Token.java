// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

/** One lexical token, with the 1-based line and column where it starts. */
public record Token(Kind kind, String text, double number, int line, int column) {

    /** Token kinds of the BND and CFG languages. */
    public enum Kind {
        IDENT, NUMBER, STRING, VARIABLE, ALIAS,
        LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET,
        SEMI, COMMA, COLON, DOT, ASSIGN, QUESTION,
        PLUS, MINUS, STAR, SLASH, NOT,
        LT, LE, GT, GE, EQ, NE, AND, OR, XOR,
        EOF
    }

    /** True when this token is an identifier equal to {@code word}, ignoring case. */
    public boolean isWord(String word) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(word);
    }

    /** How the token is shown in an error message. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case STRING -> "a string";
            case NUMBER -> "number '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
