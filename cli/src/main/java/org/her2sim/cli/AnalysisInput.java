// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.model.Node;
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
            .flag("--inputs-at-istate", "hold every input node (logic = itself) at its initial state from the .cfg, unless fixed above")
            .option("--inputs", "0|1", "hold every input node (logic = itself) not fixed above at this value")
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
        if (a.has("--inputs-at-istate")) {
            fixes.addAll(inputsAtIstate(doc, fixes));
        }
        if (a.has("--inputs")) {
            String v = a.value("--inputs").strip();
            if (!v.equals("0") && !v.equals("1")) {
                throw new Args.UsageException("option '--inputs' needs 0 or 1, not '" + v + "'");
            }
            fixes.addAll(inputsAt(doc, fixes, Integer.parseInt(v)));
        }
        LogicalModel model = NodeFix.apply(doc.toLogicalModel(), fixes, file.toString());
        return new AnalysisInput(file, model, fixes);
    }

    /** Fixes for the input nodes not fixed already: each at its constant initial state in the cfg. */
    static List<NodeFix> inputsAtIstate(ModelDocument doc, List<NodeFix> explicit) {
        RunConfig cfg = doc.config().orElseThrow(() -> new Args.UsageException("--inputs-at-istate needs a .bnd model with its .cfg"));
        java.util.Set<String> fixed = new java.util.HashSet<>();
        explicit.forEach(f -> fixed.add(f.node()));
        List<NodeFix> out = new ArrayList<>();
        for (Node n : doc.network().nodes()) {
            boolean input = n.logic() instanceof Expression.NodeRef r && r.name().equals(n.name());
            Expression init = cfg.istates().get(n.name());
            if (!input || fixed.contains(n.name()) || init == null) {
                continue;
            }
            double v = ExpressionCompiler.evaluateConstant(init, doc.parameters(), "the istate of " + n.name());
            if (v == 0 || v == 1) {
                out.add(new NodeFix(n.name(), (int) v));
            }
        }
        return out;
    }

    /** Fixes at {@code value} for the input nodes (logic = itself) not fixed already. */
    static List<NodeFix> inputsAt(ModelDocument doc, List<NodeFix> explicit, int value) {
        java.util.Set<String> fixed = new java.util.HashSet<>();
        explicit.forEach(f -> fixed.add(f.node()));
        List<NodeFix> out = new ArrayList<>();
        for (Node n : doc.network().nodes()) {
            boolean input = n.logic() instanceof Expression.NodeRef r && r.name().equals(n.name());
            if (input && !fixed.contains(n.name())) {
                out.add(new NodeFix(n.name(), value));
            }
        }
        return out;
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
