// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.screen.Screen;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;

/** {@code her2sim screen}: every therapy and combination on every profile, with Bliss and HSA synergy. */
final class ScreenCommand implements Command {
    private static final int MAX_THERAPIES = 30;

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim screen (--profiles FILE,FILE...|--cohort FILE) --therapies A,B,C,... [--pairs|--triples] [-o DIR] [options]",
        "Score every single therapy and every pair (--triples: and triple) on every distinct profile, with synergy: Bliss",
        "excess (observed minus E_A + E_B - E_A*E_B on the response score) and highest-single-agent excess (observed minus",
        "the best single), each with its standard error; combinations ranked by mean Bliss excess (cohort: weighted by",
        "patients). Writes screen.csv, ranking.csv, screen.json and heatmap.svg to DIR; prints the top of the ranking.",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--profiles", "FILE,...", "profile YAML files or bundled profile names; repeatable or comma-separated")
        .option("--cohort", "FILE", "a cohort file: its distinct profiles, weighted by patients")
        .option("--therapies", "A,B,...", "the therapies to combine (at least 2); repeatable or comma-separated")
        .flag("--pairs", "singles and pairs (the default)")
        .flag("--triples", "singles, pairs and triples")
        .option("--seed", "N", "seed of every simulation (default: the model's seed_pseudorandom)")
        .option("--samples", "N", "trajectories per simulation (default: response.yaml's sample_count)")
        .option("--top", "N", "rows of the ranking to print (default 15)")
        .option("-o,--output", "DIR", "write the tables and the heatmap to DIR")
        .option("-t,--threads", "N", "worker threads (default 2; results do not depend on it)")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "screen";
    }

    @Override
    public String summary() {
        return "screen therapy combinations on profiles: Bliss and HSA synergy, ranked, with a heatmap";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        List<String> profiles = a.values("--profiles", true);
        String cohort = a.value("--cohort");
        if (profiles.isEmpty() == (cohort == null)) {
            throw new Args.UsageException("give either --profiles or --cohort");
        }
        if (a.has("--pairs") && a.has("--triples")) {
            throw new Args.UsageException("--pairs and --triples exclude each other");
        }
        List<String> words = a.values("--therapies", true);
        long samples = Her2Input.positive(a, "--samples", 0);
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        int top = (int) Her2Input.positive(a, "--top", 15);
        Catalog catalog = Her2Input.catalog(a);
        List<String> ids = new ArrayList<>();
        for (String w : words) {
            String id = catalog.requireTherapy(w, SourceLocation.of("--therapies")).id();
            if (ids.contains(id)) {
                throw new Args.UsageException("--therapies: '" + w + "' is given twice (as " + id + ")");
            }
            ids.add(id);
        }
        if (ids.size() < 2 || ids.size() > MAX_THERAPIES) {
            throw new Args.UsageException("--therapies needs 2 to " + MAX_THERAPIES + " therapies, not " + ids.size());
        }
        Long seedArg = a.longValue("--seed");
        long seed = seedArg != null ? seedArg : catalog.config().seed();
        String dir = a.value("--output");
        ModelRef model = Her2Input.modelRef(a, catalog);
        Screen.Request req = new Screen.Request(profiles, cohort == null ? null : Path.of(cohort), ids, a.has("--triples") ? 3 : 2, seed, samples,
            dir == null ? null : Path.of(dir), 1, CommandLine.of(name(), a));
        long t0 = System.nanoTime();
        Screen.Outcome o;
        try (WorkProgressBar bar = WorkProgressBar.start("profiles", err)) {
            o = Screen.run(model, req, new LocalExecutor(threads), bar);
        }
        out.printf(Locale.ROOT, "screen of %d therapies on %d distinct profile%s; seed %d%n", ids.size(), o.distinct(), o.distinct() == 1 ? "" : "s",
            seed);
        out.print(o.report().text(top));
        out.printf(Locale.ROOT, "%.1f s on %d thread%s%n", (System.nanoTime() - t0) / 1e9, threads, threads == 1 ? "" : "s");
        for (Path p : o.files()) {
            out.println("wrote " + p);
        }
        return 0;
    }
}
