// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.formats.analysis.StableStates;
import org.her2sim.formats.analysis.StatePatterns;
import org.her2sim.formats.analysis.TrapSpaces;

/**
 * {@code her2sim analyze stable-states} and {@code analyze trap-spaces}: one analysis of a Boolean
 * model that yields state patterns, printed as a table or JSON.
 */
final class PatternAnalysisCommand implements Command {
    private final String name;
    private final String summary;
    private final String what;
    private final Args.Spec spec;
    private final Analysis analysis;

    /** One analysis: the model, its source for messages, and the most patterns to list. */
    @FunctionalInterface
    interface Analysis {
        StatePatterns apply(LogicalModel model, String source, long limit);
    }

    /** Patterns listed at most when --limit is not given. */
    static final long DEFAULT_LIMIT = 100_000;

    private PatternAnalysisCommand(String name, String summary, String what, Args.Spec spec,
                                   Analysis analysis) {
        this.name = name;
        this.summary = summary;
        this.what = what;
        this.spec = AnalysisInput.withCommonOptions(spec)
            .option("--limit", "N", "stop after N " + what + " (default " + DEFAULT_LIMIT + "); the output then says the list is incomplete");
        this.analysis = analysis;
    }

    /** All stable states (our exact search). */
    static PatternAnalysisCommand stableStates() {
        return new PatternAnalysisCommand("analyze stable-states", "all stable states of a Boolean model", "stable states",
            new Args.Spec("her2sim analyze stable-states MODEL [--ko X]... [--ki Y]... [--fix X=v]... [--inputs 0|1] [--limit N] [--json]",
                "List every stable state (fixed point) of a Boolean model (exact search: branching with percolation).",
                "A stable state is stable under any update scheme. Exit codes: 0 done, 2 bad input."),
            StableStates::of);
    }

    /** The minimal trap spaces (our exact search). */
    static PatternAnalysisCommand trapSpaces() {
        return new PatternAnalysisCommand("analyze trap-spaces", "minimal trap spaces (attractor approximations, cyclic ones too)",
            "minimal trap spaces",
            new Args.Spec("her2sim analyze trap-spaces MODEL [--ko X]... [--ki Y]... [--fix X=v]... [--inputs 0|1] [--limit N] [--json]",
                "List the minimal trap spaces of a Boolean model (exact search): each holds at least one attractor.",
                "Free nodes (both values) are shown as * in the table and null in JSON. Exit codes: 0 done, 2 bad input."),
            TrapSpaces::minimal);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Args.Spec spec() {
        return spec;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        AnalysisInput in = AnalysisInput.read(a);
        Long limit = a.longValue("--limit");
        if (limit != null && limit < 1) {
            throw new Args.UsageException("option '--limit' needs a number >= 1, not " + limit);
        }
        StatePatternsPrinter.print(out, in, analysis.apply(in.model(), in.file().toString(), limit == null ? DEFAULT_LIMIT : limit),
            what, a.has("--json"), AnalysisInput.maxShown(a));
        return 0;
    }
}
