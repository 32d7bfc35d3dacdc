// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2sim.engine.output.Json;
import org.her2sim.formats.analysis.KnockoutScreen;
import org.her2sim.formats.analysis.NodeFix;

/** {@code her2sim analyze knockouts}: a knock-out/knock-in screen read out on one node's stable-state values. */
final class KnockoutsCommand implements Command {
    private static final Args.Spec SPEC = AnalysisInput.withCommonOptions(new Args.Spec(
        "her2sim analyze knockouts MODEL --readout NODE [--pairs] [--pair-kinds ko,ki,mixed] [--fix X=v]... [--json]",
        "For the model as given, then each single knock-out (X=0) and knock-in (X=1), and with --pairs each",
        "double knock-out (with --pair-kinds: double knock-outs, double knock-ins and/or one of each),",
        "print how many stable states remain and the values NODE takes in them.",
        "Nodes held by --fix/--ko/--ki are not screened. Exit codes: 0 done, 2 bad input."))
        .option("--readout", "NODE", "the node whose stable-state values are reported (required)")
        .flag("--pairs", "also screen every double knock-out (the same as --pair-kinds ko)")
        .option("--pair-kinds", "LIST", "screen pairs of these kinds, comma-separated: ko (both out), ki (both in), "
            + "mixed (one out, one in, both ways round)");

    @Override
    public String name() {
        return "analyze knockouts";
    }

    @Override
    public String summary() {
        return "knock-out/knock-in screen on a readout node's stable states";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    /** The kinds of pair asked for: --pair-kinds, or double knock-outs with --pairs, or none. */
    static Set<KnockoutScreen.PairKind> pairKinds(Args a) {
        Set<KnockoutScreen.PairKind> kinds = EnumSet.noneOf(KnockoutScreen.PairKind.class);
        if (a.has("--pairs")) {
            kinds.add(KnockoutScreen.PairKind.KO);
        }
        if (a.has("--pair-kinds")) {
            List<String> words = a.values("--pair-kinds", true);
            if (words.isEmpty()) {
                throw new Args.UsageException("option '--pair-kinds' needs one or more of ko, ki, mixed");
            }
            for (String w : words) {
                try {
                    kinds.add(KnockoutScreen.PairKind.parse(w));
                } catch (IllegalArgumentException e) {
                    throw new Args.UsageException("option '--pair-kinds': " + e.getMessage());
                }
            }
        }
        return kinds;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        String readout = a.required("--readout", "a readout node is required (--readout NODE)");
        AnalysisInput in = AnalysisInput.read(a);
        List<KnockoutScreen.Row> rows = KnockoutScreen.run(in.model(), readout, in.fixedNodes(), pairKinds(a), in.file().toString());
        if (a.has("--json")) {
            StringBuilder sb = new StringBuilder("{\n");
            sb.append("  \"model\": ").append(Json.str(in.file().toString())).append(",\n");
            sb.append("  \"readout\": ").append(Json.str(readout)).append(",\n");
            sb.append("  \"fixed\": {").append(in.fixes().stream()
                .map(f -> Json.str(f.node()) + ": " + f.value()).collect(Collectors.joining(", "))).append("},\n");
            sb.append("  \"perturbations\": [");
            for (int i = 0; i < rows.size(); i++) {
                KnockoutScreen.Row r = rows.get(i);
                sb.append(i > 0 ? "," : "").append("\n    {\"fix\": {")
                    .append(r.fixes().stream().map(f -> Json.str(f.node()) + ": " + f.value()).collect(Collectors.joining(", ")))
                    .append("}, \"stable_states\": ").append(r.stableStates())
                    .append(", \"readout_values\": ").append(r.readoutValues()).append('}');
            }
            sb.append("\n  ]\n}\n");
            out.print(sb);
            return 0;
        }
        out.printf("%s: readout %s%s; %d perturbations%n", in.file(), readout,
            in.fixes().isEmpty() ? "" : " with " + in.fixes().stream().map(NodeFix::toString).collect(Collectors.joining(" ")),
            rows.size());
        int width = Math.max("perturbation".length(), rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        out.printf("%-" + width + "s  %13s  %s%n", "perturbation", "stable states", readout);
        for (KnockoutScreen.Row r : rows) {
            String values = r.readoutValues().isEmpty() ? "-" : r.readoutValues().stream().map(String::valueOf).collect(Collectors.joining(","));
            out.printf("%-" + width + "s  %13d  %s%n", r.label(), r.stableStates(), values);
        }
        return 0;
    }
}
