// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.cfg.RunConfig.GroupEntry;
import org.her2sim.engine.cfg.RunConfig.IstateGroup;
import org.her2sim.engine.cfg.RunConfig.ScheduleEntry;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.error.SourceLocation;

/**
 * The effective configuration in the layout of MaBoSS's {@code -d/--dump-config}, or a template
 * to fill in ({@code -t}): a header, the global settings, the parameters (by name), every node's
 * {@code is_internal} and {@code refstate}, the initial states that are not 50/50, schedules.
 * Numbers are printed with 6 significant digits, as MaBoSS does (so a dump is lossy too).
 */
public final class CfgDump {
    private static final List<String> GLOBALS = List.of("time_tick", "max_time", "sample_count", "discrete_time",
        "use_physrandgen", "seed_pseudorandom", "display_traj", "statdist_traj_count", "statdist_cluster_threshold",
        "thread_count", "statdist_similarity_cache_max_size");

    private CfgDump() {
    }

    /**
     * The dump ({@code template} false) or the template of {@code network} (true: defaults, every
     * parameter the model uses at 0, explanatory comments).
     *
     * @param header the first comment lines (MaBoSS's name the version and the time)
     */
    public static String write(Network network, RunConfig c, boolean template, String header) {
        StringBuilder sb = new StringBuilder();
        sb.append("//\n// ").append(header).append("\n//\n\n");
        if (template) {
            sb.append("// global configuration variables\n");
        }
        for (String g : GLOBALS) {
            double v = template ? RunConfig.defaults().get(g) : c.global(g);
            boolean real = g.equals("time_tick") || g.equals("max_time") || g.equals("statdist_cluster_threshold");
            sb.append(g).append(" = ").append(real ? Fmt.general(v, 6) : Long.toString((long) v)).append(";\n");
        }
        sb.append('\n');
        Map<String, Double> vars = new TreeMap<>();
        if (template) {
            parameters(network).forEach(p -> vars.put(p, 0.0));
        } else {
            vars.putAll(c.variables());
        }
        if (!vars.isEmpty()) {
            if (template) {
                sb.append("// variables to be set in the configuration file or by using the --config-vars option\n");
            }
            vars.forEach((k, v) -> sb.append('$').append(k).append(" = ").append(Fmt.general(v, 6)).append(";\n"));
            sb.append('\n');
        }
        if (template) {
            sb.append("// set is_internal attribute value to 1 if node is an internal node\n");
        }
        for (Node n : network.nodes()) {
            sb.append(n.name()).append(".is_internal = ").append(!template && c.isInternal(n.name()) ? 1 : 0).append(";\n");
        }
        sb.append('\n');
        if (template) {
            sb.append("// if node is a reference node, set refstate attribute value to 0 or 1 according to its reference state\n")
                .append("// if node is not a reference node, skip its refstate declaration or set value to -1\n");
        }
        for (Node n : network.nodes()) {
            int ref = template ? -1 : c.refstates().getOrDefault(n.name(), -1);
            sb.append(n.name()).append(".refstate = ").append(ref < 0 ? -1 : ref).append(";\n");
        }
        sb.append('\n');
        if (template) {
            sb.append("// if NODE initial state is:\n// - equals to 1: NODE.istate = 1;\n// - equals to 0: NODE.istate = 0;\n")
                .append("// - random: NODE.istate = -1; OR [NODE].istate = 0.5 [0], 0.5 [1]; OR skip NODE.istate declaration\n")
                .append("// - weighted random: [NODE].istate = P0 [0], P1 [1]; where P0 and P1 are arithmetic expressions\n");
        } else {
            istates(sb, c);
        }
        schedules(sb, c, template);
        return sb.toString();
    }

    /** Initial states in the order they were declared (files in the order applied), 50/50 ones left out, as MaBoSS lists them. */
    private static void istates(StringBuilder sb, RunConfig c) {
        java.util.List<java.util.Map.Entry<SourceLocation, String>> lines = new java.util.ArrayList<>();
        for (Map.Entry<String, Expression> e : c.istates().entrySet()) {
            SourceLocation at = c.istateLocations().getOrDefault(e.getKey(), SourceLocation.of(""));
            if (e.getValue() instanceof Expression.Constant k) {
                if (k.value() >= 0) {
                    lines.add(Map.entry(at, e.getKey() + ".istate = " + (k.value() != 0 ? 1 : 0) + ";\n"));
                }
            } else {
                lines.add(Map.entry(at, e.getKey() + ".istate = " + ExpressionPrinter.print(e.getValue()) + ";\n"));
            }
        }
        for (IstateGroup g : c.istateGroups()) {
            StringBuilder line = new StringBuilder();
            line.append('[').append(String.join(", ", g.nodes())).append("].istate = ");
            for (int i = 0; i < g.entries().size(); i++) {
                GroupEntry en = g.entries().get(i);
                line.append(i > 0 ? ", " : "").append(ExpressionPrinter.print(en.weight())).append(" [");
                for (int j = 0; j < en.values().size(); j++) {
                    line.append(j > 0 ? ", " : "").append(ExpressionPrinter.print(en.values().get(j)));
                }
                line.append(']');
            }
            lines.add(Map.entry(g.at(), line.append(";\n").toString()));
        }
        java.util.List<String> sources = c.sources();
        lines.sort(java.util.Comparator.<java.util.Map.Entry<SourceLocation, String>>comparingInt(e -> sources.indexOf(e.getKey().source()))
            .thenComparingInt(e -> e.getKey().line()).thenComparingInt(e -> e.getKey().column()));
        lines.forEach(e -> sb.append(e.getValue()));
    }

    private static void schedules(StringBuilder sb, RunConfig c, boolean template) {
        String last = null;
        for (ScheduleEntry s : c.schedule()) {
            if (!s.node().equals(last)) {
                if (last != null) {
                    sb.append(";\n");
                }
                sb.append('\n');
                if (template) {
                    sb.append("// scheduled flips for node ").append(s.node()).append('\n');
                }
                sb.append(s.node()).append(".schedule = ");
                last = s.node();
            } else {
                sb.append(", ");
            }
            sb.append(Fmt.general(s.time(), 6)).append(": ").append(ExpressionPrinter.print(s.probability()));
        }
        if (last != null) {
            sb.append(";\n");
        }
    }

    /** The parameters ({@code $name}) the network's attributes use, by name. */
    public static TreeSet<String> parameters(Network network) {
        TreeSet<String> out = new TreeSet<>();
        for (Node n : network.nodes()) {
            n.attributes().values().forEach(e -> collect(e, out));
        }
        return out;
    }

    private static void collect(Expression e, TreeSet<String> out) {
        Expression.forEachLeaf(e, x -> {
            if (x instanceof Expression.Param p) {
                out.add(p.name());
            }
        });
    }
}
