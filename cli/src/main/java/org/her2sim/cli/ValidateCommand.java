// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.Scorecard;
import org.her2sim.cohort.validate.ScorecardJson;
import org.her2sim.cohort.validate.ValidationData;
import org.her2sim.cohort.validate.ValidationReport;
import org.her2sim.cohort.validate.ValidationRow;
import org.her2sim.cohort.validate.Validator;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;

/** {@code her2sim validate}: the model against the published results of the validation data set. */
final class ValidateCommand implements Command {
    /** Exit code when {@code --quick} figures fall below the floors of the data. */
    static final int BELOW_FLOORS = 3;

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim validate [--quick] [--json] [-o DIR] [options]",
        "Run every row of the validation data set (validation/rows/*.yaml: published cell-line, clinical and mechanistic",
        "results, each with its DOI or PMID) through the model as predict and cohort run do, and print a scorecard: per row",
        "the model's value with its 95% interval next to the published one; per split (training, test) the direction",
        "concordance, the share of ratios within a factor of 1.5, the AUC separating sensitive from resistant lines, and the",
        "same for the baseline 'the more alterations, the less response'. --quick runs the rows marked quick with fewer",
        "samples and fails (exit 3) when a figure falls below validation/floors.yaml.",
        "Exit codes: 0 done, 2 bad input (nothing written), 3 below the floors (--quick).")
        .flag("--quick", "the quick subset, checked against the floors")
        .flag("--ensemble-cohorts", "cohort rows too under every parameter set of the ensemble (slow: the cohorts run once per set)")
        .flag("--no-ensemble", "intervals from sampling only (skip the runs under the model's parameter ensemble)")
        .flag("--check", "only read and check the data set: rows per group and split")
        .flag("--json", "print one JSON object (run, rows, summary) instead of the table")
        .option("--split", "NAME", "only rows of this split: training or test")
        .option("--seed", "N", "seed of every simulation and virtual cohort (default: the model's seed_pseudorandom)")
        .option("--samples", "N", "trajectories per cell simulation (default 1000; 400 with --quick)")
        .option("--cohort-size", "N", "virtual patients per cohort (default 1000; 200 with --quick)")
        .option("-o,--output", "DIR", "write scorecard.json, scorecard.html and scorecard.txt to DIR")
        .option("-t,--threads", "N", "threads (default 2; results do not depend on it)")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP)
        .flag("-q,--quiet", "no progress on standard error (none either when it is not a terminal)");

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "score the model against published results (cell lines, trials, mechanisms)";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        boolean quick = a.has("--quick");
        String split = a.value("--split");
        if (split != null && !split.equals(ValidationRow.TRAINING) && !split.equals(ValidationRow.TEST)) {
            throw new Args.UsageException("option '--split' is training or test, not '" + split + "'");
        }
        long samples = Her2Input.positive(a, "--samples", quick ? 400 : 1000);
        int size = (int) Math.min(100_000, Her2Input.positive(a, "--cohort-size", quick ? 200 : 1000));
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        Catalog catalog = Her2Input.catalog(a);
        ModelRef model = Her2Input.modelRef(a, catalog);
        ValidationData data = ValidationData.load(catalog);
        if (a.has("--check")) {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (ValidationRow r : data.rows()) {
                counts.merge(r.group() + " " + r.split(), 1, Integer::sum);
                counts.merge("quick " + r.split(), r.quick() ? 1 : 0, Integer::sum);
            }
            out.printf(Locale.ROOT, "%d rows%n", data.rows().size());
            counts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s %d%n", k, v));
            return 0;
        }
        Long seedArg = a.longValue("--seed");
        long seed = seedArg != null ? seedArg : catalog.config().seed();
        String output = a.value("--output");
        List<ValidationRow> rows = new ArrayList<>();
        for (ValidationRow r : data.rows(split)) {
            if (!quick || r.quick()) {
                rows.add(r);
            }
        }
        long t0 = System.nanoTime();
        Scorecard card;
        Progress progress = Progress.of(this, a, err);
        progress.stage(rows.size() + " rows" + (quick ? " (quick subset)" : "") + ", seed " + seed + ", " + samples + " trajectories per cell run, "
            + size + " patients per cohort");
        try (ProgressBar bar = progress.bar("rows", rows.size())) {
            card = Validator.run(model, rows, new Validator.Options(seed, samples, size, threads, !a.has("--no-ensemble"),
                a.has("--ensemble-cohorts")), (done, total, row) -> bar.add(1));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        ScorecardJson.ValidationRun run = new ScorecardJson.ValidationRun(model.describe(), model.sha256(), rows.size(), quick ? "quick" : "all",
            seed, samples, size, Math.round(secs * 10) / 10.0,
            a.has("--no-ensemble") || catalog.parameters().ensemble().isEmpty() ? "sampling only"
            : "parameter ensemble of " + catalog.parameters().ensemble().size() + " sets and sampling"
            + (a.has("--ensemble-cohorts") ? "" : " (cohort rows: sampling only)"));
        ValidationReport report = new ValidationReport(card, run);
        String text = report.text();
        String json = JsonTree.text(report.json());
        out.print(a.has("--json") ? json : text);
        if (output != null) {
            Path d = Path.of(output);
            try (AtomicOutputs outs = new AtomicOutputs()) {
                outs.write(d.resolve("scorecard.json"), w -> w.write(json));
                outs.write(d.resolve("scorecard.html"), w -> w.write(report.html()));
                outs.write(d.resolve("scorecard.txt"), w -> w.write(text));
                outs.commit();
            }
            err.println("wrote " + d.resolve("scorecard.json") + ", scorecard.html, scorecard.txt");
        }
        if (!quick) {
            return 0;
        }
        List<String> below = new ArrayList<>();
        data.floors().forEach((s, figures) -> figures.forEach((figure, floor) -> {
            double v = card.summary(s).get(figure);
            if (!Double.isNaN(v) && v < floor - 1e-9) {
                below.add(String.format(Locale.ROOT, "%s %s %.3f < floor %.3f", s, figure, v, floor));
            }
        }));
        for (String b : below) {
            err.println("her2sim: below the floor: " + b);
        }
        return below.isEmpty() ? 0 : BELOW_FLOORS;
    }
}
