// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.List;
import org.her2sim.engine.output.Json;
import org.her2sim.formats.analysis.NodeFix;
import org.her2sim.formats.analysis.StatePatterns;

/** Prints stable states or trap spaces as a table (one row per node, one column per pattern) or as JSON. */
final class StatePatternsPrinter {
    private StatePatternsPrinter() {
    }

    /** Columns shown in a table when --max-shown is not given. */
    static final int DEFAULT_SHOWN = 32;

    static void print(PrintStream out, AnalysisInput in, StatePatterns p, String what, boolean json, int maxShown) {
        if (json) {
            StringBuilder sb = new StringBuilder("{\n");
            sb.append("  \"model\": ").append(Json.str(in.file().toString())).append(",\n");
            sb.append("  \"fixed\": {");
            List<NodeFix> fixes = in.fixes();
            for (int i = 0; i < fixes.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(Json.str(fixes.get(i).node())).append(": ").append(fixes.get(i).value());
            }
            sb.append("},\n  \"nodes\": [");
            for (int i = 0; i < p.nodes().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(Json.str(p.nodes().get(i)));
            }
            sb.append("],\n  ").append(Json.str(what.replace(' ', '_'))).append(": [");
            for (int i = 0; i < p.size(); i++) {
                sb.append(i > 0 ? "," : "").append("\n    {");
                for (int n = 0; n < p.nodes().size(); n++) {
                    char c = p.patterns().get(i).charAt(n);
                    sb.append(n > 0 ? ", " : "").append(Json.str(p.nodes().get(n))).append(": ")
                        .append(c == '-' ? "null" : String.valueOf(c));
                }
                sb.append('}');
            }
            sb.append(p.size() > 0 ? "\n  ],\n" : "],\n");
            sb.append("  \"complete\": ").append(p.complete()).append("\n}\n");
            out.print(sb);
            return;
        }
        out.printf("%s: %d %s%s%s%n", in.file(), p.size(), what, p.complete() ? "" : " listed",
            in.fixes().isEmpty() ? "" : " with " + String.join(" ", in.fixes().stream().map(NodeFix::toString).toList()));
        if (!p.complete()) {
            out.printf("(the search stopped at --limit %d: there are more%s)%n", p.size(),
                what.contains("trap") ? ", and a trap space listed may not be minimal" : "");
        }
        if (p.size() == 0) {
            return;
        }
        int shown = Math.min(p.size(), maxShown);
        if (shown == 0) {
            out.printf("(none of %d shown; --max-shown N to show some, or --json for all)%n", p.size());
            return;
        }
        List<String> patterns = p.patterns().subList(0, shown);
        int width = p.nodes().stream().mapToInt(String::length).max().orElse(4);
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s", "node"));
        for (int i = 0; i < shown; i++) {
            header.append(String.format(" %3d", i + 1));
        }
        out.println(header);
        for (String node : p.nodes()) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s", node));
            int k = p.nodes().indexOf(node);
            for (String pattern : patterns) {
                row.append("   ").append(pattern.charAt(k) == '-' ? '*' : pattern.charAt(k));
            }
            out.println(row);
        }
        if (shown < p.size()) {
            out.printf("(%d of %d shown; --max-shown N for more, or --json for all)%n", shown, p.size());
        }
        if (what.contains("trap")) {
            out.println("(* = free: the node takes both values in that trap space)");
        }
    }
}
