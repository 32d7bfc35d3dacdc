// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.engine.output.JsonResultWriter;
import org.her2sim.engine.output.MabossCsvWriter;
import org.her2sim.engine.output.PlotWriter;
import org.her2sim.engine.output.RunReportWriter;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Perturbation;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.sim.Simulator;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.engine.stats.StatDist;

/** {@code her2sim maboss}: runs a MaBoSS model (BND or bnet with CFG files) and writes MaBoSS's output files. */
final class MabossCommand implements Command {

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim maboss [-c CFG]... [-e EXPR]... [-v VAR=NUM,...] -o PREFIX [options] MODEL",
        "Simulate a stochastic logical model written for MaBoSS (.bnd, or .bnet one-liners, with .cfg files).",
        "Writes PREFIX_probtraj.csv, PREFIX_fp.csv, PREFIX_statdist.csv (when statdist_traj_count > 0), PREFIX_run.txt",
        "and PREFIX_traj.txt (when display_traj = 1, every step of every trajectory: for small runs),",
        "or PREFIX_finalprob.csv with --final. Exit codes: 0 done, 2 bad input (nothing written).")
        .positional("MODEL", "the network: .bnd, or .bnet (targets, factors)")
        .option("-c,--config", "CFG", "configuration file; repeatable, applied in command-line order with -e")
        .option("-e,--config-expr", "EXPR", "configuration statements, e.g. 'max_time = 50; $k = 2'; repeatable")
        .option("-v,--config-vars", "VAR=NUM,...", "parameter values, applied after every -c and -e")
        .option("-o,--output", "PREFIX", "prefix of the output files")
        .flag("--final", "only final-state probabilities: write PREFIX_finalprob.csv")
        .option("--format", "csv|json", "output format (default csv)")
        .option("--plot", "FILE.png|FILE.svg", "also draw node probabilities over time")
        .option("--plot-nodes", "NODE,...", "nodes to draw (default: the most active outputs)")
        .option("--ko", "NODE", "knock-out: NODE fixed at 0; repeatable")
        .option("--ki", "NODE", "knock-in: NODE fixed at 1; repeatable")
        .option("-t,--threads", "N", "worker threads (overrides thread_count; results do not depend on it)")
        .option("--seed", "N", "seed (overrides seed_pseudorandom)")
        .flag("--check", "read and check the model and configuration, then stop")
        .flag("-q,--quiet", "no summary and no progress bar");

    @Override
    public String name() {
        return "maboss";
    }

    @Override
    public String summary() {
        return "simulate a MaBoSS model (.bnd/.bnet + .cfg) and write MaBoSS's output files";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        if (a.positionals().size() != 1) {
            throw new Args.UsageException(a.positionals().isEmpty() ? "missing MODEL" : "one MODEL expected, got " + a.positionals());
        }
        Path model = Path.of(a.positionals().get(0));
        String format = a.value("--format") == null ? "csv" : a.value("--format");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new Args.UsageException("unknown format '" + format + "' (known: csv, json)");
        }
        boolean check = a.has("--check");
        boolean quiet = a.has("--quiet");
        boolean finalOnly = a.has("--final");
        String prefix = a.value("--output");
        if (!check && prefix == null) {
            throw new Args.UsageException("an output prefix is required (-o PREFIX)");
        }
        Path plot = a.value("--plot") == null ? null : Path.of(a.value("--plot"));
        if (plot != null) {
            try {
                PlotWriter.checkExtension(plot);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }
        Long threads = a.longValue("--threads");
        Long seed = a.longValue("--seed");

        Timer timer = new Timer(err);
        Network network = BndParser.read(model);
        for (String n : a.values("--plot-nodes", true)) {
            if (network.indexOf(n.strip()) < 0) {
                throw new ModelException(SourceLocation.of("--plot-nodes"), "no node '" + n.strip() + "' in " + model);
            }
        }
        timer.lap("read model");
        RunConfig.Builder cb = new RunConfig.Builder();
        int exprs = 0;
        for (Args.Entry e : a.entries()) {
            if (e.key().equals("--config")) {
                CfgParser.apply(Path.of(e.value()), network, cb);
            } else if (e.key().equals("--config-expr")) {
                // like MaBoSS, a snippet's last statement needs no ';'
                String text = e.value().strip();
                CfgParser.apply("-e #" + ++exprs, text.endsWith(";") ? text : text + ";", network, cb);
            }
        }
        for (String part : a.values("--config-vars", true)) {
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
        if (threads != null) {
            cb.global("thread_count", threads, SourceLocation.of("--threads"));
        }
        if (seed != null) {
            cb.global("seed_pseudorandom", seed, SourceLocation.of("--seed"));
        }
        List<Perturbation> perturbations = new ArrayList<>();
        a.values("--ko", true).forEach(n -> perturbations.add(Perturbation.knockOut(n)));
        a.values("--ki", true).forEach(n -> perturbations.add(Perturbation.knockIn(n)));
        if (!perturbations.isEmpty()) {
            network = Perturbation.apply(network, cb, perturbations, "--ko/--ki");
        }
        RunConfig config = cb.build();
        timer.lap("read configuration");
        CompiledModel compiled = CompiledModel.compile(network, config);
        timer.lap("compile");
        if (check) {
            out.printf("%s: %d nodes (%d outputs), %d parameters; configuration OK%n", model, network.size(),
                compiled.outputNodes().length, config.variables().size());
            return 0;
        }
        Instant start = Instant.now();
        SimulationResult result;
        try (ProgressBar bar = ProgressBar.start(quiet, compiled.sampleCount(), err)) {
            result = Simulator.run(compiled, new Simulator.Options(Math.max(1, config.threadCount()), finalOnly, bar::update));
        }
        Instant end = Instant.now();
        timer.lap("simulate");
        if (!finalOnly) {
            result.probTraj();
            timer.lap("window statistics");
        }
        String cmd = "her2sim maboss " + String.join(" ", a.entries().stream()
            .map(e -> e.value() == null ? e.key() : e.key() + " " + e.value()).toList()) + " " + model;
        List<String> written = write(result, prefix, format.equals("json"), finalOnly, plot, a.values("--plot-nodes", true),
            model, start, end, cmd);
        timer.lap("write outputs");
        if (!quiet) {
            Summary.print(out, result, written);
        }
        return 0;
    }

    private static List<String> write(SimulationResult r, String prefix, boolean json, boolean finalOnly, Path plot,
                                      List<String> plotNodes, Path model, Instant start, Instant end, String cmd) throws IOException {
        String ext = json ? ".json" : ".csv";
        List<String> written = new ArrayList<>();
        try (AtomicOutputs outs = new AtomicOutputs()) {
            if (finalOnly) {
                text(outs, written, Path.of(prefix + "_finalprob" + ext),
                    json ? w -> JsonResultWriter.finalProb(w, r) : w -> MabossCsvWriter.finalProb(w, r));
            } else {
                ProbTraj pt = r.probTraj();
                Path p = Path.of(prefix + "_probtraj" + ext);
                if (json) {
                    outs.write(p, w -> JsonResultWriter.probTraj(w, pt));
                } else {
                    outs.writeBinary(p, os -> MabossCsvWriter.probTraj(os, pt));
                }
                written.add(p.toString());
                text(outs, written, Path.of(prefix + "_fp" + ext),
                    json ? w -> JsonResultWriter.fixedPoints(w, r) : w -> MabossCsvWriter.fixedPoints(w, r));
                StatDist sd = r.statDist();
                if (sd != null) {
                    text(outs, written, Path.of(prefix + "_statdist" + ext),
                        json ? w -> JsonResultWriter.statDist(w, sd) : w -> MabossCsvWriter.statDist(w, sd));
                }
                text(outs, written, Path.of(prefix + "_run.txt"), w -> RunReportWriter.write(w, r, start, end, cmd));
                if (r.trajectories() != null) {
                    text(outs, written, Path.of(prefix + "_traj.txt"), w -> {
                        for (String t : r.trajectories()) {
                            w.append(t);
                        }
                    });
                }
                if (plot != null) {
                    String title = model.getFileName() + ": node probabilities";
                    if (PlotWriter.isSvg(plot)) {
                        outs.write(plot, w -> PlotWriter.svg(w, pt, plotNodes, title));
                    } else {
                        outs.writeBinary(plot, os -> PlotWriter.png(os, pt, plotNodes, title));
                    }
                    written.add(plot.toString());
                }
            }
            outs.commit();
        }
        return written;
    }

    private static void text(AtomicOutputs outs, List<String> written, Path p, AtomicOutputs.Content content) throws IOException {
        outs.write(p, content);
        written.add(p.toString());
    }
}
