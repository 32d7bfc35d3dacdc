// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.List;
import java.util.stream.Collectors;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.service.LQMServiceManager;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * A node held at a value: a knock-out (0) or a knock-in (1). Applied to a Boolean
 * {@link LogicalModel} through bioLQM's {@code perturbation} modifier, which replaces the node's
 * function by the constant.
 *
 * @param node the component name
 * @param value 0 or 1
 */
public record NodeFix(String node, int value) {

    /** @throws IllegalArgumentException when the value is not 0 or 1 */
    public NodeFix {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("a Boolean node can only be fixed at 0 or 1, not " + value);
        }
    }

    /**
     * Parses {@code NODE=0} or {@code NODE=1}.
     *
     * @param where names the option or field the text comes from, for messages
     * @throws ModelException when the text is not of that form
     */
    public static NodeFix parse(String text, String where) {
        String[] kv = text.split("=", 2);
        if (kv.length != 2 || kv[0].isBlank() || !(kv[1].strip().equals("0") || kv[1].strip().equals("1"))) {
            throw new ModelException(SourceLocation.of(where), "expected NODE=0 or NODE=1, not '" + text + "'");
        }
        return new NodeFix(kv[0].strip(), Integer.parseInt(kv[1].strip()));
    }

    /** As written on a command line: {@code NODE=v}. */
    @Override
    public String toString() {
        return node + "=" + value;
    }

    /**
     * The model with every fix applied; the model itself is unchanged.
     *
     * @param source names the model (its file), for messages
     * @throws ModelException naming the source when a fixed node is not a component of the model
     */
    public static LogicalModel apply(LogicalModel model, List<NodeFix> fixes, String source) {
        if (fixes.isEmpty()) {
            return model;
        }
        for (NodeFix f : fixes) {
            if (model.getComponentIndex(f.node()) < 0) {
                throw new ModelException(SourceLocation.of(source), "cannot fix " + f + ": the model has no node named " + f.node());
            }
        }
        String spec = fixes.stream().map(f -> f.node() + "%" + f.value()).collect(Collectors.joining(" "));
        try {
            LogicalModel out = LQMServiceManager.modify(model, "perturbation", spec);
            if (out == null) {
                throw new ModelException(SourceLocation.of(source), "bioLQM could not apply the perturbation " + spec);
            }
            return out;
        } catch (ModelException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelException(SourceLocation.of(source), "bioLQM could not apply the perturbation " + spec + ": " + e);
        }
    }
}
