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
 * A Boolean model as cubes: for each node and each value v, the paths of its function's MDD that
 * lead to v. The paths of one MDD are disjoint and cover every state, so "f can take the value v
 * somewhere in a subspace" is "some v-cube is compatible with the subspace".
 *
 * <p>A literal is encoded as {@code 2 * node + value}. Immutable.
 */
final class CubeModel {
    final int size;
    final List<String> names;
    /** cubes[i][v]: the cubes of node i's function for the value v, each a sorted array of literals. */
    final int[][][][] cubes;
    /** regulators[i]: the nodes node i's function reads. */
    final int[][] regulators;
    /** targets[j]: the nodes whose function reads node j. */
    final int[][] targets;

    private CubeModel(List<String> names, int[][][][] cubes, int[][] regulators) {
        this.size = names.size();
        this.names = List.copyOf(names);
        this.cubes = cubes;
        this.regulators = regulators;
        List<List<Integer>> t = new ArrayList<>();
        for (int i = 0; i < size; i++) {
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

    /** The cubes of a Boolean bioLQM model (the caller has checked it is Boolean). */
    static CubeModel of(LogicalModel model) {
        List<NodeInfo> comps = model.getComponents();
        List<String> names = BooleanConversion.names(model);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        MDDManager ddm = model.getMDDManager();
        int[] functions = model.getLogicalFunctions();
        int[][][][] cubes = new int[comps.size()][2][][];
        int[][] regulators = new int[comps.size()][];
        for (int i = 0; i < comps.size(); i++) {
            List<List<int[]>> byValue = List.of(new ArrayList<>(), new ArrayList<>());
            paths(ddm, functions[i], index, new ArrayList<>(), byValue);
            TreeSet<Integer> regs = new TreeSet<>();
            for (int v = 0; v < 2; v++) {
                cubes[i][v] = byValue.get(v).toArray(new int[0][]);
                for (int[] cube : cubes[i][v]) {
                    for (int lit : cube) {
                        regs.add(lit >> 1);
                    }
                }
            }
            regulators[i] = regs.stream().mapToInt(Integer::intValue).toArray();
        }
        return new CubeModel(names, cubes, regulators);
    }

    private static void paths(MDDManager ddm, int node, Map<String, Integer> index, List<Integer> literals, List<List<int[]>> out) {
        if (ddm.isleaf(node)) {
            out.get(node > 0 ? 1 : 0).add(literals.stream().mapToInt(Integer::intValue).sorted().toArray());
            return;
        }
        MDDVariable var = ddm.getNodeVariable(node);
        String name = var.key instanceof NodeInfo ni ? ni.getNodeID() : String.valueOf(var.key);
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalStateException("the MDD reads " + name + ", which is not a component");
        }
        int[] children = ddm.getChildren(node);
        for (int v = 0; v < children.length; v++) {
            literals.add(2 * i + v);
            paths(ddm, children[v], index, literals, out);
            literals.remove(literals.size() - 1);
        }
    }

    /** Whether node i's function can take the value v in the subspace (values -1 free, 0, 1). */
    boolean canTake(int i, int v, byte[] space) {
        for (int[] cube : cubes[i][v]) {
            if (compatible(cube, space)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compatible(int[] cube, byte[] space) {
        for (int lit : cube) {
            byte s = space[lit >> 1];
            if (s >= 0 && s != (lit & 1)) {
                return false;
            }
        }
        return true;
    }

    /** Whether node i's function is the node itself (an input that keeps its value). */
    boolean isInput(int i) {
        return regulators[i].length == 1 && regulators[i][0] == i
            && cubes[i][1].length == 1 && cubes[i][1][0].length == 1 && cubes[i][1][0][0] == 2 * i + 1;
    }
}
