// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.output.PlotWriter;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.pk.Drug;
import org.her2sim.her2.pk.DrugModel;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Occupancy;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkChart;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.PkInputException;
import org.her2sim.her2.pk.PkReport;
import org.her2sim.her2.pk.PkRequest;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.report.JsonText;

/** {@code her2sim pk}: a drug's concentration-time profile under a regimen, with Cmax and troughs per cycle. */
final class PkCommand implements Command {

    /** Option of each {@link Patient} and {@link PkRequest} field, for messages. */
    private static final Map<String, String> OPTION = Map.ofEntries(Map.entry("weight", "--weight"), Map.entry("ecd", "--ecd"),
        Map.entry("metastatic_sites", "--met-sites"), Map.entry("albumin", "--albumin"), Map.entry("ast", "--ast"),
        Map.entry("liver_metastases", "--liver-mets"), Map.entry("delay", "--delay"), Map.entry("skip", "--skip"),
        Map.entry("days", "--days"), Map.entry("samples", "--samples"), Map.entry("model", "--model"), Map.entry("p95", "--p95"),
        Map.entry("masked", "--masked"));

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim pk --drug NAME [--regimen NAME] [options]",
        "Simulate a drug's serum concentration under a regimen (population PK models of drugs.yaml, regimens of regimens.yaml):",
        "the concentration-time profile, Cmax and trough per cycle, the steady-state trough and the half-life, with optional",
        "dose delays and skipped cycles, a 5th-50th-95th percentile band over virtual patients, and the published figures.",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--drug", "NAME", "trastuzumab, pertuzumab, t_dm1, t_dxd, lapatinib, tucatinib, neratinib, taxane (or a brand name)")
        .option("--regimen", "NAME", "regimen id or alias, e.g. q3w, weekly, sc (default: the drug's first)")
        .option("--model", "NAME", "PK model, e.g. bruno2005, quartino2016, quartino2019 (default: per regimen and drug)")
        .option("--population", "ebc|mbc", "early or metastatic disease (default: mbc with metastases, else ebc)")
        .option("--weight", "KG", "body weight (default 70)")
        .option("--ecd", "NG/ML", "serum shed HER2 ECD (default: the model's reference)")
        .option("--met-sites", "N", "number of metastatic sites (default 1 with --population mbc, else 0)")
        .option("--albumin", "G/DL", "serum albumin (default: the model's reference)")
        .option("--ast", "U/L", "aspartate aminotransferase (default: the model's reference)")
        .flag("--liver-mets", "liver metastases present")
        .option("--days", "N", "days to simulate (default 168)")
        .option("--delay", "CYCLE:DAYS", "delay a cycle (and every later one) by DAYS; repeatable")
        .option("--skip", "CYCLE", "skip a cycle's dose; repeatable, or comma-separated")
        .option("--samples", "N", "virtual patients for a 5th-50th-95th percentile band (default: none)")
        .option("--seed", "N", "seed of the virtual patients (default 1)")
        .option("--p95", "FRACTION", "fraction of HER2 that is p95HER2, without the epitope, for occupancy (default 0)")
        .option("--masked", "FRACTION", "fraction of full-length HER2 masked by MUC4/CD44, for occupancy (default 0)")
        .flag("--json", "print JSON instead of the table")
        .option("--plot", "FILE", "draw the concentration-time curve to FILE.png or FILE.svg")
        .option("-o,--output", "FILE", "write the table (or JSON) to FILE instead of printing it")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "pk";
    }

    @Override
    public String summary() {
        return "simulate a drug's concentrations under a regimen: Cmax, troughs, steady state";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    static double number(Args a, String key, double fallback) {
        Double d = a.doubleValue(key);
        return d == null ? fallback : d;
    }

    private static Double optional(Args a, String key) {
        return a.value(key) == null ? null : number(a, key, 0);
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        String drugArg = a.required("--drug", "a drug is required (--drug NAME)");
        String plot = a.value("--plot");
        if (plot != null) {
            try {
                PlotWriter.checkExtension(Path.of(plot));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("option '--plot': " + e.getMessage());
            }
        }
        PkReport report;
        try {
            report = report(a);
        } catch (PkInputException e) {
            throw new Args.UsageException("option '" + OPTION.getOrDefault(e.field(), e.field()) + "': " + e.problem());
        }
        for (String w : warnings(report)) {
            err.println("her2sim: warning: " + w);
        }
        String text = a.has("--json") ? JsonText.write(report.toMap()) : report.text();
        String title = report.request().drug().name() + ", " + report.request().regimen().describe() + " (" + report.request().model().id() + ")";
        Double target = report.request().drug().targetTrough();
        Emit.textAndPlot(out, text, a.value("--output"), plot, (outs, p) -> {
            if (PlotWriter.isSvg(p)) {
                outs.write(p, w -> PkChart.svg(w, report.profile(), report.band(), target, title));
            } else {
                outs.writeBinary(p, os -> PkChart.png(os, report.profile(), report.band(), target, title));
            }
        });
        return 0;
    }

    private static PkReport report(Args a) throws Exception {
        String dir = a.value("--catalog");
        PkData data = dir == null ? PkData.load() : PkData.load(Root.directory(Path.of(dir)));
        Drug drug = data.drug(a.value("--drug"), SourceLocation.of("--drug"));
        Regimen regimen = data.regimen(drug, a.value("--regimen"), SourceLocation.of("--regimen"));
        DrugModel model = data.model(drug, regimen, a.value("--model"), SourceLocation.of("--model"));
        Population pop = null;
        if (a.value("--population") != null) {
            pop = Population.parse(a.value("--population"));
            if (pop == null) {
                throw new Args.UsageException("option '--population': must be ebc or mbc, not '" + a.value("--population") + "'");
            }
        }
        Long sites = a.longValue("--met-sites");
        if (sites != null && (sites < 0 || sites > 20)) {
            throw new PkInputException("metastatic_sites", "must be between 0 and 20, not " + sites);
        }
        Patient patient = new Patient(number(a, "--weight", Patient.DEFAULT_WEIGHT), optional(a, "--ecd"),
            sites == null ? Patient.defaultSites(pop) : sites.intValue(),
            optional(a, "--albumin"), optional(a, "--ast"), a.has("--liver-mets"), pop);
        Modifications mods = Modifications.parse(a.values("--delay", false), a.values("--skip", true));
        PkRequest request = new PkRequest(drug, model, regimen, patient, number(a, "--days", 168), mods);
        // lay the schedule out once now, so a delay or skip beyond a fixed regimen is reported as bad input
        regimen.schedule(patient.weight(), request.days(), mods);
        long samples = Her2Input.positive(a, "--samples", 0);
        if (samples > Integer.MAX_VALUE) {
            throw new PkInputException("samples", "is too large: " + samples);
        }
        Long seed = a.longValue("--seed");
        Occupancy.Epitopes epitopes = new Occupancy.Epitopes(number(a, "--p95", 0), number(a, "--masked", 0));
        return PkReport.run(request, (int) samples, seed == null ? 1 : seed, epitopes);
    }

    private static java.util.List<String> warnings(PkReport r) {
        java.util.List<String> w = new java.util.ArrayList<>();
        DrugModel m = r.request().model();
        if (r.band() != null && m.variability().isEmpty()) {
            w.add(r.request().drug().id() + " model " + m.id() + " has no between-patient variability in drugs.yaml: every virtual patient is the typical one");
        }
        if (r.request().drug().kdNm() == null && (r.epitopes().p95() > 0 || r.epitopes().masked() > 0)) {
            w.add(r.request().drug().id() + " has no affinity in drugs.yaml: no occupancy is computed");
        }
        return w;
    }
}
