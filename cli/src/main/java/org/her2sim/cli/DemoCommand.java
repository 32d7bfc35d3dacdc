// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.report.Demo;
import org.her2sim.her2.report.HtmlReport;
import org.her2sim.her2.report.Provenance;

/** {@code her2sim demo}: every bundled profile under trastuzumab, as a table, an HTML report and JSON. */
final class DemoCommand implements Command {

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim demo [-o DIR] [--seed N] [--samples N] [-q]",
        "Run every bundled profile against trastuzumab, print a summary table and write DIR/report.html",
        "(self-contained: inline charts, no scripts, no external files) and DIR/demo.json.")
        .option("-o,--output", "DIR", "output folder (default out/demo)")
        .option("--seed", "N", "seed of every simulation (default: the model's seed_pseudorandom)")
        .option("--samples", "N", "trajectories per simulation (default: response.yaml's sample_count)")
        .option("-t,--threads", "N", "engine threads (default 2; results do not depend on it)")
        .option("--therapy", "NAME", "regimen instead of trastuzumab; repeatable")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP)
        .flag("-q,--quiet", "no progress lines on standard error (none either when it is not a terminal)");

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run every bundled profile under trastuzumab and write an HTML report";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        Path dir = Path.of(a.value("--output") == null ? "out/demo" : a.value("--output"));
        long samples = Her2Input.positive(a, "--samples", 0);
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        Catalog catalog = Her2Input.catalog(a);
        List<String> therapies = a.values("--therapy", true);
        if (therapies.isEmpty()) {
            therapies = Demo.THERAPIES;
        }
        therapies = therapies.stream().map(t -> catalog.requireTherapy(t, SourceLocation.of("--therapy")).id()).distinct().toList();
        Long seedArg = a.longValue("--seed");
        long seed = seedArg != null ? seedArg : catalog.config().seed();
        Progress progress = Progress.of(this, a, err);
        List<Profile> profiles = Demo.profiles(catalog);
        progress.stage(profiles.size() + " profiles under " + String.join(" + ", therapies) + ", seed " + seed);
        List<Prediction> ps = Demo.run(catalog, profiles, therapies, seed, new Predictor.Options(samples, threads, true, false),
            (i, name) -> progress.stage("[" + (i + 1) + "/" + profiles.size() + "] " + name));
        progress.stage("writing the report");
        String html = HtmlReport.of(catalog, ps, profiles, therapies, Provenance.of(catalog, seed));
        String json = Demo.json(ps, therapies, seed);
        Path report = dir.resolve("report.html");
        Path data = dir.resolve("demo.json");
        try (AtomicOutputs outs = new AtomicOutputs()) {
            outs.write(report, w -> w.write(html));
            outs.write(data, w -> w.write(json));
            outs.commit();
        }
        out.print(Demo.table(ps));
        out.println("wrote " + report);
        out.println("wrote " + data);
        return 0;
    }
}
