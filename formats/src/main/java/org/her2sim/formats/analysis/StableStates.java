// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import java.util.ArrayList;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.tool.fixpoints.FixpointList;
import org.colomoto.biolqm.tool.fixpoints.FixpointTask;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.formats.BooleanConversion;

/**
 * All stable states (fixed points) of a Boolean model. A stable state is stable under every
 * update scheme, so the result holds for the engine's asynchronous simulation too.
 *
 * <p>{@link #of} runs our own exact search ({@link SubspaceSearch}: branching on a feedback
 * vertex set with percolation); {@link #withBioLqm} runs bioLQM's MDD method, kept as the
 * reference the tests compare with.
 */
public final class StableStates {
    private StableStates() {
    }

    /** Like {@link #of(LogicalModel, String, long)} with no limit. */
    public static StatePatterns of(LogicalModel model, String source) {
        return of(model, source, Long.MAX_VALUE);
    }

    /**
     * Every stable state of the model, or the first {@code limit} found.
     *
     * @param source names the model (its file), for messages
     * @param limit the most states listed; when there are more, the result is marked incomplete
     * @return the states, one character per component ('0' or '1'), sorted
     * @throws ModelException naming the source when the model is multi-valued
     */
    public static StatePatterns of(LogicalModel model, String source, long limit) {
        BooleanConversion.requireBoolean(model, source);
        SubspaceSearch.Result r = SubspaceSearch.run(Functions.of(model), SubspaceSearch.Mode.STABLE_STATES, limit);
        return new StatePatterns(BooleanConversion.names(model), r.patterns(), r.complete());
    }

    /**
     * The stable states by bioLQM's {@link FixpointTask} (MDD method). A node that bioLQM leaves
     * free in a result ('-') takes both values, each giving a stable state; both are listed.
     *
     * @throws ModelException naming the source when the model is multi-valued or the search fails
     */
    public static StatePatterns withBioLqm(LogicalModel model, String source) {
        BooleanConversion.requireBoolean(model, source);
        FixpointList found;
        try {
            found = new FixpointTask(model).call();
        } catch (Exception | OutOfMemoryError e) {
            throw new ModelException(SourceLocation.of(source), "the stable-state search failed: " + e);
        }
        List<String> out = new ArrayList<>(found.size());
        for (byte[] s : found) {
            expand(BooleanConversion.digits(s), out);
        }
        return new StatePatterns(BooleanConversion.names(model), out);
    }

    private static void expand(String pattern, List<String> out) {
        int free = pattern.indexOf('-');
        if (free < 0) {
            out.add(pattern);
            return;
        }
        expand(pattern.substring(0, free) + '0' + pattern.substring(free + 1), out);
        expand(pattern.substring(0, free) + '1' + pattern.substring(free + 1), out);
    }
}
