// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.sim.Perturbation;

/**
 * A node fixed at 0 or 1 for the whole run ({@code {node: PTEN, value: 0}}).
 *
 * @param node the node
 * @param value 0 or 1
 * @param at where it was written
 */
public record Fix(String node, int value, SourceLocation at) {

    /** The engine's perturbation. */
    public Perturbation perturbation() {
        return new Perturbation(node, value);
    }

    /** Reads {@code {node: X, value: 0|1}}. */
    static Fix read(YamlNode n, String what) {
        n.allowKeys(what, "node", "value");
        YamlNode nodeField = n.require("node", what);
        String node = nodeField.text(what + ", field 'node'");
        YamlNode v = n.require("value", what);
        int value = v.integer(what + ", field 'value'");
        if (value != 0 && value != 1) {
            throw v.error(what + ": value must be 0 or 1, not " + value);
        }
        return new Fix(node, value, nodeField.at());
    }

    @Override
    public String toString() {
        return node + "=" + value;
    }
}
