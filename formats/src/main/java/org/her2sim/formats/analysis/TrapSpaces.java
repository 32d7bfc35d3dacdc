// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.tool.trapspaces.TrapSpace;
import org.colomoto.biolqm.tool.trapspaces.TrapSpaceList;
import org.colomoto.biolqm.tool.trapspaces.TrapSpaceTask;
import org.her2sim.engine.model.ModelException;
import org.her2sim.engine.model.SourceLocation;
import org.her2sim.formats.BooleanConversion;

/**
 * The minimal trap spaces of a Boolean model: the smallest subspaces (some nodes fixed, the
 * others free) that no trajectory leaves. Each contains at least one attractor, so they
 * approximate the attractors, cyclic ones included; a minimal trap space with no free node is
 * a stable state.
 *
 * <p>Computed by bioLQM's {@link TrapSpaceTask} with the {@code bdd} and {@code terminal}
 * options. The BDD method needs no external tool; without it bioLQM would call {@code clingo}
 * and, when that is missing, silently return no trap space at all.
 */
public final class TrapSpaces {
    private TrapSpaces() {
    }

    /**
     * The minimal trap spaces.
     *
     * @param source names the model (its file), for messages
     * @return one pattern per trap space ('0', '1', '-' for free), sorted
     * @throws ModelException naming the source when the model is multi-valued or the search fails
     */
    public static StatePatterns minimal(LogicalModel model, String source) {
        BooleanConversion.requireBoolean(model, source);
        TrapSpaceList found;
        try {
            TrapSpaceTask task = new TrapSpaceTask(model);
            task.setParameters(new String[] {"bdd", "terminal"});
            found = task.call();
        } catch (Exception e) {
            throw new ModelException(SourceLocation.of(source), "the trap-space search failed: " + e);
        }
        List<String> out = new ArrayList<>(found.size());
        for (TrapSpace t : found) {
            out.add(BooleanConversion.digits(t.pattern));
        }
        return new StatePatterns(BooleanConversion.names(model), out);
    }
}
