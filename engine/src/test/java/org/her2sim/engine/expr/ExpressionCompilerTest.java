// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ExpressionCompiler}: node values by bit position, parameters, {@code @} references, and
 * agreement of the whole-table evaluation ({@code tabulate}, used for the kernel's rate tables)
 * with the per-state compiled function on random expressions.
 */
class ExpressionCompilerTest {

    private static final Map<String, Double> PARAMS = Map.of("p", 0.5, "q", 3.0);

    /** Nodes N0..N(k-1) at bit positions given by {@code positions}; attributes from {@code attrs}. */
    private static ExpressionCompiler.Scope scope(int[] positions, Map<String, Expression> attrs) {
        return new ExpressionCompiler.Scope() {
            @Override
            public int node(NodeRef ref) {
                int k = Integer.parseInt(ref.name().substring(1));
                return positions[k];
            }

            @Override
            public double param(Param ref) {
                Double v = PARAMS.get(ref.name());
                if (v == null) {
                    throw new ModelException(ref.at(), "undefined $" + ref.name());
                }
                return v;
            }

            @Override
            public Expression attribute(AttrRef ref) {
                Expression e = attrs.get(ref.name());
                if (e == null) {
                    throw new ModelException(ref.at(), "no @" + ref.name());
                }
                return e;
            }
        };
    }

    private static Expression parse(String s) {
        return ExpressionParser.parse("t", s);
    }

    @Test
    void nodeValuesComeFromTheirBitAcrossWords() {
        // nodes at bit 3, word 1 bit 6 (index 70) and word 2 bit 63 (index 191)
        ExpressionCompiler.Scope sc = scope(new int[] {3, 70, 191}, Map.of());
        StateFunction f = ExpressionCompiler.compile(parse("N0 + 2 * N1 + 4 * N2"), sc);
        assertThat(f.eval(new long[] {0, 0, 0})).isEqualTo(0.0);
        assertThat(f.eval(new long[] {1L << 3, 0, 0})).isEqualTo(1.0);
        assertThat(f.eval(new long[] {0, 1L << 6, 0})).isEqualTo(2.0);
        assertThat(f.eval(new long[] {0, 0, 1L << 63})).isEqualTo(4.0);
        assertThat(f.eval(new long[] {~(1L << 3), ~(1L << 6), ~(1L << 63)})).isEqualTo(0.0);
        List<Integer> read = new ArrayList<>();
        ExpressionCompiler.compile(parse("N2 & N0 | N2"), sc, read);
        assertThat(read).containsExactly(191, 3, 191);
    }

    @Test
    void attributeReferencesAreInlinedAndFollowedForNodesRead() {
        Map<String, Expression> attrs = new HashMap<>();
        attrs.put("logic", parse("N0 & !N1"));
        attrs.put("k", parse("$q * @logic"));
        ExpressionCompiler.Scope sc = scope(new int[] {0, 1}, attrs);
        StateFunction f = ExpressionCompiler.compile(parse("@k + 1"), sc);
        assertThat(f.eval(new long[] {0b00})).isEqualTo(1.0);
        assertThat(f.eval(new long[] {0b01})).isEqualTo(4.0);
        assertThat(f.eval(new long[] {0b11})).isEqualTo(1.0);
        List<Integer> read = new ArrayList<>();
        ExpressionCompiler.nodesRead(parse("@k ? N1 : 0"), sc, read);
        assertThat(read).containsExactly(0, 1, 1);
    }

    @Test
    void constantsAreFolded() {
        ExpressionCompiler.Scope sc = scope(new int[] {0}, Map.of());
        assertThat(ExpressionCompiler.compile(parse("$p * 4 + exp(0) - (1 ? 2 : N0)"), sc))
            .isEqualTo(new StateFunction.Const(1.0));
        assertThat(ExpressionCompiler.compile(parse("0 ? N0 : 5"), sc)).isEqualTo(new StateFunction.Const(5.0));
        assertThat(ExpressionCompiler.compile(parse("N0 * 0"), sc)).isNotInstanceOf(StateFunction.Const.class);
    }

    @Test
    void logicalOperatorsReturnZeroOrOne() {
        ExpressionCompiler.Scope sc = scope(new int[] {0}, Map.of());
        StateFunction f = ExpressionCompiler.compile(parse("(N0 + 4) & 3"), sc);
        assertThat(f.eval(new long[] {0})).isEqualTo(1.0);
        StateFunction g = ExpressionCompiler.compile(parse("!(N0 * 7) + (N0 * 7 | 0) + (N0 * 7 ^ 2)"), sc);
        assertThat(g.eval(new long[] {0})).isEqualTo(2.0);
        assertThat(g.eval(new long[] {1})).isEqualTo(1.0);
    }

    @Test
    void undefinedNamesFailAtTheirLocation() {
        ExpressionCompiler.Scope sc = scope(new int[] {0}, Map.of());
        assertThatThrownBy(() -> ExpressionCompiler.compile(parse("N0 + $zz"), sc))
            .isInstanceOf(ModelException.class).hasMessage("t:1:6: undefined $zz");
        assertThatThrownBy(() -> ExpressionCompiler.tabulate(parse("N0 + @zz"), sc, new int[] {0}))
            .isInstanceOf(ModelException.class).hasMessage("t:1:6: no @zz");
        assertThatThrownBy(() -> ExpressionCompiler.evaluateConstant(parse("@x"), PARAMS, "a setting"))
            .isInstanceOf(ModelException.class).hasMessage("t:1:1: @x cannot be used in a setting");
    }

    @Test
    void tabulateIndexesByRegulatorOrder() {
        // regulator 0 is node at bit 5, regulator 1 the node at bit 2
        ExpressionCompiler.Scope sc = scope(new int[] {5, 2}, Map.of());
        double[] t = ExpressionCompiler.tabulate(parse("N0 * 10 + N1"), sc, new int[] {5, 2});
        assertThat(t).containsExactly(0.0, 10.0, 1.0, 11.0);
        double[] u = ExpressionCompiler.tabulate(parse("N0 * 10 + N1"), sc, new int[] {2, 5});
        assertThat(u).containsExactly(0.0, 1.0, 10.0, 11.0);
        // a regulator not read still doubles the table
        double[] v = ExpressionCompiler.tabulate(parse("N1"), sc, new int[] {5, 7, 2});
        assertThat(v).containsExactly(0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void tabulateSeveralSharesAttributes() {
        Map<String, Expression> attrs = Map.of("logic", parse("N0 | N1"));
        ExpressionCompiler.Scope sc = scope(new int[] {0, 1}, attrs);
        List<double[]> both = ExpressionCompiler.tabulate(List.of(parse("@logic ? $q : 0"), parse("@logic ? 0 : 1")), sc,
            new int[] {0, 1});
        assertThat(both.get(0)).containsExactly(0.0, 3.0, 3.0, 3.0);
        assertThat(both.get(1)).containsExactly(1.0, 0.0, 0.0, 0.0);
    }

    static Stream<Arguments> tableCases() {
        // node counts that give tables smaller than a word, exactly a word, and several words
        return IntStream.of(1, 2, 3, 5, 6, 7, 8, 10).boxed()
            .flatMap(k -> IntStream.range(0, 4).mapToObj(s -> Arguments.of(k, 77L * k + s)));
    }

    /**
     * On 60 random expressions per case, every entry of the table equals the compiled function at
     * that assignment, with regulators in a shuffled order and at scattered bit positions.
     */
    @ParameterizedTest(name = "{0} nodes, seed {1}")
    @MethodSource("tableCases")
    void tabulateAgreesWithCompile(int k, long seed) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add("N" + i);
        }
        Random r = new Random(seed);
        // bit positions: scattered over two words
        int[] positions = new int[k];
        List<Integer> free = new ArrayList<>();
        for (int b = 0; b < 128; b++) {
            free.add(b);
        }
        java.util.Collections.shuffle(free, r);
        for (int i = 0; i < k; i++) {
            positions[i] = free.get(i);
        }
        int[] regulators = positions.clone();
        for (int i = regulators.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = regulators[i];
            regulators[i] = regulators[j];
            regulators[j] = tmp;
        }
        RandomExpressions gen = new RandomExpressions(seed, names, List.of("p", "q"), List.of("a"));
        for (int e = 0; e < 60; e++) {
            Map<String, Expression> attrs = Map.of("a", new RandomExpressions(seed + e, names, List.of("p"), List.of())
                .tree(3));
            ExpressionCompiler.Scope sc = scope(positions, attrs);
            Expression expr = gen.tree(1 + gen.random().nextInt(5));
            StateFunction f = ExpressionCompiler.compile(expr, sc);
            double[] table = ExpressionCompiler.tabulate(expr, sc, regulators);
            assertThat(table).hasSize(1 << k);
            for (int idx = 0; idx < table.length; idx++) {
                long[] state = new long[2];
                for (int b = 0; b < k; b++) {
                    if (((idx >>> b) & 1) != 0) {
                        state[regulators[b] >>> 6] |= 1L << regulators[b];
                    }
                }
                double expected = f.eval(state);
                assertThat(RandomExpressions.sameValue(table[idx], expected))
                    .as("%s at entry %d: table %s, compiled %s", ExpressionPrinter.print(expr), idx, table[idx], expected)
                    .isTrue();
            }
        }
    }
}
