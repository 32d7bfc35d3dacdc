// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.formats.FormatRegistry;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.analysis.NodeFix;

/** The model of an {@code analyze} command, read in its format, with the --ko, --ki and --fix options applied. */
record AnalysisInput(Path file, LogicalModel model, List<NodeFix> fixes) {

    /** Options every {@code analyze} command takes. */
    static Args.Spec withCommonOptions(Args.Spec spec) {
        return spec
            .positional("MODEL", "the model: .bnet, .bnd (with its .cfg), .sbml (SBML-qual), .booleannet, .ginml, .zginml")
            .option("--from", "FORMAT", "the model's format when its extension does not tell it")
            .option("--ko", "NODE", "knock-out: NODE held at 0; repeatable, or comma-separated")
            .option("--ki", "NODE", "knock-in: NODE held at 1; repeatable, or comma-separated")
            .option("--fix", "NODE=0|1", "NODE held at a value; repeatable, or comma-separated")
            .option("--max-shown", "N", "table columns shown at most (default 32); JSON always lists all")
            .flag("--json", "print JSON instead of a table");
    }

    /** Reads the model and applies the fixes in command-line order. */
    static AnalysisInput read(Args a) throws IOException {
        if (a.positionals().size() != 1) {
            throw new Args.UsageException(a.positionals().isEmpty() ? "missing MODEL" : "one MODEL expected, got " + a.positionals());
        }
        Path file = Path.of(a.positionals().get(0));
        ModelDocument doc = FormatRegistry.load().read(file, a.value("--from"));
        List<NodeFix> fixes = new ArrayList<>();
        for (Args.Entry e : a.entries()) {
            if (e.key().equals("--ko") || e.key().equals("--ki") || e.key().equals("--fix")) {
                for (String part : e.value().split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String p = part.strip();
                    switch (e.key()) {
                        case "--ko" -> fixes.add(new NodeFix(p, 0));
                        case "--ki" -> fixes.add(new NodeFix(p, 1));
                        default -> fixes.add(NodeFix.parse(p, "--fix " + p));
                    }
                }
            }
        }
        LogicalModel model = NodeFix.apply(doc.toLogicalModel(), fixes, file.toString());
        return new AnalysisInput(file, model, fixes);
    }

    /** The --max-shown value, or the default. */
    static int maxShown(Args a) {
        Long n = a.longValue("--max-shown");
        if (n != null && n < 0) {
            throw new Args.UsageException("option '--max-shown' needs a number >= 0, not " + n);
        }
        return n == null ? StatePatternsPrinter.DEFAULT_SHOWN : (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** The fixed node names. */
    List<String> fixedNodes() {
        return fixes.stream().map(NodeFix::node).toList();
    }
}
