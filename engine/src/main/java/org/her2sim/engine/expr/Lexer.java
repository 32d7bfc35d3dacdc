// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Token.Kind;

/**
 * Splits BND and CFG text into tokens. Comments are {@code // ...}, {@code /* ... * /} and
 * {@code # ...} to the end of the line. The words AND, OR, NOT and XOR (any case) become
 * operators.
 */
public final class Lexer {
    /** One-character token texts, shared rather than made per token. */
    private static final String[] PUNCTUATION = new String[128];

    static {
        for (char c : "{}()[];,:.=?+-*/!<>&|^".toCharArray()) {
            PUNCTUATION[c] = String.valueOf(c);
        }
    }

    private final String source;
    /** The input as an array: a cold lexer (the first run of a short process) reads it faster than through charAt. */
    private final char[] text;
    private final int len;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String source, String text) {
        this.source = source;
        this.text = text.toCharArray();
        this.len = this.text.length;
    }

    /**
     * @param source the name used in error messages (a file name, {@code -e #1}, ...)
     * @param text the whole input
     * @throws ModelException on a character that starts no token or an unterminated comment or string
     */
    public static List<Token> tokenize(String source, String text) {
        return new Lexer(source, text).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= len) {
                out.add(new Token(Kind.EOF, "", 0, line, col()));
                return out;
            }
            out.add(next());
        }
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private void newline() {
        line++;
        lineStart = pos + 1;
    }

    private void skipSpaceAndComments() {
        while (pos < len) {
            char c = text[pos];
            if (c == '\n') {
                newline();
                pos++;
            } else if (isSpace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (pos < len && text[pos] != '\n') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int startLine = line;
                int startCol = col();
                pos += 2;
                while (true) {
                    if (pos >= len) {
                        throw error(startLine, startCol, "comment '/*' is never closed");
                    }
                    if (text[pos] == '*' && peek(1) == '/') {
                        pos += 2;
                        break;
                    }
                    if (text[pos] == '\n') {
                        newline();
                    }
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** {@link Character#isWhitespace}, with ASCII answered without a table lookup. */
    static boolean isSpace(char c) {
        return c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') : Character.isWhitespace(c);
    }

    /** {@link Character#isLetter}, with ASCII answered without a table lookup. */
    static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    /** {@link Character#isLetterOrDigit}, with ASCII answered without a table lookup. */
    static boolean isLetterOrDigit(char c) {
        return c < 128 ? isLetter(c) || isAsciiDigit(c) : Character.isLetterOrDigit(c);
    }

    /** Only 0-9: {@link Character#isDigit} also takes digits of other scripts, which {@link Double#parseDouble} refuses. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < len ? text[p] : '\0';
    }

    private Token next() {
        int startCol = col();
        int startLine = line;
        char c = text[pos];
        if (isLetter(c) || c == '_') {
            String word = identifier();
            return new Token(keyword(word), word, 0, startLine, startCol);
        }
        if (isAsciiDigit(c) || (c == '.' && isAsciiDigit(peek(1)))) {
            return number(startLine, startCol);
        }
        if (c == '$' || c == '@') {
            pos++;
            if (pos >= len || !(isLetter(text[pos]) || text[pos] == '_')) {
                throw error(startLine, startCol, "expected a name after '" + c + "'");
            }
            String name = identifier();
            return new Token(c == '$' ? Kind.VARIABLE : Kind.ALIAS, name, 0, startLine, startCol);
        }
        if (c == '"') {
            return string(startLine, startCol);
        }
        char c2 = peek(1);
        Kind k2 = null;
        if (c2 == '=') {
            k2 = switch (c) {
                case '<' -> Kind.LE;
                case '>' -> Kind.GE;
                case '=' -> Kind.EQ;
                case '!' -> Kind.NE;
                default -> null;
            };
        } else if (c == c2 && (c == '&' || c == '|')) {
            k2 = c == '&' ? Kind.AND : Kind.OR;
        }
        if (k2 != null) {
            String two = new String(text, pos, 2);
            pos += 2;
            return new Token(k2, two, 0, startLine, startCol);
        }
        Kind k1 = switch (c) {
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ';' -> Kind.SEMI;
            case ',' -> Kind.COMMA;
            case ':' -> Kind.COLON;
            case '.' -> Kind.DOT;
            case '=' -> Kind.ASSIGN;
            case '?' -> Kind.QUESTION;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            case '!' -> Kind.NOT;
            case '<' -> Kind.LT;
            case '>' -> Kind.GT;
            case '&' -> Kind.AND;
            case '|' -> Kind.OR;
            case '^' -> Kind.XOR;
            default -> null;
        };
        if (k1 == null) {
            throw error(startLine, startCol, "unexpected character '" + c + "'");
        }
        pos++;
        return new Token(k1, PUNCTUATION[c], 0, startLine, startCol);
    }

    /** AND, OR, NOT and XOR in any case are operators; any other word is an identifier. */
    private static Kind keyword(String w) {
        if (w.length() < 2 || w.length() > 3) {
            return Kind.IDENT;
        }
        if (w.equalsIgnoreCase("AND")) {
            return Kind.AND;
        }
        if (w.equalsIgnoreCase("OR")) {
            return Kind.OR;
        }
        if (w.equalsIgnoreCase("NOT")) {
            return Kind.NOT;
        }
        return w.equalsIgnoreCase("XOR") ? Kind.XOR : Kind.IDENT;
    }

    private String identifier() {
        int start = pos;
        while (pos < len && (isLetterOrDigit(text[pos]) || text[pos] == '_')) {
            pos++;
        }
        return new String(text, start, pos - start);
    }

    private Token number(int startLine, int startCol) {
        int start = pos;
        while (pos < len && isAsciiDigit(text[pos])) {
            pos++;
        }
        if (pos < len && text[pos] == '.') {
            pos++;
            while (pos < len && isAsciiDigit(text[pos])) {
                pos++;
            }
        }
        if (pos < len && (text[pos] == 'e' || text[pos] == 'E')) {
            int save = pos;
            pos++;
            if (pos < len && (text[pos] == '+' || text[pos] == '-')) {
                pos++;
            }
            if (pos < len && isAsciiDigit(text[pos])) {
                while (pos < len && isAsciiDigit(text[pos])) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String s = new String(text, start, pos - start);
        if (pos < len && (isLetter(text[pos]) || text[pos] == '_')) {
            throw error(startLine, startCol, "malformed number '" + s + text[pos] + "'");
        }
        return new Token(Kind.NUMBER, s, Double.parseDouble(s), startLine, startCol);
    }

    private Token string(int startLine, int startCol) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= len) {
                throw error(startLine, startCol, "string is never closed");
            }
            char c = text[pos];
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < len) {
                char e = text[pos + 1];
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
                pos += 2;
                continue;
            }
            if (c == '\n') {
                newline();
            }
            sb.append(c);
            pos++;
        }
        return new Token(Kind.STRING, sb.toString(), 0, startLine, startCol);
    }

    private ModelException error(int l, int c, String msg) {
        return new ModelException(new SourceLocation(source, l, c), msg);
    }
}
