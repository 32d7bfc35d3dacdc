// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.her2sim.formats.analysis.StableStates;

/** {@code her2sim analyze stable-states}: every stable state of a Boolean model. */
final class StableStatesCommand implements Command {
    private static final Args.Spec SPEC = AnalysisInput.withCommonOptions(new Args.Spec(
        "her2sim analyze stable-states MODEL [--ko X]... [--ki Y]... [--fix X=v]... [--json]",
        "List every stable state (fixed point) of a Boolean model, found symbolically (bioLQM, MDD method).",
        "A stable state is stable under any update scheme. Exit codes: 0 done, 2 bad input."));

    @Override
    public String name() {
        return "analyze stable-states";
    }

    @Override
    public String summary() {
        return "all stable states of a Boolean model";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        AnalysisInput in = AnalysisInput.read(a);
        StatePatternsPrinter.print(out, in, StableStates.of(in.model(), in.file().toString()), "stable states", a.has("--json"),
            AnalysisInput.maxShown(a));
        return 0;
    }
}
