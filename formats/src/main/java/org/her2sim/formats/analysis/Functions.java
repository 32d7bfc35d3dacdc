// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.NodeInfo;
import org.colomoto.mddlib.MDDManager;
import org.colomoto.mddlib.MDDVariable;
import org.her2sim.formats.BooleanConversion;

/**
 * The update functions of a Boolean model as compact decision diagrams, copied from bioLQM's
 * MDDs, with the one question the searches ask: can node i's function take the value v
 * somewhere in a subspace?
 *
 * <p>Node i's diagram is an int array of triples (variable, low, high); a reference is the
 * offset of a triple, or {@code -1 - v} for the leaf v. Not thread-safe (walks reuse marks).
 */
final class Functions {
    final int size;
    final List<String> names;
    /** regulators[i]: the nodes node i's function reads. */
    final int[][] regulators;
    /** targets[j]: the nodes whose function reads node j. */
    final int[][] targets;
    private final int[][] diagrams;
    private final int[] roots;
    private final int[][] marks;
    private int stamp;

    private Functions(List<String> names, int[][] diagrams, int[] roots, int[][] regulators) {
        this.size = names.size();
        this.names = List.copyOf(names);
        this.diagrams = diagrams;
        this.roots = roots;
        this.regulators = regulators;
        this.marks = new int[size][];
        List<List<Integer>> t = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            marks[i] = new int[diagrams[i].length / 3 + 1];
            t.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            for (int r : regulators[i]) {
                t.get(r).add(i);
            }
        }
        this.targets = new int[size][];
        for (int j = 0; j < size; j++) {
            targets[j] = t.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The functions of a Boolean bioLQM model (the caller has checked it is Boolean). */
    static Functions of(LogicalModel model) {
        List<NodeInfo> comps = model.getComponents();
        List<String> names = BooleanConversion.names(model);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        MDDManager ddm = model.getMDDManager();
        int[] functions = model.getLogicalFunctions();
        int[][] diagrams = new int[comps.size()][];
        int[] roots = new int[comps.size()];
        int[][] regulators = new int[comps.size()][];
        for (int i = 0; i < comps.size(); i++) {
            List<Integer> out = new ArrayList<>();
            TreeSet<Integer> regs = new TreeSet<>();
            roots[i] = copy(ddm, functions[i], index, new HashMap<>(), out, regs);
            diagrams[i] = out.stream().mapToInt(Integer::intValue).toArray();
            regulators[i] = regs.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Functions(names, diagrams, roots, regulators);
    }

    private static int copy(MDDManager ddm, int node, Map<String, Integer> index, Map<Integer, Integer> done,
                            List<Integer> out, TreeSet<Integer> regs) {
        if (ddm.isleaf(node)) {
            return -1 - (node > 0 ? 1 : 0);
        }
        Integer known = done.get(node);
        if (known != null) {
            return known;
        }
        MDDVariable var = ddm.getNodeVariable(node);
        String name = var.key instanceof NodeInfo ni ? ni.getNodeID() : String.valueOf(var.key);
        Integer v = index.get(name);
        if (v == null) {
            throw new IllegalStateException("the MDD reads " + name + ", which is not a component");
        }
        int[] children = ddm.getChildren(node);
        int low = copy(ddm, children[0], index, done, out, regs);
        int high = copy(ddm, children[1], index, done, out, regs);
        int at = out.size();
        out.add(v);
        out.add(low);
        out.add(high);
        regs.add(v);
        done.put(node, at);
        return at;
    }

    /**
     * Whether node i's function can take the value v somewhere in the subspace (one byte per
     * node: -1 free, 0, 1): a walk of its diagram that follows both branches at a free node and
     * visits each diagram node at most once.
     */
    boolean canTake(int i, int v, byte[] space) {
        if (++stamp == Integer.MAX_VALUE) {
            for (int[] m : marks) {
                java.util.Arrays.fill(m, 0);
            }
            stamp = 1;
        }
        return walk(diagrams[i], marks[i], roots[i], v, space);
    }

    private boolean walk(int[] d, int[] mark, int ref, int v, byte[] space) {
        if (ref < 0) {
            return -1 - ref == v;
        }
        if (mark[ref / 3] == stamp) {
            return false;
        }
        mark[ref / 3] = stamp;
        byte s = space[d[ref]];
        if (s <= 0 && walk(d, mark, d[ref + 1], v, space)) {
            return true;
        }
        return s != 0 && walk(d, mark, d[ref + 2], v, space);
    }

    /** Whether node i's function is the node itself (an input that keeps its value). */
    boolean isInput(int i) {
        int r = roots[i];
        return r >= 0 && diagrams[i].length == 3 && diagrams[i][r] == i && diagrams[i][r + 1] == -1 && diagrams[i][r + 2] == -2;
    }
}
