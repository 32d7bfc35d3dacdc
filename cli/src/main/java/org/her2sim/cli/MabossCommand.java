// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.job.MabossJob;
import org.her2sim.engine.job.MabossJob.ConfigSource;
import org.her2sim.engine.job.MabossRunner;
import org.her2sim.engine.model.NetworkBuilder.Redeclaration;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Perturbation;

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
        String format = a.value("--format") == null ? "csv" : a.value("--format");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new Args.UsageException("unknown format '" + format + "' (known: csv, json)");
        }
        boolean check = a.has("--check");
        if (!check && a.value("--output") == null) {
            throw new Args.UsageException("an output prefix is required (-o PREFIX)");
        }
        List<ConfigSource> configs = new ArrayList<>();
        for (Args.Entry e : a.entries()) {
            if (e.key().equals("--config")) {
                configs.add(ConfigSource.file(e.value()));
            } else if (e.key().equals("--config-expr")) {
                configs.add(ConfigSource.expr(e.value()));
            }
        }
        List<Perturbation> perturbations = new ArrayList<>();
        a.values("--ko", true).forEach(n -> perturbations.add(Perturbation.knockOut(n)));
        a.values("--ki", true).forEach(n -> perturbations.add(Perturbation.knockIn(n)));
        Path model = Path.of(a.positionals().get(0));
        String cmd = "her2sim maboss " + String.join(" ", a.entries().stream()
            .map(e -> e.value() == null ? e.key() : e.key() + " " + e.value()).toList()) + " " + model;
        MabossJob.Output output = new MabossJob.Output(format.equals("json") ? MabossJob.Format.JSON : MabossJob.Format.CSV,
            a.has("--final"), false, 0, false, a.value("--plot") == null ? null : Path.of(a.value("--plot")),
            a.values("--plot-nodes", true).stream().map(String::strip).toList(), cmd);
        MabossJob job = new MabossJob(List.of(model), configs, a.values("--config-vars", true), a.value("--output"), output,
            Redeclaration.ERROR, a.longValue("--threads"), a.longValue("--seed"), perturbations, null, null);
        try {
            job.validate();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        if (check) {
            MabossRunner.Loaded l = MabossRunner.load(job);
            CompiledModel compiled = l.compile();
            out.printf("%s: %d nodes (%d outputs), %d parameters; configuration OK%n", model, l.network().size(),
                compiled.outputNodes().length, l.config().variables().size());
            return 0;
        }
        boolean quiet = a.has("--quiet");
        MabossRunner.Outcome o = runTimed(job, quiet, err);
        if (!quiet) {
            Summary.print(out, o.result(), o.written());
        }
        return 0;
    }

    /** Loads and runs a job, timing its phases (HER2SIM_TIMING) and showing progress unless {@code quiet}. */
    static MabossRunner.Outcome runTimed(MabossJob job, boolean quiet, PrintStream err) throws IOException {
        Timer timer = new Timer(err);
        List<MabossRunner.Loaded> loaded = MabossRunner.loadAll(job);
        timer.lap(Timer.PARSE);
        try (ProgressBar bar = ProgressBar.start(quiet, loaded.get(0).config().sampleCount(), err)) {
            return MabossRunner.run(job, loaded, bar::update, timer::lap);
        }
    }
}
