// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.job.MabossJob.ConfigSource;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Perturbation;
import org.her2sim.engine.sim.SeedTree;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.sim.Simulator;

/**
 * Runs a {@link MabossJob}: reads and configures the model(s), simulates, and writes MaBoSS's
 * files through {@link MabossOutputs} (all or nothing). Stateless.
 */
public final class MabossRunner {
    private MabossRunner() {
    }

    /** A model read and configured, ready to compile. */
    public record Loaded(Network network, RunConfig config) {
        /** Compiles it. */
        public CompiledModel compile() {
            return CompiledModel.compile(network, config);
        }
    }

    /**
     * What a run produced.
     *
     * @param result every trajectory's statistics (an ensemble's merged ones)
     * @param models an ensemble's per-model results (empty for one model)
     * @param written the files written, in order
     */
    public record Outcome(SimulationResult result, List<SimulationResult> models, List<String> written, Instant start, Instant end) { }

    /** Reads and configures the first (or only) model. */
    public static Loaded load(MabossJob job) throws IOException {
        return loadAll(job).get(0);
    }

    /**
     * Reads and configures every model: each {@code -c}/{@code -e} in order (for
     * {@code --ensemble-istates}, model K's node settings and parameters from the K-th only, the
     * global settings from all, and model 0's internal nodes everywhere, as MaBoSS does), then
     * {@code -v} values, thread and seed overrides, knock-outs and knock-ins.
     */
    public static List<Loaded> loadAll(MabossJob job) throws IOException {
        job.validate();
        List<Loaded> out = new ArrayList<>();
        RunConfig globals = null;
        for (int k = 0; k < job.models().size(); k++) {
            Path file = job.models().get(k);
            Network network = job.reader().read(file, job.redeclaration());
            RunConfig.Builder cb = new RunConfig.Builder();
            boolean own = job.isEnsemble() && job.ensemble().ownConfigs();
            if (own) {
                apply(List.of(job.configs().get(k)), network, cb, k);
                if (globals == null) {
                    globals = globals(job.configs(), network);
                }
                for (Map.Entry<String, Double> g : globals.globals().entrySet()) {
                    cb.global(g.getKey(), g.getValue(), SourceLocation.of("--ensemble-istates"));
                }
                if (k > 0) {
                    RunConfig first = out.get(0).config();
                    for (var node : network.nodes()) {
                        cb.internal(node.name(), first.isInternal(node.name()));
                    }
                }
            } else {
                apply(job.configs(), network, cb, 0);
            }
            variables(job.variables(), cb);
            if (job.threads() != null) {
                cb.global("thread_count", job.threads(), SourceLocation.of("--threads"));
            }
            if (job.seed() != null) {
                cb.global("seed_pseudorandom", job.seed(), SourceLocation.of("--seed"));
            }
            if (job.isEnsemble()) {
                // as MaBoSS: an ensemble writes no trajectories
                cb.global("display_traj", 0, SourceLocation.of("--ensemble"));
            }
            if (!job.perturbations().isEmpty()) {
                network = Perturbation.apply(network, cb, job.perturbations(), "--ko/--ki");
            }
            if (k > 0 && !network.nodes().stream().map(n -> n.name()).toList()
                .equals(out.get(0).network().nodes().stream().map(n -> n.name()).toList())) {
                throw new ModelException(SourceLocation.of(file.toString()),
                    "an ensemble's models must declare the same nodes in the same order as " + job.models().get(0));
            }
            out.add(new Loaded(network, cb.build()));
        }
        return out;
    }

    /** The global settings of every config in turn (a setting left at its default does not override an earlier one). */
    private static RunConfig globals(List<ConfigSource> configs, Network network) throws IOException {
        RunConfig.Builder all = new RunConfig.Builder();
        Map<String, Double> defaults = RunConfig.defaults();
        for (int j = 0; j < configs.size(); j++) {
            RunConfig.Builder one = new RunConfig.Builder();
            apply(List.of(configs.get(j)), network, one, j);
            for (Map.Entry<String, Double> g : one.build().globals().entrySet()) {
                if (!g.getValue().equals(defaults.get(g.getKey()))) {
                    all.global(g.getKey(), g.getValue(), SourceLocation.of("--ensemble-istates"));
                }
            }
        }
        return all.build();
    }

    private static void apply(List<ConfigSource> configs, Network network, RunConfig.Builder cb, int firstIndex) throws IOException {
        int exprs = firstIndex;
        for (ConfigSource c : configs) {
            if (c.snippet()) {
                // like MaBoSS, a snippet's last statement needs no ';'
                String text = c.text().strip();
                CfgParser.apply("-e #" + ++exprs, text.endsWith(";") ? text : text + ";", network, cb);
            } else {
                CfgParser.apply(Path.of(c.text()), network, cb);
            }
        }
    }

    private static void variables(List<String> items, RunConfig.Builder cb) {
        for (String part : items) {
            String[] kv = part.split("=", 2);
            String name = kv[0].strip().replaceFirst("^\\$", "");
            if (kv.length != 2 || name.isEmpty()) {
                throw new ModelException(SourceLocation.of("-v " + part), "expected VAR=NUM");
            }
            try {
                cb.variable(name, Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException ex) {
                throw new ModelException(SourceLocation.of("-v " + part), "'" + kv[1].strip() + "' is not a number");
            }
        }
    }

    /**
     * Runs the job and writes its files.
     *
     * @param progress told the number of finished trajectories now and then; may be null
     * @throws ModelException on bad input (nothing is written)
     */
    public static Outcome run(MabossJob job, LongConsumer progress) throws IOException {
        return run(job, loadAll(job), progress);
    }

    /**
     * Told when each phase of {@link #run(MabossJob, List, LongConsumer, Phases)} ends, in order:
     * {@link #COMPILE}, {@link #SIMULATE}, {@link #STATISTICS} (not with {@code --final}),
     * {@link #WRITE}. The CLI's {@code HER2SIM_TIMING} prints the time between calls.
     */
    @FunctionalInterface
    public interface Phases {
        /** Phase {@code name} has just ended. */
        void ended(String name);
    }

    /** Phase names, as {@code HER2SIM_TIMING} prints them. */
    public static final String COMPILE = "compile";
    public static final String SIMULATE = "simulate";
    public static final String STATISTICS = "window statistics";
    public static final String WRITE = "write outputs";

    /** Runs the job on models already read by {@link #loadAll}. */
    public static Outcome run(MabossJob job, List<Loaded> loaded, LongConsumer progress) throws IOException {
        return run(job, loaded, progress, name -> { });
    }

    /** Runs the job on models already read by {@link #loadAll}, telling {@code phases} as each phase ends. */
    public static Outcome run(MabossJob job, List<Loaded> loaded, LongConsumer progress, Phases phases) throws IOException {
        if (job.prefix() == null) {
            throw new IllegalArgumentException("an output prefix is required (-o PREFIX)");
        }
        List<CompiledModel> compiled = new ArrayList<>();
        for (Loaded l : loaded) {
            compiled.add(l.compile());
        }
        CompiledModel first = compiled.get(0);
        for (String n : job.output().plotNodes()) {
            if (first.network().indexOf(n) < 0) {
                throw new ModelException(SourceLocation.of("--plot-nodes"), "no node '" + n + "' in " + job.models().get(0));
            }
        }
        phases.ended(COMPILE);
        int threads = Math.max(1, first.config().threadCount());
        Instant start = Instant.now();
        SimulationResult result;
        List<SimulationResult> each = List.of();
        if (job.isEnsemble()) {
            long[] counts = split(first.sampleCount(), compiled.size(), job.ensemble().randomSampling(), first.seed());
            Simulator.EnsembleResult er = Simulator.runEnsemble(compiled, counts, new Simulator.Options(threads, false, progress));
            result = er.merged();
            each = er.models();
        } else {
            result = Simulator.run(first, new Simulator.Options(threads, job.output().finalOnly(), progress));
        }
        Instant end = Instant.now();
        phases.ended(SIMULATE);
        if (!job.output().finalOnly() || job.isEnsemble()) {
            // window statistics are built on first use; built here, so the phases are timed apart
            result.probTraj();
            for (SimulationResult m : job.isEnsemble() && job.ensemble().saveIndividual() ? each : List.<SimulationResult>of()) {
                m.probTraj();
            }
            phases.ended(STATISTICS);
        }
        List<String> written = MabossOutputs.write(job, result, each, start, end);
        phases.ended(WRITE);
        return new Outcome(result, each, written, start, end);
    }

    /**
     * How many trajectories each of {@code models} runs: evenly, the first taking the remainder,
     * or ({@code random}) each trajectory's model drawn uniformly from a stream of the seed.
     */
    static long[] split(long samples, int models, boolean random, long seed) {
        long[] counts = new long[models];
        if (random) {
            RandomGenerator g = SeedTree.trajectory(seed, -1);
            for (long i = 0; i < samples; i++) {
                counts[g.nextInt(models)]++;
            }
        } else {
            for (int k = 0; k < models; k++) {
                counts[k] = samples / models + (k == 0 ? samples % models : 0);
            }
        }
        return counts;
    }
}
