// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.ginml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.formats.ModelDocument.Position;

/**
 * A simple layered layout for a regulatory graph: nodes that nothing else regulates (inputs)
 * on the top row, then each node one layer below its nearest such source (breadth first), so
 * that signals flow downwards; nodes reached from no source go on the last layer. A layer of
 * more than {@link #PER_ROW} nodes wraps onto several rows. Positions lie on a grid of
 * {@link #DX} by {@link #DY} pixels, so no two nodes overlap.
 */
final class AutoLayout {
    static final int DX = 140;
    static final int DY = 90;
    static final int MARGIN = 40;
    static final int PER_ROW = 10;

    private AutoLayout() {
    }

    /**
     * Positions for every node.
     *
     * @param names node names
     * @param regulators regulators[i]: indices of the nodes regulating node i (itself included or not)
     * @param keep positions to keep (such as those read from a file); the other nodes go below them
     */
    static Map<String, Position> of(List<String> names, int[][] regulators, Map<String, Position> keep) {
        int n = names.size();
        List<List<Integer>> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(new ArrayList<>());
        }
        int[] otherRegulators = new int[n];
        for (int i = 0; i < n; i++) {
            for (int r : regulators[i]) {
                if (r != i) {
                    targets.get(r).add(i);
                    otherRegulators[i]++;
                }
            }
        }
        int[] layer = new int[n];
        Arrays.fill(layer, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (otherRegulators[i] == 0) {
                layer[i] = 0;
                queue.add(i);
            }
        }
        int deepest = 0;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (int t : targets.get(i)) {
                if (layer[t] < 0) {
                    layer[t] = layer[i] + 1;
                    deepest = Math.max(deepest, layer[t]);
                    queue.add(t);
                }
            }
        }
        int top = MARGIN;
        for (Position p : keep.values()) {
            top = Math.max(top, p.y() + DY);
        }
        Map<String, Position> out = new LinkedHashMap<>();
        int row = 0;
        for (int l = 0; l <= deepest + 1; l++) {
            int inLayer = 0;
            for (int i = 0; i < n; i++) {
                int li = layer[i] < 0 ? deepest + 1 : layer[i];
                if (li != l || keep.containsKey(names.get(i))) {
                    continue;
                }
                if (inLayer > 0 && inLayer % PER_ROW == 0) {
                    row++;
                }
                out.put(names.get(i), new Position(MARGIN + (inLayer % PER_ROW) * DX, top + row * DY));
                inLayer++;
            }
            if (inLayer > 0) {
                row++;
            }
        }
        Map<String, Position> all = new LinkedHashMap<>();
        for (String name : names) {
            all.put(name, keep.containsKey(name) ? keep.get(name) : out.get(name));
        }
        return all;
    }
}
