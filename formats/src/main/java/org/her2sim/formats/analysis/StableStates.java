// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.tool.fixpoints.FixpointList;
import org.colomoto.biolqm.tool.fixpoints.FixpointTask;
import org.her2sim.engine.model.ModelException;
import org.her2sim.engine.model.SourceLocation;
import org.her2sim.formats.BooleanConversion;

/**
 * All stable states (fixed points) of a Boolean model, found symbolically by bioLQM's
 * {@link FixpointTask} (MDD method, no external tool). A stable state is stable under every
 * update scheme, so the result holds for the engine's asynchronous simulation too.
 */
public final class StableStates {
    private StableStates() {
    }

    /**
     * Every stable state of the model.
     *
     * @param source names the model (its file), for messages
     * @return the states, one character per component ('0' or '1'), sorted
     * @throws ModelException naming the source when the model is multi-valued or the search fails
     */
    public static StatePatterns of(LogicalModel model, String source) {
        BooleanConversion.requireBoolean(model, source);
        FixpointList found;
        try {
            found = new FixpointTask(model).call();
        } catch (Exception e) {
            throw new ModelException(SourceLocation.of(source), "the stable-state search failed: " + e);
        }
        List<String> out = new ArrayList<>(found.size());
        for (byte[] s : found) {
            out.add(BooleanConversion.digits(s));
        }
        return new StatePatterns(BooleanConversion.names(model), out);
    }
}
