// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.her2sim.engine.expr.RandomExpressions.strip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grammar, precedence and associativity of {@link ExpressionParser}, and the printer round trip. */
class ExpressionParserTest {

    private static final Map<String, Double> PARAMS = Map.of("p", 2.0, "q", 0.5, "big", 1e6);

    private static Expression parse(String text) {
        return ExpressionParser.parse("t", text);
    }

    private static double eval(String text) {
        return ExpressionCompiler.evaluateConstant(parse(text), PARAMS, "a test");
    }

    private static NodeRef n(String name) {
        return new NodeRef(name, null);
    }

    private static Binary bin(BinaryOp op, Expression l, Expression r) {
        return new Binary(op, l, r);
    }

    private static Constant c(double v) {
        return new Constant(v);
    }

    // ---------------------------------------------------------------- precedence by value

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " -> ", value = {
        // XOR is looser than OR (unlike C, where (1 ^ 1) | 1 = 1)
        "1 | 0 ^ 1 -> 0",
        "1 ^ 1 | 1 -> 0",
        "1 ^ 0 | 0 -> 1",
        "1 XOR 1 OR 1 -> 0",
        "1 ^ 1 & 1 -> 0",
        "1 ^ 1 == 1 -> 0",
        // AND tighter than OR
        "0 & 0 | 1 -> 1",
        "1 | 1 & 0 -> 1",
        "1 || 1 && 0 -> 1",
        "1 OR 1 AND 0 -> 1",
        "(1 | 1) & 0 -> 0",
        // arithmetic
        "2 + 3 * 4 -> 14",
        "(2 + 3) * 4 -> 20",
        "2 * 3 + 4 -> 10",
        "10 - 4 - 3 -> 3",
        "8 / 4 / 2 -> 1",
        "12 / 2 * 3 -> 18",
        "1 - 2 + 3 -> 2",
        "-2 * 3 -> -6",
        "2 * -3 -> -6",
        "- -2 -> 2",
        "+2 -> 2",
        "-(2 + 3) -> -5",
        "7 - -1 -> 8",
        // unary binds tighter than * and +
        "!0 + 1 -> 2",
        "!0 * 3 -> 3",
        "!1 + 1 -> 1",
        "NOT 0 AND 0 -> 0",
        "not 1 or 1 -> 1",
        "!!5 -> 1",
        "!-1 -> 0",
        // comparisons: tighter than == and !=, looser than + -
        "1 < 2 == 1 -> 1",
        "2 == 2 < 3 -> 0",
        "3 > 2 > 1 -> 0",
        "1 + 1 < 3 -> 1",
        "1 + 1 > 1 + 2 -> 0",
        "2 <= 2 -> 1",
        "3 <= 2 -> 0",
        "2 >= 2 -> 1",
        "1 >= 2 -> 0",
        "2 < 2 -> 0",
        "2 > 2 -> 0",
        "2 == 2 -> 1",
        "2 != 2 -> 0",
        "2 != 3 -> 1",
        "1 != 1 == 0 -> 1",
        "0 == 0 & 1 -> 1",
        "1 == 1 | 0 -> 1",
        "5 < 3 == 0 -> 1",
        // comparisons of logical values give exactly 0 or 1
        "3 & 4 -> 1",
        "0 | 7 -> 1",
        "3 ^ 5 -> 0",
        "3 ^ 0 -> 1",
        // conditional: loosest and right-associative
        "1 ? 2 : 0 ? 3 : 4 -> 2",
        "0 ? 2 : 0 ? 3 : 4 -> 4",
        "0 ? 2 : 1 ? 3 : 4 -> 3",
        "1 ? 0 : 1 ? 3 : 4 -> 0",
        "1 ? 0 ? 7 : 8 : 9 -> 8",
        "0 | 1 ? 5 : 6 -> 5",
        "1 ^ 1 ? 5 : 6 -> 6",
        "1 + 1 ? 2 : 3 -> 2",
        "1 - 1 ? 2 : 3 -> 3",
        "1 ? 2 + 3 : 4 -> 5",
        "0 ? 1 : 2 * 3 -> 6",
        "(1 ? 0 : 1) ? 3 : 4 -> 4",
        "2 * (0 ? 1 : 5) -> 10",
        // constants and parameters
        "TRUE -> 1",
        "FALSE -> 0",
        "true + True + tRuE -> 3",
        "false | FALSE -> 0",
        "$p * $q -> 1",
        "$p + $p * $p -> 6",
        "-$p -> -2",
        "$big > 999999 -> 1",
        // keywords in any case
        "1 and 0 -> 0",
        "1 And 1 -> 1",
        "0 oR 1 -> 1",
        "1 Xor 1 -> 0",
        "NoT 1 -> 0",
        "1 xor 0 -> 1",
        "&& -> ERR"
    })
    void evaluatesWithMabossPrecedence(String text, String expected) {
        if (expected.equals("ERR")) {
            assertThatThrownBy(() -> parse(text)).isInstanceOf(ModelException.class);
            return;
        }
        assertThat(eval(text)).isEqualTo(Double.parseDouble(expected));
    }

    @Test
    void functionsFollowMaboss() {
        // MaBoSS: exp(x, b) = exp(x * log(b)), log(x, b) = log(x) / log(b)
        assertThat(eval("exp(2, 3)")).isCloseTo(9.0, within(1e-12));
        assertThat(eval("exp(2, 3)")).isEqualTo(Math.exp(2 * Math.log(3)));
        assertThat(eval("log(8, 2)")).isCloseTo(3.0, within(1e-12));
        assertThat(eval("log(8, 2)")).isEqualTo(Math.log(8) / Math.log(2));
        assertThat(eval("exp(0)")).isEqualTo(1.0);
        assertThat(eval("exp(1)")).isEqualTo(Math.E);
        assertThat(eval("log(1)")).isEqualTo(0.0);
        assertThat(eval("log(exp(3))")).isCloseTo(3.0, within(1e-12));
        assertThat(eval("exp(1 ? 2 : 0, 3) + 1")).isCloseTo(10.0, within(1e-12));
        assertThat(eval("-log(100, 10) * 2")).isCloseTo(-4.0, within(1e-12));
        assertThat(eval("exp($p, $p)")).isCloseTo(4.0, within(1e-12));
        assertThat(eval("log(0)")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(eval("log(-1)")).isNaN();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "1e+100, 1e100",
        "1E+100, 1e100",
        ".5, 0.5",
        "1., 1.0",
        "2E-3, 0.002",
        "2e-3, 0.002",
        "3e2, 300",
        "0.125, 0.125",
        "007, 7",
        "1.5e1, 15",
        "'1e999', Infinity"
    })
    void readsNumbers(String text, double expected) {
        Expression e = parse(text);
        assertThat(e).isEqualTo(new Constant(expected));
    }

    @Test
    void numberIsOneTokenEvenBeforeOperators() {
        assertThat(eval("1.+.5")).isEqualTo(1.5);
        assertThat(eval("2e-3*1000")).isCloseTo(2.0, within(1e-15));
        assertThat(eval("1e+2-1")).isEqualTo(99.0);
    }

    // ---------------------------------------------------------------- tree shapes

    @Test
    void andAndOrAreRightAssociative() {
        assertThat(strip(parse("A & B & C"))).isEqualTo(bin(BinaryOp.AND, n("A"), bin(BinaryOp.AND, n("B"), n("C"))));
        assertThat(strip(parse("A && B AND C"))).isEqualTo(bin(BinaryOp.AND, n("A"), bin(BinaryOp.AND, n("B"), n("C"))));
        assertThat(strip(parse("A | B | C"))).isEqualTo(bin(BinaryOp.OR, n("A"), bin(BinaryOp.OR, n("B"), n("C"))));
        assertThat(strip(parse("A || B or C"))).isEqualTo(bin(BinaryOp.OR, n("A"), bin(BinaryOp.OR, n("B"), n("C"))));
    }

    @Test
    void xorAndArithmeticAndComparisonsAreLeftAssociative() {
        assertThat(strip(parse("A ^ B ^ C"))).isEqualTo(bin(BinaryOp.XOR, bin(BinaryOp.XOR, n("A"), n("B")), n("C")));
        assertThat(strip(parse("A XOR B xor C"))).isEqualTo(bin(BinaryOp.XOR, bin(BinaryOp.XOR, n("A"), n("B")), n("C")));
        assertThat(strip(parse("A - B - C"))).isEqualTo(bin(BinaryOp.SUB, bin(BinaryOp.SUB, n("A"), n("B")), n("C")));
        assertThat(strip(parse("A / B * C"))).isEqualTo(bin(BinaryOp.MUL, bin(BinaryOp.DIV, n("A"), n("B")), n("C")));
        assertThat(strip(parse("A < B <= C"))).isEqualTo(bin(BinaryOp.LE, bin(BinaryOp.LT, n("A"), n("B")), n("C")));
        assertThat(strip(parse("A == B != C"))).isEqualTo(bin(BinaryOp.NE, bin(BinaryOp.EQ, n("A"), n("B")), n("C")));
    }

    @Test
    void fullPrecedenceLadder() {
        // every level once, tightest on the right of each looser operator
        Expression e = strip(parse("A ? B : C ^ D | E & F == G < H + I * -J"));
        Expression expected = new Conditional(n("A"), n("B"),
            bin(BinaryOp.XOR, n("C"),
                bin(BinaryOp.OR, n("D"),
                    bin(BinaryOp.AND, n("E"),
                        bin(BinaryOp.EQ, n("F"),
                            bin(BinaryOp.LT, n("G"),
                                bin(BinaryOp.ADD, n("H"),
                                    bin(BinaryOp.MUL, n("I"), new Unary(UnaryOp.MINUS, n("J"))))))))));
        assertThat(e).isEqualTo(expected);
        // and the same ladder written loosest-last binds the other way round
        Expression f = strip(parse("-A * B + C < D == E & F | G ^ H ? I : J"));
        Expression expected2 = new Conditional(
            bin(BinaryOp.XOR,
                bin(BinaryOp.OR,
                    bin(BinaryOp.AND,
                        bin(BinaryOp.EQ,
                            bin(BinaryOp.LT,
                                bin(BinaryOp.ADD, bin(BinaryOp.MUL, new Unary(UnaryOp.MINUS, n("A")), n("B")), n("C")),
                                n("D")),
                            n("E")),
                        n("F")),
                    n("G")),
                n("H")),
            n("I"), n("J"));
        assertThat(f).isEqualTo(expected2);
    }

    @Test
    void leavesCarryTheirKindAndLocation() {
        Expression e = parse("$k * @logic +\n  Node_1 + exp(1)");
        Binary outer = (Binary) e;
        Binary left = (Binary) outer.left();
        Binary mul = (Binary) left.left();
        assertThat(mul.left()).isEqualTo(new Param("k", new SourceLocation("t", 1, 1)));
        assertThat(mul.right()).isEqualTo(new AttrRef("logic", new SourceLocation("t", 1, 6)));
        assertThat(left.right()).isEqualTo(new NodeRef("Node_1", new SourceLocation("t", 2, 3)));
        assertThat(outer.right()).isEqualTo(new Call("exp", List.of(new Constant(1)), new SourceLocation("t", 2, 12)));
    }

    @Test
    void trueAndFalseAreConstantsNotNodes() {
        List<String> mentioned = new ArrayList<>();
        Expression e = ExpressionParser.parse(TokenStream.of("t", "TRUE & A | false & B | True"), mentioned::add);
        assertThat(mentioned).containsExactly("A", "B");
        assertThat(strip(e)).isEqualTo(bin(BinaryOp.OR, bin(BinaryOp.AND, c(1), n("A")),
            bin(BinaryOp.OR, bin(BinaryOp.AND, c(0), n("B")), c(1))));
    }

    @Test
    void listenerHearsNodeMentionsInReadingOrderWithRepeats() {
        List<String> mentioned = new ArrayList<>();
        ExpressionParser.parse(TokenStream.of("t", "C ? B & $x : exp(A, C) | @logic | B"), mentioned::add);
        assertThat(mentioned).containsExactly("C", "B", "A", "C", "B");
    }

    @Test
    void parseStopsAtTheFirstTokenAfterTheExpression() {
        TokenStream in = TokenStream.of("t", "A & B; C");
        Expression e = ExpressionParser.parse(in);
        assertThat(strip(e)).isEqualTo(bin(BinaryOp.AND, n("A"), n("B")));
        assertThat(in.peek().kind()).isEqualTo(Token.Kind.SEMI);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownFunctionIsAnErrorAtItsName() {
        assertThatThrownBy(() -> parse("1 + foo(2)"))
            .isInstanceOf(ModelException.class)
            .hasMessage("t:1:5: unknown function 'foo' (known: exp, log)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exp()|t:1:1: exp takes 1 or 2 arguments, got 0",
        "'  log(1, 2, 3)'|t:1:3: log takes 1 or 2 arguments, got 3",
        "exp(1, 2, 3, 4)|t:1:1: exp takes 1 or 2 arguments, got 4"
    })
    void wrongArgumentCountIsAnError(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ModelException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(1 + 2|t:1:7: expected ')' but found end of input",
        "1 +|t:1:4: expected an expression but found end of input",
        "1 ? 2|t:1:6: expected ':' of the conditional but found end of input",
        "1 2|t:1:3: unexpected number '2' after the expression",
        "A B|t:1:3: unexpected 'B' after the expression",
        "* 2|t:1:1: expected an expression but found '*'",
        "exp(1, )|t:1:8: expected an expression but found ')'",
        "exp(1|t:1:6: expected ')' closing the call of exp but found end of input",
        "1 ? 2 : |t:1:8: expected an expression but found end of input"
    })
    void syntaxErrorsNameLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ModelException.class).hasMessage(message);
    }

    @Test
    void errorLocationIsKept() {
        ModelException e = (ModelException) org.assertj.core.api.Assertions.catchThrowable(() -> parse("1 +\n\n   )"));
        assertThat(e.location()).isEqualTo(new SourceLocation("t", 3, 4));
    }

    @Test
    void nodesCannotBeUsedInAConstant() {
        assertThatThrownBy(() -> eval("1 + A"))
            .isInstanceOf(ModelException.class)
            .hasMessage("t:1:5: a node name (A) cannot be used in a test");
        assertThatThrownBy(() -> eval("$nope * 2"))
            .isInstanceOf(ModelException.class)
            .hasMessage("t:1:1: parameter $nope is not defined");
        assertThatThrownBy(() -> eval("$nope"))
            .isInstanceOf(ModelException.class)
            .hasMessage("t:1:1: parameter $nope is not defined");
    }

    // ---------------------------------------------------------------- printer

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiterString = " => ", value = {
        "(A & B) | C => A & B | C",
        "A | (B ^ C) => A | (B ^ C)",
        "(A | B) ^ C => A | B ^ C",
        "(A ^ B) ^ C => A ^ B ^ C",
        "A ^ (B ^ C) => A ^ (B ^ C)",
        "A & (B & C) => A & B & C",
        "(A & B) & C => (A & B) & C",
        "(A - B) - C => A - B - C",
        "A - (B - C) => A - (B - C)",
        "-(A + B) => -(A + B)",
        "!(A) => !A",
        "(A ? B : C) ? D : E => (A ? B : C) ? D : E",
        "A ? (B ? C : D) : (E ? F : G) => A ? B ? C : D : E ? F : G",
        "(A ^ B) ? 1 : 0 => A ^ B ? 1 : 0",
        "exp((A), (1 ? 2 : 3)) => exp(A, 1 ? 2 : 3)",
        "A + (B ? 1 : 2) => A + (B ? 1 : 2)",
        "$u * @logic => $u * @logic",
        "1.5 + .25 + 2. => 1.5 + 0.25 + 2",
        "1e-7 + 2.5e20 => 1.0e-7 + 2.5e20",
        "(1 < 2) == (3 >= 4) => 1 < 2 == 3 >= 4",
        "1 < (2 == 3) => 1 < (2 == 3)",
        "NOT A AND B OR C XOR D => !A & B | C ^ D"
    })
    void printsWithFewestParentheses(String text, String printed) {
        assertThat(ExpressionPrinter.print(parse(text))).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 0.1, 1.0 / 3, 1e15, 1e16, 123456789012345.6, 5e-324, Double.MAX_VALUE, 1e300, 1e-300,
        Double.POSITIVE_INFINITY})
    void printedNumbersReadBackExactly(double v) {
        String s = ExpressionPrinter.number(v);
        assertThat(eval(s)).isEqualTo(v);
        assertThat(strip(parse(ExpressionPrinter.print(new Constant(v))))).isEqualTo(new Constant(v));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -0.5, -1e20, Double.NEGATIVE_INFINITY, Double.NaN, -0.0})
    void printedNegativeAndSpecialNumbersEvaluateBack(double v) {
        // a negative constant reads back as unary minus on a positive one; the value is what counts
        assertThat(Double.compare(eval(ExpressionPrinter.number(v)), v)).isZero();
        assertThat(Double.compare(eval(ExpressionPrinter.print(new Unary(UnaryOp.MINUS, new Constant(v)))), -v)).isZero();
        assertThat(Double.compare(eval(ExpressionPrinter.print(new Binary(BinaryOp.SUB, new Constant(1), new Constant(v)))), 1 - v))
            .isZero();
    }

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 10).mapToObj(i -> Arguments.of(1000L + i));
    }

    /** 10 seeds x 50 trees: printing then parsing gives an equal tree, and printing is stable. */
    @ParameterizedTest
    @MethodSource("seeds")
    void printThenParseIsIdentity(long seed) {
        RandomExpressions gen = new RandomExpressions(seed, List.of("A", "B", "C", "D"), List.of("p", "q"), List.of("logic", "x"));
        for (int i = 0; i < 50; i++) {
            Expression tree = gen.tree(1 + gen.random().nextInt(6));
            String text = ExpressionPrinter.print(tree);
            Expression back = strip(parse(text));
            assertThat(back).as("tree %s printed as %s", tree, text).isEqualTo(tree);
            assertThat(ExpressionPrinter.print(back)).isEqualTo(text);
        }
    }

    /** Evaluation after the round trip equals evaluation of the original, on every state of 3 nodes. */
    @ParameterizedTest
    @MethodSource("seeds")
    void printThenParseKeepsValues(long seed) {
        RandomExpressions gen = new RandomExpressions(seed * 31, List.of("A", "B", "C"), List.of("p", "q"), List.of());
        Map<String, Integer> index = Map.of("A", 0, "B", 1, "C", 2);
        ExpressionCompiler.Scope scope = new ExpressionCompiler.Scope() {
            @Override
            public int node(NodeRef ref) {
                return index.get(ref.name());
            }

            @Override
            public double param(Param ref) {
                return PARAMS.get(ref.name());
            }

            @Override
            public Expression attribute(AttrRef ref) {
                throw new AssertionError();
            }
        };
        for (int i = 0; i < 50; i++) {
            Expression tree = gen.tree(1 + gen.random().nextInt(6));
            Expression back = parse(ExpressionPrinter.print(tree));
            StateFunction f = ExpressionCompiler.compile(tree, scope);
            StateFunction g = ExpressionCompiler.compile(back, scope);
            for (long s = 0; s < 8; s++) {
                long[] state = {s};
                double a = f.eval(state);
                double b = g.eval(state);
                assertThat(RandomExpressions.sameValue(a, b)).as("%s at %s: %s vs %s", tree, s, a, b).isTrue();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"(,A,)", "!,A,''", "-,1,''"})
    void nestingPastTheLimitIsALocatedError(String open, String core, String close) {
        int n = 10_000;
        String text = open.repeat(n) + core + close.repeat(n);
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ModelException.class)
            .hasMessageStartingWith("t:1:").hasMessageContaining("nested too deeply");
    }

    @ParameterizedTest
    @ValueSource(strings = {" + ", " | ", " & ", " ^ ", " * "})
    void longChainsAreRefusedNotOverflowed(String op) {
        String text = String.join(op, java.util.Collections.nCopies(30_000, "1"));
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ModelException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void depthUpToTheLimitIsAccepted() {
        int n = ExpressionParser.MAX_DEPTH / 4 - 1;
        assertThat(parse("(".repeat(n) + "A" + ")".repeat(n))).isEqualTo(new NodeRef("A", new SourceLocation("t", 1, n + 1)));
        String chain = String.join(" | ", java.util.Collections.nCopies(ExpressionParser.MAX_DEPTH, "A"));
        Expression e = parse(chain);
        assertThat(ExpressionPrinter.print(e)).isEqualTo(chain);
        assertThatThrownBy(() -> parse(chain + " | A")).hasMessageContaining("nested too deeply");
    }
}
