// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.EnsembleRun;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.RegimenWords;

/** {@code her2sim cohort run}: a virtual cohort's response to therapies, or its tumours under a regimen. */
final class CohortRunCommand implements Command {
    private static final int MAX_REGIMEN = 5;

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim cohort run --cohort FILE (--therapy NAME... | --regimen NAME...) [-o DIR] [options]",
        "Run every patient of a cohort file ('her2sim cohort sample'). Patients with the same active mechanisms and context",
        "share one profile, simulated once. --therapy: the cell model's response per profile (as 'predict'); response rates",
        "with Wilson 95% intervals, by subgroup, and the mechanisms behind non-response. --regimen: a virtual tumour per",
        "patient (as 'treat', own seed from the run seed and the patient id); a dosing regimen of pk/regimens.yaml (e.g.",
        "trastuzumab_q3w) acts through the patient's own PK (the cohort's weight, serum ECD, metastatic sites and PK scores),",
        "a therapy name acts continuously; objective response and Kaplan-Meier time to progression, by subgroup. With -o, finished profiles are kept in DIR/.work and a restarted",
        "run with the same inputs resumes from them. Results do not depend on --threads.",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--cohort", "FILE", "the cohort file")
        .option("--therapy", "NAME", "a therapy of the regimen whose response is predicted; repeatable or comma-separated")
        .option("--regimen", "NAME", "a dosing regimen (e.g. trastuzumab_q3w, docetaxel_q3w) or a therapy given continuously to each"
            + " virtual tumour; repeatable or comma-separated (at most " + MAX_REGIMEN + ")")
        .option("--seed", "N", "seed of every simulation (default: the model's seed_pseudorandom)")
        .option("--samples", "N", "trajectories per cell-model simulation (--therapy; default: response.yaml's sample_count)")
        .option("--months", "N", "follow-up of each tumour with --regimen (default 24; progression-free patients are censored then)")
        .flag("--ensemble", "also run the cohort under each parameter set of the model's fit (network/fitted.yaml): response rates"
            + " with a model interval (ensemble.json), besides the sampling intervals")
        .flag("--rescues", "with --therapy: try every add-on therapy on non-responding profiles and report the best (slower)")
        .option("-o,--output", "DIR", "write patients.csv, subgroups.csv, summary.json (and profiles.csv or km.csv) to DIR")
        .option("-t,--threads", "N", "worker threads (default 2; results do not depend on it)")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "cohort run";
    }

    @Override
    public String summary() {
        return "run a cohort: response rates, subgroups, non-response mechanisms, time to progression";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        String cohort = a.required("--cohort", "a cohort file is required (--cohort FILE)");
        List<String> therapies = a.values("--therapy", true);
        List<String> regimen = a.values("--regimen", true);
        if (therapies.isEmpty() == regimen.isEmpty()) {
            throw new Args.UsageException("give either --therapy or --regimen (at least one therapy)");
        }
        boolean tumour = !regimen.isEmpty();
        if (tumour && (a.has("--samples") || a.has("--rescues"))) {
            throw new Args.UsageException("--samples and --rescues go with --therapy (tumour runs use tumour.yaml's samples)");
        }
        if (!tumour && a.has("--months")) {
            throw new Args.UsageException("--months goes with --regimen");
        }
        if (regimen.size() > MAX_REGIMEN) {
            throw new Args.UsageException("at most " + MAX_REGIMEN + " therapies in a --regimen, not " + regimen.size());
        }
        long samples = Her2Input.positive(a, "--samples", 0);
        long months = Her2Input.positive(a, "--months", 24);
        if (months > 120) {
            throw new Args.UsageException("option '--months' must be at most 120, not " + months);
        }
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        Catalog catalog = Her2Input.catalog(a);
        ModelRef model = Her2Input.modelRef(a, catalog);
        RegimenWords words = RegimenWords.resolve(catalog, tumour ? model.pk() : null, tumour ? regimen : therapies,
            tumour ? "--regimen" : "--therapy");
        List<String> ids = words.therapies();
        List<String> dosing = words.dosing();
        Long seedArg = a.longValue("--seed");
        long seed = seedArg != null ? seedArg : catalog.config().seed();
        String dir = a.value("--output");
        CohortRun.Request req = new CohortRun.Request(Path.of(cohort), tumour ? CohortRun.Mode.REGIMEN : CohortRun.Mode.THERAPY, ids, dosing,
            seed, samples, months, a.has("--rescues"), dir == null ? null : Path.of(dir), tumour ? threads : 1, CommandLine.of(name(), a));
        long t0 = System.nanoTime();
        CohortRun.Outcome o;
        try (WorkProgressBar bar = WorkProgressBar.start("profiles", err)) {
            o = CohortRun.run(model, req, new LocalExecutor(threads), bar);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%s of %s: %s%s; seed %d%n", tumour ? "regimen" : "therapy", cohort, String.join(" + ", ids),
            dosing.isEmpty() ? "" : " (dosed: " + String.join(", ", dosing) + ")", seed);
        out.print(o.text());
        out.printf(Locale.ROOT, "%n%d distinct profiles: %d computed, %d read back from %s; %.1f s on %d thread%s%n", o.distinct(), o.computed(),
            o.reused(), dir == null ? "(no output directory)" : Path.of(dir).resolve(".work"), secs, threads, threads == 1 ? "" : "s");
        for (Path p : o.files()) {
            out.println("wrote " + p);
        }
        if (a.has("--ensemble")) {
            EnsembleRun.Ensemble e = EnsembleRun.run(model, req, new LocalExecutor(threads));
            if (e.isEmpty()) {
                out.println("the model has no parameter ensemble (no network/fitted.yaml): sampling intervals only");
            } else {
                out.print(e.text());
                if (dir != null) {
                    Path f = Path.of(dir).resolve("ensemble.json");
                    try (org.her2sim.engine.output.AtomicOutputs outs = new org.her2sim.engine.output.AtomicOutputs()) {
                        outs.write(f, w -> w.write(e.json()));
                        outs.commit();
                    }
                    out.println("wrote " + f);
                }
            }
        }
        return 0;
    }
}
