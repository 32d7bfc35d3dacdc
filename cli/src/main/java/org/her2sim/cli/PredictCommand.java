// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.List;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.HtmlReport;
import org.her2sim.her2.report.JsonText;
import org.her2sim.her2.report.PredictionText;
import org.her2sim.her2.report.Provenance;
import org.her2sim.her2.service.PredictRequest;
import org.her2sim.her2.service.PredictService;
import org.her2sim.her2.service.RequestException;

/** {@code her2sim predict}: a profile's response to a regimen, with mechanism contributions and rescues. */
final class PredictCommand implements Command {

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim predict --profile FILE|NAME --therapy NAME [--therapy NAME]... [options]",
        "Predict how a tumour profile responds to a regimen: phenotypes untreated and treated, the response score and class,",
        "each active mechanism's contribution (a Shapley share of the total effect) and the add-on therapies that help most.",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--profile", "FILE|NAME", "the profile: a YAML file, or the name of a bundled profile")
        .option("--therapy", "NAME", "a therapy (id, name or alias); repeatable")
        .option("--seed", "N", "seed of every simulation (default: the model's seed_pseudorandom)")
        .option("--samples", "N", "trajectories per simulation, at least 2 (default: response.yaml's sample_count)")
        .option("-t,--threads", "N", "engine threads (default 2; results do not depend on it)")
        .flag("--json", "print JSON instead of the table")
        .flag("--lenient", "ignore unknown genes, kinds, mechanisms and context entries, with warnings")
        .flag("--no-rescues", "do not try add-on therapies")
        .flag("--include-preclinical", "also try add-ons with preclinical evidence only (default: approved and trial-stage drugs)")
        .flag("--all-rescues", "list every add-on tried, not only those whose gain exceeds its standard error")
        .option("-o,--output", "FILE", "write the table (or JSON) to FILE instead of printing it")
        .option("--html", "FILE.html", "also write a self-contained HTML report (profile, charts, mechanisms, rescues, provenance)")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP)
        .flag("-q,--quiet", "no progress on standard error (none either when it is not a terminal)");

    /** Counts a prediction's simulations on a progress bar. */
    private static final class Counter implements Predictor.Listener, AutoCloseable {
        private final Progress progress;
        private ProgressBar bar;

        Counter(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void start(int total) {
            progress.stage(total + " simulations (untreated, treated, mechanism subsets, add-ons)");
            bar = progress.bar("simulations", total);
        }

        @Override
        public void done() {
            bar.add(1);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "predict a tumour profile's response to a regimen, with mechanisms and rescues";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        String profileArg = a.required("--profile", "a profile is required (--profile FILE|NAME)");
        List<String> therapies = a.requiredValues("--therapy", true, "at least one --therapy is required");
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        Catalog catalog = Her2Input.catalog(a);
        PredictService service = new PredictService(catalog);
        PredictRequest request;
        try {
            request = service.request(new PredictRequest.Input(ProfileReader.find(profileArg, catalog), therapies, a.longValue("--seed"),
                a.longValue("--samples"), !a.has("--no-rescues"), a.has("--lenient"), a.has("--include-preclinical")));
        } catch (RequestException e) {
            throw Her2Input.usage(e);
        }
        String html = a.value("--html");
        if (html != null && !html.endsWith(".html")) {
            throw new Args.UsageException("option '--html' needs a .html file name, not '" + html + "'");
        }
        Progress progress = Progress.of(this, a, err);
        progress.stage(request.profile().name() + " under " + String.join(" + ", request.therapies()) + ", seed " + request.seed());
        Prediction p;
        try (Counter counter = new Counter(progress)) {
            p = service.run(request, threads, counter);
        }
        for (String w : p.warnings()) {
            err.println("her2sim: warning: " + w);
        }
        String text = a.has("--json") ? JsonText.write(p.toMap()) : PredictionText.of(p, a.has("--all-rescues"));
        Emit.textAndPlot(out, text, a.value("--output"), html, w -> w.write(HtmlReport.page("her2sim predict: " + p.profile() + " under "
            + String.join(" + ", p.therapies()), catalog, List.of(p), List.of(request.profile()), Provenance.of(catalog, p.seed()))));
        return 0;
    }
}
