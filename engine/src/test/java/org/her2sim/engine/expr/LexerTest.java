// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Token.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokens, comments, strings, locations and lexical errors of {@link Lexer}. */
class LexerTest {

    private static List<Token> lex(String text) {
        return Lexer.tokenize("src", text);
    }

    private static List<Kind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    private static List<String> texts(String text) {
        return lex(text).stream().map(Token::text).toList();
    }

    @Test
    void emptyInputIsJustEof() {
        List<Token> t = lex("");
        assertThat(t).containsExactly(new Token(Kind.EOF, "", 0, 1, 1));
        assertThat(lex("  \n\t ")).containsExactly(new Token(Kind.EOF, "", 0, 2, 3));
    }

    @Test
    void everyPunctuationAndOperator() {
        assertThat(kinds("{ } ( ) [ ] ; , : . = ? + - * / ! < <= > >= == != & && | || ^"))
            .containsExactly(Kind.LBRACE, Kind.RBRACE, Kind.LPAREN, Kind.RPAREN, Kind.LBRACKET, Kind.RBRACKET,
                Kind.SEMI, Kind.COMMA, Kind.COLON, Kind.DOT, Kind.ASSIGN, Kind.QUESTION,
                Kind.PLUS, Kind.MINUS, Kind.STAR, Kind.SLASH, Kind.NOT,
                Kind.LT, Kind.LE, Kind.GT, Kind.GE, Kind.EQ, Kind.NE, Kind.AND, Kind.AND, Kind.OR, Kind.OR, Kind.XOR,
                Kind.EOF);
    }

    @Test
    void operatorsWithoutSpaces() {
        assertThat(kinds("a<=b!=!c==d>=-e")).containsExactly(Kind.IDENT, Kind.LE, Kind.IDENT, Kind.NE, Kind.NOT, Kind.IDENT,
            Kind.EQ, Kind.IDENT, Kind.GE, Kind.MINUS, Kind.IDENT, Kind.EOF);
        // '&&&' is '&&' then '&'; '= =' is two assignments
        assertThat(kinds("&&&")).containsExactly(Kind.AND, Kind.AND, Kind.EOF);
        assertThat(texts("&&&")).containsExactly("&&", "&", "");
        assertThat(kinds("= =")).containsExactly(Kind.ASSIGN, Kind.ASSIGN, Kind.EOF);
        assertThat(kinds("--1")).containsExactly(Kind.MINUS, Kind.MINUS, Kind.NUMBER, Kind.EOF);
    }

    @Test
    void keywordOperatorsInAnyCaseKeepTheirText() {
        List<Token> t = lex("AND and And OR or Or NOT not nOt XOR xor XoR ANDY NOTE ORX _AND");
        assertThat(t.stream().map(Token::kind).toList()).containsExactly(
            Kind.AND, Kind.AND, Kind.AND, Kind.OR, Kind.OR, Kind.OR, Kind.NOT, Kind.NOT, Kind.NOT, Kind.XOR, Kind.XOR, Kind.XOR,
            Kind.IDENT, Kind.IDENT, Kind.IDENT, Kind.IDENT, Kind.EOF);
        assertThat(t.get(2).text()).isEqualTo("And");
        assertThat(t.get(12).text()).isEqualTo("ANDY");
    }

    @Test
    void identifiersVariablesAndAliases() {
        List<Token> t = lex("Node_1 _x $rate_2 @logic x9");
        assertThat(t.get(0)).isEqualTo(new Token(Kind.IDENT, "Node_1", 0, 1, 1));
        assertThat(t.get(1)).isEqualTo(new Token(Kind.IDENT, "_x", 0, 1, 8));
        assertThat(t.get(2)).isEqualTo(new Token(Kind.VARIABLE, "rate_2", 0, 1, 11));
        assertThat(t.get(3)).isEqualTo(new Token(Kind.ALIAS, "logic", 0, 1, 19));
        assertThat(t.get(4)).isEqualTo(new Token(Kind.IDENT, "x9", 0, 1, 26));
        assertThat(t.get(5).kind()).isEqualTo(Kind.EOF);
    }

    @Test
    void dollarOrAtWithoutNameIsAnError() {
        assertThatThrownBy(() -> lex("x = $1;")).isInstanceOf(ModelException.class).hasMessage("src:1:5: expected a name after '$'");
        assertThatThrownBy(() -> lex("\n @")).isInstanceOf(ModelException.class).hasMessage("src:2:2: expected a name after '@'");
        assertThatThrownBy(() -> lex("@ x")).isInstanceOf(ModelException.class).hasMessage("src:1:1: expected a name after '@'");
    }

    @ParameterizedTest
    @CsvSource({
        "1e+100, 1e100",
        ".5, 0.5",
        "1., 1",
        "2E-3, 0.002",
        "42, 42",
        "0.000, 0",
        "6.02e23, 6.02e23"
    })
    void numbers(String text, double value) {
        List<Token> t = lex(text);
        assertThat(t).hasSize(2);
        assertThat(t.get(0).kind()).isEqualTo(Kind.NUMBER);
        assertThat(t.get(0).text()).isEqualTo(text);
        assertThat(t.get(0).number()).isEqualTo(value);
    }

    @Test
    void numberFollowedByDotOrOperator() {
        // '1.5.2' is a number and then '.2'
        List<Token> t = lex("1.5.2");
        assertThat(t.get(0).number()).isEqualTo(1.5);
        assertThat(t.get(1).number()).isEqualTo(0.2);
        assertThat(t.get(1).column()).isEqualTo(4);
        // an 'e' without exponent digits is not part of the number, and a letter right after a number is an error
        assertThatThrownBy(() -> lex("1e+")).isInstanceOf(ModelException.class).hasMessage("src:1:1: malformed number '1e'");
        assertThat(kinds("1+e")).containsExactly(Kind.NUMBER, Kind.PLUS, Kind.IDENT, Kind.EOF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12abc|src:1:1: malformed number '12a'",
        "x = 3x;|src:1:5: malformed number '3x'",
        "\\n  1.5e|src:2:3: malformed number '1.5e'",
        "2_|src:1:1: malformed number '2_'",
        "1e5q|src:1:1: malformed number '1e5q'"
    })
    void malformedNumbers(String text, String message) {
        assertThatThrownBy(() -> lex(text.replace("\\n", "\n"))).isInstanceOf(ModelException.class).hasMessage(message);
    }

    @Test
    void exponentWithoutDigitsBeforeAnOperatorIsLeftOut() {
        // '1e+' : the 'e' cannot start an exponent, and a letter right after a number is an error
        assertThatThrownBy(() -> lex("1e+2e")).isInstanceOf(ModelException.class).hasMessage("src:1:1: malformed number '1e+2e'");
    }

    @Test
    void lineCommentsBothStyles() {
        List<Token> t = lex("a // b c\nd # e f\n# whole line\n  g//x");
        assertThat(t.stream().map(Token::text).toList()).containsExactly("a", "d", "g", "");
        assertThat(t.get(1).line()).isEqualTo(2);
        assertThat(t.get(1).column()).isEqualTo(1);
        assertThat(t.get(2).line()).isEqualTo(4);
        assertThat(t.get(2).column()).isEqualTo(3);
    }

    @Test
    void slashAloneIsDivision() {
        assertThat(kinds("a / b")).containsExactly(Kind.IDENT, Kind.SLASH, Kind.IDENT, Kind.EOF);
    }

    @Test
    void blockCommentsSpanLinesAndKeepLocations() {
        List<Token> t = lex("a /* one\n two\n three */ b /**/c/* x */ /*/ still comment */d\ne");
        assertThat(t.stream().map(Token::text).toList()).containsExactly("a", "b", "c", "d", "e", "");
        assertThat(t.get(1)).isEqualTo(new Token(Kind.IDENT, "b", 0, 3, 11));
        assertThat(t.get(2)).isEqualTo(new Token(Kind.IDENT, "c", 0, 3, 17));
        assertThat(t.get(3).line()).isEqualTo(3);
        assertThat(t.get(4)).isEqualTo(new Token(Kind.IDENT, "e", 0, 4, 1));
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(texts("/* a /* b */ c */")).containsExactly("c", "*", "/", "");
    }

    @Test
    void unterminatedBlockCommentNamesWhereItStarted() {
        Throwable e = catchThrowable(() -> lex("a\n  b /* never\n closed"));
        assertThat(e).isInstanceOf(ModelException.class).hasMessage("src:2:5: comment '/*' is never closed");
        assertThat(((ModelException) e).location()).isEqualTo(new SourceLocation("src", 2, 5));
        assertThatThrownBy(() -> lex("/*")).hasMessage("src:1:1: comment '/*' is never closed");
        assertThatThrownBy(() -> lex("/* *")).hasMessage("src:1:1: comment '/*' is never closed");
    }

    @Test
    void stringsWithEscapes() {
        List<Token> t = lex("\"a\\\"b\\\\c\\nd\\te\\q\" x");
        assertThat(t.get(0).kind()).isEqualTo(Kind.STRING);
        assertThat(t.get(0).text()).isEqualTo("a\"b\\c\nd\te" + "q");
        assertThat(t.get(1)).isEqualTo(new Token(Kind.IDENT, "x", 0, 1, 19));
        assertThat(lex("\"\"").get(0)).isEqualTo(new Token(Kind.STRING, "", 0, 1, 1));
        assertThat(lex("\"// not # a /* comment\"").get(0).text()).isEqualTo("// not # a /* comment");
    }

    @Test
    void stringsMaySpanLines() {
        List<Token> t = lex("\"one\ntwo\" y");
        assertThat(t.get(0).text()).isEqualTo("one\ntwo");
        assertThat(t.get(1)).isEqualTo(new Token(Kind.IDENT, "y", 0, 2, 6));
    }

    @Test
    void unterminatedStringNamesWhereItStarted() {
        assertThatThrownBy(() -> lex("x = \n   \"abc")).isInstanceOf(ModelException.class).hasMessage("src:2:4: string is never closed");
        assertThatThrownBy(() -> lex("\"abc\\")).isInstanceOf(ModelException.class).hasMessage("src:1:1: string is never closed");
        assertThatThrownBy(() -> lex("\"abc\\\"")).isInstanceOf(ModelException.class).hasMessage("src:1:1: string is never closed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a % b|src:1:3: unexpected character '%'",
        "node A {\\n  logic = B ~ C;\\n}|src:2:13: unexpected character '~'",
        "x;\\n\\n\\t`|src:3:2: unexpected character '`'"
    })
    void badCharacterNamesLineAndColumn(String text, String message) {
        String t = text.replace("\\n", "\n").replace("\\t", "\t");
        assertThatThrownBy(() -> lex(t)).isInstanceOf(ModelException.class).hasMessage(message);
    }

    @Test
    void backslashOutsideAStringIsABadCharacter() {
        assertThatThrownBy(() -> lex("a\\")).isInstanceOf(ModelException.class).hasMessage("src:1:2: unexpected character '\\'");
    }

    @Test
    void windowsLineEndsAndByteOrderMark() {
        List<Token> t = lex("\uFEFFa\r\n  b\r\n");
        assertThat(t.get(0)).isEqualTo(new Token(Kind.IDENT, "a", 0, 1, 2));
        assertThat(t.get(1)).isEqualTo(new Token(Kind.IDENT, "b", 0, 2, 3));
        assertThat(t.get(2).line()).isEqualTo(3);
    }

    @Test
    void locationsOfEveryToken() {
        List<Token> t = lex("node A {\n  rate_up = $k * 2.5;\n}");
        assertThat(t).containsExactly(
            new Token(Kind.IDENT, "node", 0, 1, 1),
            new Token(Kind.IDENT, "A", 0, 1, 6),
            new Token(Kind.LBRACE, "{", 0, 1, 8),
            new Token(Kind.IDENT, "rate_up", 0, 2, 3),
            new Token(Kind.ASSIGN, "=", 0, 2, 11),
            new Token(Kind.VARIABLE, "k", 0, 2, 13),
            new Token(Kind.STAR, "*", 0, 2, 16),
            new Token(Kind.NUMBER, "2.5", 2.5, 2, 18),
            new Token(Kind.SEMI, ";", 0, 2, 21),
            new Token(Kind.RBRACE, "}", 0, 3, 1),
            new Token(Kind.EOF, "", 0, 3, 2));
    }

    @Test
    void tokenDescriptions() {
        List<Token> t = lex("x 1.5 \"s\" ;");
        assertThat(t.get(0).describe()).isEqualTo("'x'");
        assertThat(t.get(1).describe()).isEqualTo("number '1.5'");
        assertThat(t.get(2).describe()).isEqualTo("a string");
        assertThat(t.get(3).describe()).isEqualTo("';'");
        assertThat(t.get(4).describe()).isEqualTo("end of input");
        assertThat(t.get(0).isWord("X")).isTrue();
        assertThat(t.get(1).isWord("1.5")).isFalse();
    }

    @Test
    void tokenStreamLineLimitEndsInputAtTheLine() {
        TokenStream in = TokenStream.of("src", "a b\nc");
        in.limitToLine(1);
        assertThat(in.next().text()).isEqualTo("a");
        assertThat(in.next().text()).isEqualTo("b");
        Token end = in.peek();
        assertThat(end.kind()).isEqualTo(Kind.EOF);
        // the limited input ends just after the line's last token
        assertThat(end.line()).isEqualTo(1);
        assertThat(end.column()).isEqualTo(4);
        assertThat(in.next().kind()).isEqualTo(Kind.EOF);
        in.limitToLine(Integer.MAX_VALUE);
        assertThat(in.next().text()).isEqualTo("c");
    }

    @Test
    void characterClassesAgreeWithCharacterForEveryChar() {
        // the ASCII shortcuts must answer as java.lang.Character does, and defer to it elsewhere
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(Lexer.isSpace(c)).as("isSpace U+%04X", i).isEqualTo(Character.isWhitespace(c));
            assertThat(Lexer.isLetter(c)).as("isLetter U+%04X", i).isEqualTo(Character.isLetter(c));
            assertThat(Lexer.isLetterOrDigit(c)).as("isLetterOrDigit U+%04X", i).isEqualTo(Character.isLetterOrDigit(c));
        }
    }
}
