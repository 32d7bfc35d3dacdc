// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.SourceLocation;

/**
 * {@code evidence.yaml}: what the review says of each node and each edge.
 *
 * @param nodes by node name, in file order
 * @param edges in file order
 */
public record Evidence(Map<String, NodeEvidence> nodes, List<EdgeEvidence> edges) {
    public Evidence {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
    }

    /** A node's evidence. */
    public record NodeEvidence(String node, String name, String compartment, String description, Citation citation,
                               SourceLocation at) { }

    /** An edge's evidence; {@code sign} is {@code +}, {@code -} or {@code +/-}. */
    public record EdgeEvidence(String from, String to, ModelGraph.Sign sign, Citation citation, String note, SourceLocation at) { }

    /** The evidence of an edge, or null. */
    public EdgeEvidence edge(String from, String to) {
        for (EdgeEvidence e : edges) {
            if (e.from().equals(from) && e.to().equals(to)) {
                return e;
            }
        }
        return null;
    }
}
