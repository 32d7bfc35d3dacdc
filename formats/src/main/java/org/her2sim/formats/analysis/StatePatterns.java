// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * States or trap spaces of a Boolean model, each written as one character per node in node
 * order: {@code 0}, {@code 1}, or {@code -} for a node free to take both values (trap spaces
 * only). Patterns are sorted, so equal results compare equal whatever order a tool found them in.
 *
 * @param nodes node names, in the order of the characters
 * @param patterns one string per state or trap space, sorted
 * @param complete false when a search stopped at its limit, so that more patterns exist
 */
public record StatePatterns(List<String> nodes, List<String> patterns, boolean complete) {

    /** Copies both lists and sorts the patterns. */
    public StatePatterns {
        nodes = List.copyOf(nodes);
        patterns = patterns.stream().sorted().toList();
    }

    /** A complete result. */
    public StatePatterns(List<String> nodes, List<String> patterns) {
        this(nodes, patterns, true);
    }

    /** The number of patterns. */
    public int size() {
        return patterns.size();
    }

    /**
     * The value of a node in one pattern: '0', '1' or '-'.
     *
     * @throws IllegalArgumentException when there is no such node
     */
    public char value(int pattern, String node) {
        return patterns.get(pattern).charAt(indexOf(node));
    }

    /** The distinct values ('0', '1', '-') a node takes over all patterns. */
    public SortedSet<Character> values(String node) {
        int i = indexOf(node);
        SortedSet<Character> out = new TreeSet<>();
        for (String p : patterns) {
            out.add(p.charAt(i));
        }
        return out;
    }

    private int indexOf(String node) {
        int i = nodes.indexOf(node);
        if (i < 0) {
            throw new IllegalArgumentException("no node named " + node);
        }
        return i;
    }
}
