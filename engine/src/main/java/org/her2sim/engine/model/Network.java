// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable logical network: nodes in index order. The order is the one MaBoSS uses (the order
 * in which names are first met in the file, a declared node counting at the end of its
 * declaration), so state names and column orders match MaBoSS's outputs. Built by
 * {@link NetworkBuilder}.
 */
public final class Network {
    private final List<Node> nodes;
    private final Map<String, Node> byName;
    private final String source;

    Network(List<Node> nodes, String source) {
        this.nodes = List.copyOf(nodes);
        this.byName = new HashMap<>();
        for (Node n : this.nodes) {
            byName.put(n.name(), n);
        }
        this.source = source;
    }

    /** Nodes in index order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** The node with this name, or null. */
    public Node node(String name) {
        return byName.get(name);
    }

    /** The node at this index. */
    public Node node(int index) {
        return nodes.get(index);
    }

    /** The index of a node, or -1. */
    public int indexOf(String name) {
        Node n = byName.get(name);
        return n == null ? -1 : n.index();
    }

    /** Where the network was read from (a file name), for messages and reports. */
    public String source() {
        return source;
    }
}
