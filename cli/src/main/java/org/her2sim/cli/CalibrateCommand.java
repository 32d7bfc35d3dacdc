// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.calibrate.Calibration;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.ValidationData;
import org.her2sim.cohort.validate.ValidationRow;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;

/** {@code her2sim calibrate}: fits the model's free rate constants to the training rows of the validation data. */
final class CalibrateCommand implements Command {
    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim calibrate -o FILE [options]",
        "Fit every free rate constant of network/parameters.yaml to the training rows of the validation data set (test rows",
        "are never read) with CMA-ES, in stages of growing sample size, one seed for every evaluation. Writes the fit as",
        "network/fitted.yaml (values, ensemble ranges, which parameters the data leave unconstrained, provenance); copy it",
        "into the model (her2/src/main/resources/her2/network/ or a --catalog DIR) to use it. With --tumour: fit the free",
        "constants of tumour.yaml (its free: section) to the training rows that run virtual cohorts instead, and write",
        "tumour_fitted.yaml (beside tumour.yaml); cell-model results are computed once and reused, only the tumours run again.",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("-o,--output", "FILE", "where to write the fit (a fitted.yaml)")
        .flag("--tumour", "fit tumour.yaml's free constants to the training rows with virtual cohorts (writes a tumour_fitted.yaml)")
        .option("--evaluations", "N", "objective evaluations per stage (default 120; 40 with --tumour)")
        .option("--samples", "N,N,...", "trajectories per cell simulation, one number per stage (default 150,400)")
        .option("--groups", "G,G", "row groups to fit to (default cell_line,mechanistic; clinical rows run virtual cohorts and are slow)")
        .option("--cohort-size", "N", "virtual patients per cohort, when clinical rows are fitted (default 200)")
        .option("--tolerance", "X", "loss band of the ensemble and of 'constrained' (default 2)")
        .option("--seed", "N", "seed of every simulation and of CMA-ES (default: the model's seed_pseudorandom)")
        .option("-t,--threads", "N", "engine threads (default 2; results do not depend on it)")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String summary() {
        return "fit the model's free rate constants to the validation data's training rows";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        String output = a.required("--output", "an output file is required (-o FILE)");
        boolean tumour = a.has("--tumour");
        int evaluations = (int) Math.min(100_000, Her2Input.positive(a, "--evaluations", tumour ? 40 : 120));
        long[] samples = numbers(a.value("--samples"), tumour ? new long[] {400} : new long[] {150, 400});
        List<String> groups = a.value("--groups") != null ? List.of(a.value("--groups").split(","))
            : tumour ? List.of("clinical") : List.of("cell_line", "mechanistic");
        for (String g : groups) {
            if (!List.of("cell_line", "clinical", "mechanistic").contains(g)) {
                throw new Args.UsageException("option '--groups': cell_line, clinical or mechanistic, not '" + g + "'");
            }
        }
        int size = (int) Math.min(100_000, Her2Input.positive(a, "--cohort-size", 200));
        double tolerance = a.value("--tolerance") == null ? 2 : Double.parseDouble(a.value("--tolerance"));
        if (!(tolerance > 0)) {
            throw new Args.UsageException("option '--tolerance' must be positive");
        }
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        Catalog catalog = Her2Input.catalog(a);
        ModelRef model = Her2Input.modelRef(a, catalog);
        ValidationData data = ValidationData.load(catalog);
        List<ValidationRow> rows = new ArrayList<>();
        for (ValidationRow r : data.rows(ValidationRow.TRAINING)) {
            boolean cohortRow = r.scenario() instanceof ValidationRow.CohortArm || r.reference() instanceof ValidationRow.CohortArm;
            if (groups.contains(r.group()) && (!tumour || cohortRow)) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new Args.UsageException("no training rows in groups " + groups + (tumour ? " with virtual cohorts" : ""));
        }
        Long seedArg = a.longValue("--seed");
        long seed = seedArg != null ? seedArg : catalog.config().seed();
        Calibration.Options o = new Calibration.Options(seed, samples, evaluations, size, threads, tolerance, 8);
        Calibration.Space space = tumour ? Calibration.Space.tumour(catalog) : Calibration.Space.network(catalog);
        err.printf(Locale.ROOT, "fitting %d %s to %d training rows (%s), %d evaluations per stage, samples %s%n",
            space.free().size(), space.name(), rows.size(), String.join(", ", groups), evaluations, Arrays.toString(samples));
        Calibration.Result r;
        try (ProgressBar bar = ProgressBar.of("evaluations", (long) evaluations * samples.length, err)) {
            boolean log = System.console() == null;
            r = new Calibration(model, rows, o, space).run((stage, n, loss, best) -> {
                bar.add(1);
                if (log && n % 10 == 0) {
                    err.printf(Locale.ROOT, "evaluation %d (stage %d): loss %.3f, best of stage %.3f%n", n, stage, loss, best);
                }
            });
        }
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("date", LocalDate.now().toString());
        prov.put("data_sha256", data.sha256(catalog));
        prov.put("model_sha256", model.sha256());
        prov.put("rows", rows.size() + " training rows of groups " + String.join(", ", groups));
        prov.put("objective", "sum of row losses (Scorecard.loss), start " + round(r.startLoss()) + ", fitted " + round(r.loss()));
        prov.put("optimiser", "CMA-ES (Hipparchus 4.0.2), " + r.evaluations() + " evaluations, samples " + Arrays.toString(samples)
            + ", tolerance " + tolerance);
        prov.put("seed", String.valueOf(seed));
        prov.put("seconds", round(r.seconds()));
        String text = Calibration.yaml(r, prov, space.name());
        try (AtomicOutputs outs = new AtomicOutputs()) {
            outs.write(Path.of(output), w -> w.write(text));
            outs.commit();
        }
        out.printf(Locale.ROOT, "loss %s -> %s on %d training rows; %d evaluations, %.0f s%n", round(r.startLoss()), round(r.loss()), rows.size(),
            r.evaluations(), r.seconds());
        out.printf(Locale.ROOT, "%-22s %10s %10s %22s %s%n", "parameter", "start", "fitted", "interval", "");
        for (Map.Entry<String, Parameters.Fitted> e : r.fitted().entrySet()) {
            Parameters.Fitted f = e.getValue();
            out.printf(Locale.ROOT, "%-22s %10.4g %10.4g %10.4g - %-10.4g %s%n", e.getKey(), r.start().get(e.getKey()), f.value(), f.lower(), f.upper(),
                f.constrained() ? "" : "unconstrained by the data (kept; interval = prior)");
        }
        out.println("wrote " + output);
        return 0;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static long[] numbers(String text, long[] fallback) {
        if (text == null) {
            return fallback;
        }
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new Args.UsageException("option '--samples': whole numbers separated by commas, not '" + text + "'");
            }
            if (out[i] < 10 || out[i] > 1_000_000) {
                throw new Args.UsageException("option '--samples': each between 10 and 1000000, not " + out[i]);
            }
        }
        return out;
    }
}
