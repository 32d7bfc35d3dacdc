// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.bnd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Simulator;
import org.her2sim.engine.stats.ProbTraj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The BND language: node blocks, BoolNet one-liners, node order, defaults, writer round trip and errors. */
class BndParserTest {

    private static Network parse(String text) {
        return BndParser.parse("test.bnd", text);
    }

    private static List<String> names(Network n) {
        return n.nodes().stream().map(Node::name).toList();
    }

    private static String printed(Network n, String node, String attr) {
        Expression e = n.node(node).attribute(attr);
        return e == null ? null : ExpressionPrinter.print(e);
    }

    private static String error(String text) {
        Throwable t = catchThrowable(() -> parse(text));
        assertThat(t).isInstanceOf(ModelException.class);
        return t.getMessage();
    }

    /**
     * Runs a model in discrete time (tick 1, one step per tick, so a node whose rate is positive
     * flips at the next integer time) and returns the probability of each window's states for
     * node {@code node}: exactly 0 or 1 for one-node models.
     */
    private static double[] discreteRun(String bnd, String cfg, String node, int ticks) {
        Network net = parse(bnd);
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("test.cfg", "discrete_time = 1; time_tick = 1; max_time = " + ticks + "; sample_count = 8;\n" + cfg, net, b);
        ProbTraj pt = Simulator.run(CompiledModel.compile(net, b.build()), new Simulator.Options(1, false, null)).probTraj();
        double[] p = new double[pt.windows().size()];
        for (int w = 0; w < p.length; w++) {
            ProbTraj.Window win = pt.windows().get(w);
            for (int k = 0; k < win.states().length; k++) {
                if (List.of(win.states()[k].split(" -- ")).contains(node)) {
                    p[w] += win.proba()[k];
                }
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- blocks

    @Test
    void nodeBlocksWithAnyAttributesAndDescription() {
        Network n = parse("""
            node A {
              description = "first \\"node\\"";
              logic = B & !C;
              rate_up = @logic ? $u : 0;
              rate_down = @logic ? 0 : $d;
              max_rate = 3 * 2;
              foo = exp(1);
            }
            Node B { logic = B; }
            NODE C { }
            nOdE D { rate_up = 0; rate_down = 0; };
            """);
        assertThat(names(n)).containsExactly("B", "C", "A", "D");
        Node a = n.node("A");
        assertThat(a.index()).isEqualTo(2);
        assertThat(n.indexOf("A")).isEqualTo(2);
        assertThat(n.indexOf("Z")).isEqualTo(-1);
        assertThat(n.node("Z")).isNull();
        assertThat(a.description()).isEqualTo("first \"node\"");
        assertThat(a.attributes().keySet()).containsExactly("logic", "rate_up", "rate_down", "max_rate", "foo");
        assertThat(printed(n, "A", "logic")).isEqualTo("B & !C");
        assertThat(printed(n, "A", "rate_up")).isEqualTo("@logic ? $u : 0");
        assertThat(printed(n, "A", "rate_down")).isEqualTo("@logic ? 0 : $d");
        assertThat(printed(n, "A", "max_rate")).isEqualTo("3 * 2");
        assertThat(printed(n, "A", "foo")).isEqualTo("exp(1)");
        assertThat(a.declaredAt()).isEqualTo(new SourceLocation("test.bnd", 1, 6));
        assertThat(n.node("C").attributes()).isEmpty();
        assertThat(n.node("C").description()).isNull();
        assertThat(n.node("C").logic()).isNull();
        assertThat(n.node("B").logic()).isNotNull();
        assertThat(n.source()).isEqualTo("test.bnd");
    }

    @Test
    void nodeOrderIsFirstMentionWithDeclarationCountingAtItsEnd() {
        Network n = parse("""
            node T { rate_down = (!A & !B) ? 1 : 0; }
            node A { logic = A; }
            node B { logic = B; }
            """);
        assertThat(names(n)).containsExactly("A", "B", "T");
        // a node mentioned inside its own block counts where it is mentioned
        Network m = parse("""
            node X { logic = Y | X | Z; }
            node Z { logic = Z; }
            node Y { logic = W; }
            node W { }
            """);
        assertThat(names(m)).containsExactly("Y", "X", "Z", "W");
    }

    @Test
    void emptyModelParsesToNoNodes() {
        assertThat(parse("").size()).isZero();
        assertThat(parse("// nothing\n/* at */ # all\n").size()).isZero();
    }

    // ---------------------------------------------------------------- one-liners

    @Test
    void colonOneLinersEndAtTheEndOfTheLine() {
        Network n = parse("""
            A : B & C
            B : !A
            C : C | A;
            """);
        assertThat(names(n)).containsExactly("B", "C", "A");
        assertThat(printed(n, "A", "logic")).isEqualTo("B & C");
        assertThat(printed(n, "B", "logic")).isEqualTo("!A");
        assertThat(printed(n, "C", "logic")).isEqualTo("C | A");
        assertThat(n.node("A").attributes().keySet()).containsExactly("logic");
        assertThat(n.node("A").declaredAt()).isEqualTo(new SourceLocation("test.bnd", 1, 1));
        assertThat(n.node("C").declaredAt()).isEqualTo(new SourceLocation("test.bnd", 3, 1));
    }

    @Test
    void bnetWithHeader() {
        Network n = parse("""
            targets, factors
            A, B | !C
            B, A   # comment
            C, C
            """);
        assertThat(names(n)).containsExactly("B", "C", "A");
        assertThat(printed(n, "A", "logic")).isEqualTo("B | !C");
        assertThat(printed(n, "B", "logic")).isEqualTo("A");
        Network m = parse("targets,factors\nx,y\ny,x\n");
        assertThat(names(m)).containsExactly("y", "x");
    }

    @Test
    void blocksAndOneLinersMix() {
        Network n = parse("""
            targets, factors
            A, B
            node B { logic = A; rate_up = @logic ? 2 : 0; }
            C : A & B  // comment
            node D { logic = C; } E : D
            """);
        assertThat(names(n)).containsExactly("B", "A", "C", "D", "E");
        assertThat(printed(n, "B", "rate_up")).isEqualTo("@logic ? 2 : 0");
        assertThat(printed(n, "E", "logic")).isEqualTo("D");
    }

    @Test
    void oneLinerCannotContinueOnTheNextLine() {
        String m = error("A : B &\n  C\nB : A\nC : A");
        assertThat(m).startsWith("test.bnd:").contains("expected an expression but found end of input");
        assertThat(error("A : B C\nB : A\nC : A")).isEqualTo("test.bnd:1:7: unexpected 'C' after the logic of A");
        assertThat(error("A :\nB : A")).startsWith("test.bnd:").contains("expected the logic of A on the same line");
        assertThat(error("A : B; C\nB : A\nC : A")).isEqualTo("test.bnd:1:8: unexpected 'C' after the logic of A");
    }

    // ---------------------------------------------------------------- defaults, checked by simulation

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        // logic true: up 1 (flips at t=1), down 0
        "node A { logic = TRUE; }|A.istate = 0;|0 1 1 1",
        "node A { logic = TRUE; }|A.istate = 1;|1 1 1 1",
        // logic false: down 1, up 0
        "node A { logic = FALSE; }|A.istate = 1;|1 0 0 0",
        "node A { logic = FALSE; }|A.istate = 0;|0 0 0 0",
        // no logic, no rates: keeps its initial value
        "node A { }|A.istate = 1;|1 1 1 1",
        "node A { foo = 1; }|A.istate = 0;|0 0 0 0",
        // an explicit rate replaces only its own default
        "node A { logic = FALSE; rate_up = 1; }|A.istate = 0;|0 1 0 1",
        "node A { logic = TRUE; rate_down = 1; }|A.istate = 1;|1 0 1 0",
        "node A { rate_up = 1; }|A.istate = 0;|0 1 1 1",
        "node A { rate_down = 1; }|A.istate = 1;|1 0 0 0",
        // @logic is the node's own logic
        "node A { logic = !A; rate_up = @logic ? $u : 0; rate_down = @logic ? 0 : 1; }|$u = 2; A.istate = 0;|0 1 0 1",
        "node A { logic = A; rate_up = @logic ? 1 : 0; rate_down = @logic ? 0 : 1; }|A.istate = 0;|0 0 0 0",
        // one-liners get the default rates
        "A : !A|A.istate = 1;|1 0 1 0"
    })
    void defaultRatesFollowMaboss(String bnd, String cfg, String expected) {
        double[] p = discreteRun(bnd, cfg, "A", 4);
        double[] want = java.util.Arrays.stream(expected.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(p).containsExactly(want);
    }

    @Test
    void logicOfAnotherNodeDrivesDefaults() {
        // B follows A one tick later; A is fixed on
        String bnd = "node A { rate_up = 0; rate_down = 0; }\nB : A";
        assertThat(discreteRun(bnd, "A.istate = 1; B.istate = 0;", "B", 4)).containsExactly(0, 1, 1, 1);
        assertThat(discreteRun(bnd, "A.istate = 0; B.istate = 1;", "B", 4)).containsExactly(1, 0, 0, 0);
    }

    // ---------------------------------------------------------------- writer

    private static final String RICH = """
        node T { description = "target: \\"quoted\\", back\\\\slash
        and a second line"; rate_down = (!A & !B) ? 1 : 0; rate_up = @logic ? $k * 2 : 0; logic = A ^ B | C; }
        node A { logic = T & !C; }
        node B { logic = exp(log(2, 3)) > 1 ? A : !A; max = 1e-7; neg = -2.5; }
        C : (A | B) & T
        node D { }
        """;

    private static void assertSameNetwork(Network a, Network b) {
        assertThat(names(b)).isEqualTo(names(a));
        for (Node n : a.nodes()) {
            Node m = b.node(n.name());
            assertThat(m.index()).isEqualTo(n.index());
            assertThat(m.description()).isEqualTo(n.description());
            assertThat(m.attributes().keySet()).containsExactlyElementsOf(n.attributes().keySet());
            for (Map.Entry<String, Expression> e : n.attributes().entrySet()) {
                assertThat(ExpressionPrinter.print(m.attribute(e.getKey()))).as(n.name() + "." + e.getKey())
                    .isEqualTo(ExpressionPrinter.print(e.getValue()));
            }
        }
    }

    @Test
    void writerRoundTrip() {
        Network original = parse(RICH);
        assertThat(names(original)).containsExactly("A", "B", "C", "T", "D");
        String text = BndWriter.write(original);
        Network back = BndParser.parse("written.bnd", text);
        assertSameNetwork(original, back);
        assertThat(back.node("T").description()).isEqualTo("target: \"quoted\", back\\slash\nand a second line");
        // writing is stable
        assertThat(BndWriter.write(back)).isEqualTo(text);
    }

    @Test
    void writerKeepsNodeOrderWhenBlocksReferToLaterNodes() {
        // order A, B, T comes from T's block mentioning A and B first; A's and B's blocks refer to T
        Network original = parse("""
            node T { logic = A & B; }
            node A { logic = T; }
            node B { logic = !T; }
            """);
        assertThat(names(original)).containsExactly("A", "B", "T");
        Network back = BndParser.parse("written.bnd", BndWriter.write(original));
        assertSameNetwork(original, back);
    }

    @Test
    void writerKeepsOrderOfBnetModels() {
        Network original = parse("targets, factors\nx, y & z\ny, x | w\nz, !y\nw, w\n");
        assertThat(names(original)).containsExactly("y", "z", "x", "w");
        assertSameNetwork(original, BndParser.parse("written.bnd", BndWriter.write(original)));
    }

    @Test
    void writerOutputFormat() {
        Network n = parse("node A { description = \"d\"; logic = A; rate_up = 1; }");
        assertThat(BndWriter.write(n)).isEqualTo("node A {\n  description = \"d\";\n  logic = A;\n  rate_up = 1;\n}\n\n");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void missingSemicolon() {
        assertThat(error("node A {\n  logic = A\n  rate_up = 1;\n}"))
            .isEqualTo("test.bnd:3:3: expected ';' after the value of A.logic but found 'rate_up'");
        assertThat(error("node A { logic = A }"))
            .isEqualTo("test.bnd:1:20: expected ';' after the value of A.logic but found '}'");
    }

    @Test
    void missingBraces() {
        assertThat(error("node A {\n  logic = A;\n"))
            .isEqualTo("test.bnd:3:1: expected an attribute name or '}' in node A but found end of input");
        assertThat(error("node A logic = 1;")).isEqualTo("test.bnd:1:8: expected '{' after node A but found 'logic'");
        assertThat(error("node A { logic = A; ; }"))
            .isEqualTo("test.bnd:1:21: expected an attribute name or '}' in node A but found ';'");
    }

    @Test
    void missingAssignment() {
        assertThat(error("node A { logic A; }")).isEqualTo("test.bnd:1:16: expected '=' after attribute logic but found 'A'");
    }

    @Test
    void undefinedNodeIsReportedWhereItIsUsed() {
        assertThat(error("node A {\n  logic = A & Ghost;\n}\nnode B { logic = Ghost; }"))
            .isEqualTo("test.bnd:2:15: node Ghost is used but never declared");
        assertThat(error("A : B\nB : A | Nope")).isEqualTo("test.bnd:2:9: node Nope is used but never declared");
        ModelException e = (ModelException) catchThrowable(() -> parse("node A {\n rate_up = $k * X; }"));
        assertThat(e.location()).isEqualTo(new SourceLocation("test.bnd", 2, 17));
    }

    @Test
    void duplicateNode() {
        assertThat(error("node A { logic = A; }\nnode A { logic = 1; }"))
            .isEqualTo("test.bnd:2:6: node A is declared twice (first at test.bnd:1:6)");
        assertThat(error("A : A\n  node A { }")).isEqualTo("test.bnd:2:8: node A is declared twice (first at test.bnd:1:1)");
        assertThat(error("A , 1\nA , 0")).isEqualTo("test.bnd:2:1: node A is declared twice (first at test.bnd:1:1)");
    }

    @Test
    void duplicateAttribute() {
        assertThat(error("node A {\n logic = 1;\n logic = 0;\n}")).isEqualTo("test.bnd:3:2: attribute logic of node A is set twice");
        assertThat(error("node A { x = 1; rate_up = 1; x = 2; }")).isEqualTo("test.bnd:1:30: attribute x of node A is set twice");
    }

    @Test
    void duplicateDescription() {
        assertThat(error("node A {\n description = \"a\";\n description = \"b\";\n}"))
            .isEqualTo("test.bnd:3:2: attribute description of node A is set twice");
    }

    @Test
    void descriptionMustBeAString() {
        assertThat(error("node A { description = 3; }")).isEqualTo("test.bnd:1:24: expected a string for the description of node A");
    }

    @Test
    void unknownAttributeReference() {
        assertThat(error("node A {\n  rate_up = @foo;\n}")).isEqualTo("test.bnd:2:13: node A has no attribute 'foo' (used as @foo)");
        assertThat(error("node A { rate_up = 1; rate_down = @logic ? 0 : 1; }"))
            .isEqualTo("test.bnd:1:35: node A has no attribute 'logic' (used as @logic)");
    }

    @Test
    void circularAttributeReferences() {
        assertThat(error("node A {\n  x = @y;\n  y = @x + 1;\n}")).isEqualTo("test.bnd:3:7: circular @ reference in node A: x -> y -> x");
        assertThat(error("node A { x = 1 + @x; }")).isEqualTo("test.bnd:1:18: circular @ reference in node A: x -> x");
        assertThat(error("node A { a = @b; b = @c; c = exp(@a); }"))
            .isEqualTo("test.bnd:1:34: circular @ reference in node A: a -> b -> c -> a");
    }

    @Test
    void sharedButNotCircularReferencesAreFine() {
        Network n = parse("node A { logic = A; x = @logic & @logic; y = @x ? @logic : @x; }");
        assertThat(n.node("A").attributes()).containsOnlyKeys("logic", "x", "y");
    }

    @Test
    void unknownFunctionAndArgumentCount() {
        assertThat(error("node A { rate_up = foo(1); }")).isEqualTo("test.bnd:1:20: unknown function 'foo' (known: exp, log)");
        assertThat(error("node A { rate_up = log(); }")).isEqualTo("test.bnd:1:20: log takes 1 or 2 arguments, got 0");
        assertThat(error("node A {\n rate_up = exp(1, 2, 3);\n}")).isEqualTo("test.bnd:2:12: exp takes 1 or 2 arguments, got 3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "42|test.bnd:1:1: expected 'node NAME { ... }' or 'NAME : logic' but found number '42'",
        "node { }|test.bnd:1:1: expected 'node NAME { ... }' or 'NAME : logic' but found 'node'",
        "A B|test.bnd:1:1: expected 'node NAME { ... }' or 'NAME : logic' but found 'A'",
        "node A { } }|test.bnd:1:12: expected 'node NAME { ... }' or 'NAME : logic' but found '}'"
    })
    void topLevelGarbage(String text, String message) {
        assertThat(error(text)).isEqualTo(message);
    }

    @Test
    void lexicalErrorsCarryTheFileName() {
        assertThat(error("node A {\n logic = A % 2; }")).isEqualTo("test.bnd:2:12: unexpected character '%'");
        assertThatThrownBy(() -> parse("/* open")).hasMessage("test.bnd:1:1: comment '/*' is never closed");
    }
}
