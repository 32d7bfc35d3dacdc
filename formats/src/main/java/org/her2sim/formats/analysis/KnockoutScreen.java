// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.formats.BooleanConversion;

/**
 * Screens perturbations of a Boolean model by their stable states: for each perturbation, how
 * many stable states remain and which values a readout node takes in them.
 *
 * <p>The perturbations, in this order: none (the baseline); a knock-out ({@code X=0}) and a
 * knock-in ({@code X=1}) of every candidate node; then, for every pair of candidates X before Y
 * and each {@link PairKind} asked for, in the order KO, KI, MIXED: both knocked out, both knocked
 * in, or one of each ({@code X=0 Y=1}, then {@code X=1 Y=0}). Candidates are all nodes except
 * the readout and the nodes in {@code fixed} (already held by the caller), in model order.
 */
public final class KnockoutScreen {
    private KnockoutScreen() {
    }

    /** Which double perturbations a screen covers. */
    public enum PairKind {
        /** both nodes knocked out */
        KO,
        /** both nodes knocked in */
        KI,
        /** one knocked out and the other knocked in, both ways round */
        MIXED;

        /**
         * Parses {@code ko}, {@code ki} or {@code mixed} (any case).
         *
         * @throws IllegalArgumentException naming the accepted words otherwise
         */
        public static PairKind parse(String text) {
            for (PairKind k : values()) {
                if (k.name().equalsIgnoreCase(text.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown pair kind '" + text + "'; expected ko, ki or mixed");
        }
    }

    /**
     * One perturbation's outcome.
     *
     * @param fixes the nodes held (empty for the baseline)
     * @param stableStates how many stable states the perturbed model has
     * @param readoutValues the readout's values over those states; empty when there is none
     */
    public record Row(List<NodeFix> fixes, int stableStates, SortedSet<Integer> readoutValues) {
        /** Copies the collections. */
        public Row {
            fixes = List.copyOf(fixes);
            readoutValues = new TreeSet<>(readoutValues);
        }

        /** The perturbation as text: {@code X=0 Y=0}, or {@code none}. */
        public String label() {
            if (fixes.isEmpty()) {
                return "none";
            }
            StringBuilder sb = new StringBuilder();
            for (NodeFix f : fixes) {
                sb.append(sb.length() > 0 ? " " : "").append(f);
            }
            return sb.toString();
        }
    }

    /**
     * Runs the screen.
     *
     * @param model the model, with the caller's fixes already applied
     * @param readout the node to report
     * @param fixed nodes the caller fixed, left out of the candidates
     * @param pairs also screen double knock-outs
     * @param source names the model (its file), for messages
     * @throws ModelException naming the source when the readout is not a node of the model
     */
    public static List<Row> run(LogicalModel model, String readout, List<String> fixed, boolean pairs, String source) {
        return run(model, readout, fixed, pairs ? EnumSet.of(PairKind.KO) : EnumSet.noneOf(PairKind.class), source);
    }

    /**
     * Runs the screen with the given kinds of double perturbation (none for singles only).
     *
     * @param model the model, with the caller's fixes already applied
     * @param readout the node to report
     * @param fixed nodes the caller fixed, left out of the candidates
     * @param pairKinds the double perturbations to screen
     * @param source names the model (its file), for messages
     * @throws ModelException naming the source when the readout is not a node of the model
     */
    public static List<Row> run(LogicalModel model, String readout, List<String> fixed, Set<PairKind> pairKinds, String source) {
        List<String> names = BooleanConversion.names(model);
        if (!names.contains(readout)) {
            throw new ModelException(SourceLocation.of(source), "the readout " + readout + " is not a node of the model");
        }
        List<String> candidates = new ArrayList<>();
        for (String n : names) {
            if (!n.equals(readout) && !fixed.contains(n)) {
                candidates.add(n);
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(model, List.of(), readout, source));
        for (String n : candidates) {
            rows.add(row(model, List.of(new NodeFix(n, 0)), readout, source));
            rows.add(row(model, List.of(new NodeFix(n, 1)), readout, source));
        }
        int[][] values = pairValues(pairKinds);
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                for (int[] v : values) {
                    rows.add(row(model, List.of(new NodeFix(candidates.get(i), v[0]), new NodeFix(candidates.get(j), v[1])), readout, source));
                }
            }
        }
        return rows;
    }

    /** The (first, second) values of each double perturbation asked for, in the order KO, KI, MIXED. */
    private static int[][] pairValues(Set<PairKind> kinds) {
        List<int[]> out = new ArrayList<>();
        if (kinds.contains(PairKind.KO)) {
            out.add(new int[] {0, 0});
        }
        if (kinds.contains(PairKind.KI)) {
            out.add(new int[] {1, 1});
        }
        if (kinds.contains(PairKind.MIXED)) {
            out.add(new int[] {0, 1});
            out.add(new int[] {1, 0});
        }
        return out.toArray(new int[0][]);
    }

    /** The outcome of one perturbation. */
    public static Row row(LogicalModel model, List<NodeFix> fixes, String readout, String source) {
        StatePatterns states = StableStates.of(NodeFix.apply(model, fixes, source), source);
        SortedSet<Integer> values = new TreeSet<>();
        for (char c : states.values(readout)) {
            values.add(c - '0');
        }
        return new Row(fixes, states.size(), values);
    }
}
