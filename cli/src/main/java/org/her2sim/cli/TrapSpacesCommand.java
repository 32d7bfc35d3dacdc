// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.her2sim.formats.analysis.TrapSpaces;

/** {@code her2sim analyze trap-spaces}: the minimal trap spaces of a Boolean model. */
final class TrapSpacesCommand implements Command {
    private static final Args.Spec SPEC = AnalysisInput.withCommonOptions(new Args.Spec(
        "her2sim analyze trap-spaces MODEL [--ko X]... [--ki Y]... [--fix X=v]... [--json]",
        "List the minimal trap spaces of a Boolean model (bioLQM, BDD method): each holds at least one attractor.",
        "Free nodes (both values) are shown as * in the table and null in JSON. Exit codes: 0 done, 2 bad input."));

    @Override
    public String name() {
        return "analyze trap-spaces";
    }

    @Override
    public String summary() {
        return "minimal trap spaces (attractor approximations, cyclic ones too)";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        AnalysisInput in = AnalysisInput.read(a);
        StatePatternsPrinter.print(out, in, TrapSpaces.minimal(in.model(), in.file().toString()), "minimal trap spaces", a.has("--json"),
            AnalysisInput.maxShown(a));
        return 0;
    }
}
