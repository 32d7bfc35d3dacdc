// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.tool.trapspaces.TrapSpace;
import org.colomoto.biolqm.tool.trapspaces.TrapSpaceList;
import org.colomoto.biolqm.tool.trapspaces.TrapSpaceTask;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.formats.BooleanConversion;

/**
 * The minimal trap spaces of a Boolean model: the smallest subspaces (some nodes fixed, the
 * others free) that no trajectory leaves. Each contains at least one attractor, so they
 * approximate the attractors, cyclic ones included; a minimal trap space with no free node is
 * a stable state.
 *
 * <p>{@link #minimal} runs our own exact search ({@link SubspaceSearch}); {@link #withBioLqm}
 * runs bioLQM's {@link TrapSpaceTask} with the {@code bdd} and {@code terminal} options, kept as
 * the reference the tests compare with (without {@code bdd} bioLQM would call {@code clingo} and,
 * when that is missing, silently return no trap space at all).
 */
public final class TrapSpaces {
    private TrapSpaces() {
    }

    /** Like {@link #minimal(LogicalModel, String, long)} with no limit. */
    public static StatePatterns minimal(LogicalModel model, String source) {
        return minimal(model, source, Long.MAX_VALUE);
    }

    /**
     * The minimal trap spaces.
     *
     * @param source names the model (its file), for messages
     * @param limit the most trap spaces collected; past it the search stops and the result is
     *     marked incomplete (an incomplete list may hold trap spaces a full search would find not minimal)
     * @return one pattern per trap space ('0', '1', '-' for free), sorted
     * @throws ModelException naming the source when the model is multi-valued
     */
    public static StatePatterns minimal(LogicalModel model, String source, long limit) {
        BooleanConversion.requireBoolean(model, source);
        SubspaceSearch.Result r = SubspaceSearch.run(Functions.of(model), SubspaceSearch.Mode.MINIMAL_TRAP_SPACES, limit);
        return new StatePatterns(BooleanConversion.names(model), r.patterns(), r.complete());
    }

    /**
     * The minimal trap spaces by bioLQM (BDD method).
     *
     * @throws ModelException naming the source when the model is multi-valued or the search fails
     */
    public static StatePatterns withBioLqm(LogicalModel model, String source) {
        BooleanConversion.requireBoolean(model, source);
        TrapSpaceList found;
        try {
            TrapSpaceTask task = new TrapSpaceTask(model);
            task.setParameters(new String[] {"bdd", "terminal"});
            found = task.call();
        } catch (Exception | OutOfMemoryError e) {
            throw new ModelException(SourceLocation.of(source), "the trap-space search failed: " + e);
        }
        List<String> out = new ArrayList<>(found.size());
        for (TrapSpace t : found) {
            out.add(BooleanConversion.digits(t.pattern));
        }
        return new StatePatterns(BooleanConversion.names(model), out);
    }
}
