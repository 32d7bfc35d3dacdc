// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.cfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;

/**
 * Everything a CFG file says: the run's global settings, the {@code $} parameters, and per-node
 * settings (initial state, output, reference state, schedule). Immutable; build it with
 * {@link Builder}, usually through {@link CfgParser}.
 *
 * <p>Defaults are MaBoSS's: {@code time_tick} 0.5, {@code max_time} 1000, {@code sample_count}
 * 10000, continuous time, seed 0, one thread, no stationary-distribution estimates.
 */
public final class RunConfig {

    /** One entry of a joint initial distribution: a weight and a value for each node of the group. */
    public record GroupEntry(Expression weight, List<Expression> values) {
        public GroupEntry {
            values = List.copyOf(values);
        }
    }

    /** {@code [A, B].istate = w1 [a1, b1], w2 [a2, b2];}: a joint initial distribution over a group of nodes. */
    public record IstateGroup(List<String> nodes, List<GroupEntry> entries, SourceLocation at) {
        public IstateGroup {
            nodes = List.copyOf(nodes);
            entries = List.copyOf(entries);
        }
    }

    /** {@code X.schedule = t: p}: at time t, node X is redrawn to 1 with probability p (an expression). */
    public record ScheduleEntry(String node, double time, Expression probability, SourceLocation at) { }

    private final Map<String, Double> globals;
    private final Map<String, Double> variables;
    private final Map<String, Expression> istates;
    /** The most time windows a run may have (each is a row of the trajectory table). */
    public static final int MAX_WINDOWS = 10_000_000;

    private final Map<String, SourceLocation> istateAt;
    private final List<IstateGroup> groups;
    private final Map<String, Boolean> internal;
    private final Map<String, Integer> refstates;
    private final Map<String, Boolean> inGraph;
    private final List<ScheduleEntry> schedule;
    private final List<String> sources;

    private RunConfig(Builder b) {
        globals = Collections.unmodifiableMap(new LinkedHashMap<>(b.globals));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        istates = Collections.unmodifiableMap(new LinkedHashMap<>(b.istates));
        istateAt = Collections.unmodifiableMap(new LinkedHashMap<>(b.istateAt));
        groups = List.copyOf(b.groups);
        internal = Collections.unmodifiableMap(new LinkedHashMap<>(b.internal));
        refstates = Collections.unmodifiableMap(new LinkedHashMap<>(b.refstates));
        inGraph = Collections.unmodifiableMap(new LinkedHashMap<>(b.inGraph));
        schedule = List.copyOf(b.schedule);
        sources = List.copyOf(b.sources);
    }

    /** The known global settings with their defaults, in the order {@code _run.txt} prints them. */
    public static Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("time_tick", 0.5);
        d.put("max_time", 1000.0);
        d.put("sample_count", 10000.0);
        d.put("discrete_time", 0.0);
        d.put("use_physrandgen", 0.0);
        d.put("use_glibcrandgen", 0.0);
        d.put("use_mtrandgen", 0.0);
        d.put("seed_pseudorandom", 0.0);
        d.put("display_traj", 0.0);
        d.put("statdist_traj_count", 0.0);
        d.put("statdist_cluster_threshold", 1.0);
        d.put("statdist_similarity_cache_max_size", 20000.0);
        d.put("thread_count", 1.0);
        d.put("init_pop", 1.0);
        d.put("pop_base", 1.0);
        return d;
    }

    /** Width of a time window, {@code time_tick}. */
    public double timeTick() {
        return globals.get("time_tick");
    }

    /** End time of every trajectory, {@code max_time}. */
    public double maxTime() {
        return globals.get("max_time");
    }

    /** Number of trajectories, {@code sample_count}. */
    public long sampleCount() {
        return globals.get("sample_count").longValue();
    }

    /** {@code discrete_time = 1}: every step lasts exactly one time tick. */
    public boolean discreteTime() {
        return globals.get("discrete_time") != 0;
    }

    /** The base seed, {@code seed_pseudorandom}. */
    public long seed() {
        return globals.get("seed_pseudorandom").longValue();
    }

    /** Worker threads, {@code thread_count}; results do not depend on it. */
    public int threadCount() {
        return globals.get("thread_count").intValue();
    }

    /** Trajectories whose stationary distribution is estimated, {@code statdist_traj_count}. */
    public int statdistTrajCount() {
        return globals.get("statdist_traj_count").intValue();
    }

    /** Similarity threshold for clustering stationary-distribution estimates. */
    public double statdistClusterThreshold() {
        return globals.get("statdist_cluster_threshold");
    }

    /** {@code display_traj = 1}: write every trajectory to {@code _traj.txt}. */
    public boolean displayTraj() {
        return globals.get("display_traj") != 0;
    }

    /** A global setting by name. */
    public double global(String name) {
        return globals.get(name);
    }

    /** All global settings, defaults included. */
    public Map<String, Double> globals() {
        return globals;
    }

    /** The {@code $} parameters with their values, in definition order. */
    public Map<String, Double> variables() {
        return variables;
    }

    /** Single-node initial states ({@code X.istate = v}); a negative value means random. */
    public Map<String, Expression> istates() {
        return istates;
    }

    /** Where each single-node istate was set. */
    public Map<String, SourceLocation> istateLocations() {
        return istateAt;
    }

    /** Joint initial distributions. */
    public List<IstateGroup> istateGroups() {
        return groups;
    }

    /** True when the node is internal (hidden from outputs). */
    public boolean isInternal(String node) {
        return internal.getOrDefault(node, false);
    }

    /** Explicit {@code is_internal} settings. */
    public Map<String, Boolean> internalSettings() {
        return internal;
    }

    /** Reference states: 0 or 1 for reference nodes; nodes absent or at -1 are not reference nodes. */
    public Map<String, Integer> refstates() {
        return refstates;
    }

    /** {@code in_graph} settings. */
    public Map<String, Boolean> inGraph() {
        return inGraph;
    }

    /** Scheduled redraws, in the order they were written. */
    public List<ScheduleEntry> schedule() {
        return schedule;
    }

    /** The files and snippets this configuration was read from, in order. */
    public List<String> sources() {
        return sources;
    }

    /** A builder holding a copy of this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.globals.putAll(globals);
        b.variables.putAll(variables);
        b.istates.putAll(istates);
        b.istateAt.putAll(istateAt);
        b.groups.addAll(groups);
        b.internal.putAll(internal);
        b.refstates.putAll(refstates);
        b.inGraph.putAll(inGraph);
        b.schedule.addAll(schedule);
        b.sources.addAll(sources);
        return b;
    }

    /** An empty configuration: all defaults. */
    public static RunConfig defaultConfig() {
        return new Builder().build();
    }

    /** Collects settings; later settings win, except that an istate may be set only once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Double> globals = defaults();
        private final Map<String, Double> variables = new LinkedHashMap<>();
        private final Map<String, Expression> istates = new LinkedHashMap<>();
        private final Map<String, SourceLocation> istateAt = new LinkedHashMap<>();
        /** Where time_tick or max_time was last set. */
        private SourceLocation windowsAt = SourceLocation.of("the configuration");
        private final List<IstateGroup> groups = new ArrayList<>();
        private final Map<String, Boolean> internal = new LinkedHashMap<>();
        private final Map<String, Integer> refstates = new LinkedHashMap<>();
        private final Map<String, Boolean> inGraph = new LinkedHashMap<>();
        private final List<ScheduleEntry> schedule = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        /** Sets a global; @throws ModelException for an unknown name or a bad value */
        public Builder global(String name, double value, SourceLocation at) {
            if (!globals.containsKey(name)) {
                throw new ModelException(at, "unknown setting '" + name + "' (known: " + String.join(", ", defaults().keySet()) + ")");
            }
            check(name, value, at);
            globals.put(name, value);
            if (name.equals("time_tick") || name.equals("max_time")) {
                windowsAt = at;
            }
            return this;
        }

        private static void check(String name, double v, SourceLocation at) {
            boolean ok = switch (name) {
                case "time_tick", "max_time" -> v > 0 && Double.isFinite(v);
                case "sample_count", "thread_count" -> v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE * 64.0;
                case "statdist_traj_count", "statdist_similarity_cache_max_size" -> v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE;
                case "seed_pseudorandom" -> v == Math.rint(v) && Double.isFinite(v);
                default -> Double.isFinite(v);
            };
            if (!ok) {
                throw new ModelException(at, "bad value " + v + " for " + name);
            }
        }

        /** Defines or redefines a {@code $} parameter. */
        public Builder variable(String name, double value) {
            variables.put(name, value);
            return this;
        }

        /** The parameters defined so far. */
        public Map<String, Double> variables() {
            return variables;
        }

        /** Sets a node's initial state; @throws ModelException if it was set before */
        public Builder istate(String node, Expression value, SourceLocation at) {
            SourceLocation old = istateAt.get(node);
            if (old != null) {
                throw new ModelException(at, "the istate of " + node + " is already set at " + old);
            }
            istates.put(node, value);
            istateAt.put(node, at);
            return this;
        }

        /**
         * Removes any initial-state setting of a node (used by knock-outs and knock-ins). A group
         * holding the node loses only that node's column: the other nodes keep their joint
         * distribution (its marginal over them).
         */
        public Builder clearIstate(String node) {
            istates.remove(node);
            istateAt.remove(node);
            List<IstateGroup> kept = new ArrayList<>(groups.size());
            for (IstateGroup g : groups) {
                int k = g.nodes().indexOf(node);
                if (k < 0) {
                    kept.add(g);
                } else if (g.nodes().size() > 1) {
                    List<String> nodes = new ArrayList<>(g.nodes());
                    nodes.remove(k);
                    List<GroupEntry> entries = new ArrayList<>(g.entries().size());
                    for (GroupEntry e : g.entries()) {
                        List<Expression> values = new ArrayList<>(e.values());
                        values.remove(k);
                        entries.add(new GroupEntry(e.weight(), values));
                    }
                    kept.add(new IstateGroup(nodes, entries, g.at()));
                }
            }
            groups.clear();
            groups.addAll(kept);
            return this;
        }

        /** Adds a joint initial distribution; @throws ModelException if one of its nodes already has an istate */
        public Builder istateGroup(IstateGroup g) {
            for (String n : g.nodes()) {
                SourceLocation old = istateAt.get(n);
                if (old != null) {
                    throw new ModelException(g.at(), "the istate of " + n + " is already set at " + old);
                }
                istateAt.put(n, g.at());
            }
            groups.add(g);
            return this;
        }

        /** Marks a node internal or not. */
        public Builder internal(String node, boolean value) {
            internal.put(node, value);
            return this;
        }

        /** Sets a reference state (0, 1, or -1 for none). */
        public Builder refstate(String node, int value) {
            refstates.put(node, value);
            return this;
        }

        /** Sets {@code in_graph}. */
        public Builder inGraph(String node, boolean value) {
            inGraph.put(node, value);
            return this;
        }

        /** Adds a scheduled redraw. */
        public Builder schedule(ScheduleEntry e) {
            schedule.add(e);
            return this;
        }

        /** Replaces the schedule of one node. */
        public Builder clearSchedule(String node) {
            schedule.removeIf(e -> e.node().equals(node));
            return this;
        }

        /** Records a source name for the run report. */
        public Builder source(String name) {
            sources.add(name);
            return this;
        }

        /** The immutable configuration. */
        public RunConfig build() {
            double w = globals.get("max_time") / globals.get("time_tick");
            if (!(w <= MAX_WINDOWS)) {
                throw new ModelException(windowsAt, String.format(Locale.ROOT, "max_time / time_tick = %.3g time windows; at most %d are allowed"
                    + " (raise time_tick or lower max_time)", w, MAX_WINDOWS));
            }
            return new RunConfig(this);
        }
    }
}
