// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.cohort.run.RegimenWords;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.PkInputException;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.JsonText;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.tumour.Exposure;
import org.her2sim.her2.tumour.RegimenExposure;
import org.her2sim.her2.tumour.TreatResult;
import org.her2sim.her2.tumour.TumourParams;
import org.her2sim.her2.tumour.TumourSimulation;

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
        .option("-o,--output", "FILE", "write the summary (or JSON) to FILE instead of printing it")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

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
        long months = Her2Input.positive(a, "--months", 24);
        if (months > 120) {
            throw new Args.UsageException("option '--months' must be at most 120, not " + months);
        }
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        String plot = a.value("--plot");
        if (plot != null && !plot.endsWith(".svg")) {
            throw new Args.UsageException("option '--plot' needs a .svg file name, not '" + plot + "'");
        }
        Catalog catalog = Her2Input.catalog(a);
        String dir = a.value("--catalog");
        PkData pk = dir == null ? PkData.load() : PkData.load(Root.directory(Path.of(dir)));
        RegimenWords parsed = RegimenWords.resolve(catalog, pk, words, "--regimen");
        List<Regimen> dosed = parsed.dosing().stream().map(id -> pk.regimens().get(id)).toList();
        List<String> regimen = parsed.therapies();
        List<String> continuous = regimen.stream().filter(t -> dosed.stream().noneMatch(r -> r.therapy().equals(t))).toList();
        Long seedArg = a.longValue("--seed");
        long seed = seedArg != null ? seedArg : catalog.config().seed();
        Profile.Resolved profile = ProfileReader.find(profileArg, catalog).resolve(catalog, a.has("--lenient"));
        for (String w : profile.warnings()) {
            err.println("her2sim: warning: " + w);
        }
        TumourParams params = TumourParams.load(catalog);
        double days = months * 365.25 / 12;
        Long sites = a.longValue("--met-sites");
        if (sites != null && (sites < 0 || sites > 20)) {
            throw new Args.UsageException("option '--met-sites' must be between 0 and 20, not " + sites);
        }
        Double weight = a.doubleValue("--weight");
        Double ecd = a.doubleValue("--ecd");
        Patient patient;
        Modifications mods;
        Exposure pkExposure;
        try {
            patient = new Patient(weight == null ? 70 : weight, ecd, sites == null ? 1 : sites.intValue(), null, null, false, Population.MBC);
            mods = Modifications.parse(a.values("--delay", false), a.values("--skip", true));
            for (Regimen r : dosed) {
                r.schedule(patient.weight(), days, mods);   // a delay or skip beyond a fixed regimen is bad input
            }
            pkExposure = RegimenExposure.of(pk, dosed, patient, days, mods, params);
        } catch (PkInputException e) {
            throw new Args.UsageException("option '--" + e.field().replace('_', '-') + "': " + e.problem());
        }
        Exposure exposure = (therapy, day) -> continuous.contains(therapy) ? (day >= 0 ? 1 : 0) : pkExposure.effect(therapy, day);
        TreatResult r = TumourSimulation.run(catalog, params, profile.profile().name(), profile.mechanisms(), profile.contextFixes(), regimen,
            exposure, days, seed, threads);
        String text = a.has("--json") ? JsonText.write(TreatReport.toMap(r)) : TreatReport.text(r);
        String output = a.value("--output");
        if (output == null && plot == null) {
            out.print(text);
            return 0;
        }
        try (AtomicOutputs outs = new AtomicOutputs()) {
            if (output != null) {
                outs.write(Path.of(output), w -> w.write(text));
            }
            if (plot != null) {
                String svg = TreatReport.svg(r);
                outs.write(Path.of(plot), w -> w.write(svg));
            }
            outs.commit();
        }
        if (output == null) {
            out.print(text);
        } else {
            out.println("wrote " + output);
        }
        if (plot != null) {
            out.println("wrote " + plot);
        }
        return 0;
    }
}
