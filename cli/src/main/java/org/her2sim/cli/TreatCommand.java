// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.JsonText;
import org.her2sim.her2.report.ProfileSummary;
import org.her2sim.her2.report.Provenance;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.service.Her2Model;
import org.her2sim.her2.service.RequestException;
import org.her2sim.her2.service.TreatRequest;
import org.her2sim.her2.service.TreatService;
import org.her2sim.her2.tumour.TreatResult;

/** {@code her2sim treat}: a virtual tumour of clones under a regimen, over months. */
final class TreatCommand implements Command {
    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim treat --profile FILE|NAME --regimen NAME [--regimen NAME]... [options]",
        "Simulate a tumour made of clones under a regimen for months: tumour burden, RECIST best response, time to",
        "progression and the clones at progression (resistance acquired during treatment included).",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--profile", "FILE|NAME", "the profile: a YAML file, or the name of a bundled profile")
        .option("--regimen", "NAME", "a dosing regimen of pk/regimens.yaml (e.g. trastuzumab_q3w, docetaxel_q3w, t_dxd_q3w), or a therapy (id, name or alias) given continuously from day 0; repeatable")
        .option("--weight", "KG", "body weight for weight-based doses (default 70)")
        .option("--ecd", "NG/ML", "serum shed HER2 ECD, a PK covariate (default: the model's reference)")
        .option("--met-sites", "N", "number of metastatic sites, a PK covariate (default 1)")
        .option("--delay", "CYCLE:DAYS", "delay a cycle (and every later one) by DAYS; repeatable")
        .option("--skip", "CYCLE", "skip a cycle's dose; repeatable, or comma-separated")
        .option("--months", "N", "how long (default 24)")
        .option("--seed", "N", "seed of the tumour and its cell-model runs (default: the model's seed_pseudorandom)")
        .option("-t,--threads", "N", "engine threads (default 2; results do not depend on it)")
        .flag("--json", "print JSON instead of the summary")
        .flag("--lenient", "ignore unknown genes, kinds, mechanisms and context entries, with warnings")
        .option("--plot", "FILE.svg", "write the tumour burden and its clones over time")
        .option("--html", "FILE.html", "write a self-contained HTML report (profile, burden plot with dose marks, scans, provenance)")
        .option("-o,--output", "FILE", "write the summary (or JSON) to FILE instead of printing it")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP)
        .flag("-q,--quiet", "no progress on standard error (none either when it is not a terminal)");

    @Override
    public String name() {
        return "treat";
    }

    @Override
    public String summary() {
        return "simulate a tumour of clones under a regimen for months (burden, RECIST, progression)";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        String profileArg = a.required("--profile", "a profile is required (--profile FILE|NAME)");
        List<String> words = a.requiredValues("--regimen", true, "at least one --regimen is required");
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        String plot = a.value("--plot");
        if (plot != null && !plot.endsWith(".svg")) {
            throw new Args.UsageException("option '--plot' needs a .svg file name, not '" + plot + "'");
        }
        Her2Model model = Her2Input.model(a);
        TreatService service = new TreatService(model);
        TreatRequest request;
        try {
            request = service.request(new TreatRequest.Input(ProfileReader.find(profileArg, model.catalog()), words, a.doubleValue("--weight"),
                a.doubleValue("--ecd"), a.longValue("--met-sites"), a.values("--delay", false), a.values("--skip", true),
                a.longValue("--months"), a.longValue("--seed"), a.has("--lenient")));
        } catch (RequestException e) {
            throw Her2Input.usage(e);
        }
        for (String w : request.profile().warnings()) {
            err.println("her2sim: warning: " + w);
        }
        String html = a.value("--html");
        if (html != null && !html.endsWith(".html")) {
            throw new Args.UsageException("option '--html' needs a .html file name, not '" + html + "'");
        }
        Progress progress = Progress.of(this, a, err);
        progress.stage(request.profile().profile().name() + " under " + String.join(" + ", request.regimen().words()) + " for "
            + request.months() + " months, seed " + request.seed());
        TreatResult r;
        try (ProgressBar bar = progress.bar("% of the days", 100)) {
            r = service.run(request, threads, f -> bar.update(Math.round(100 * f))).result();
        }
        Map<String, List<Double>> doses = request.doseDays();
        String text = a.has("--json") ? JsonText.write(TreatReport.toMap(r)) : TreatReport.text(r);
        List<Emit.Extra> files = new ArrayList<>();
        if (plot != null) {
            files.add(new Emit.Extra(plot, (outs, file) -> outs.write(file, w -> w.write(TreatReport.svg(r, doses)))));
        }
        if (html != null) {
            String page = TreatReport.html(r, doses, ProfileSummary.rows(request.profile().profile(), model.catalog()), Provenance.of(model, r.seed()));
            files.add(new Emit.Extra(html, (outs, file) -> outs.write(file, w -> w.write(page))));
        }
        Emit.textAndFiles(out, text, a.value("--output"), files);
        return 0;
    }
}
