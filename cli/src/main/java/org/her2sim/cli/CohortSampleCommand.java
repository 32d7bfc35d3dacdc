// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.Feature;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.engine.output.AtomicOutputs;

/** {@code her2sim cohort sample}: a virtual cohort drawn from the published prevalences. */
final class CohortSampleCommand implements Command {
    private static final int MAX_SIZE = 10_000_000;

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim cohort sample --size N --seed S [--setting naive|pretreated] [-o FILE] [options]",
        "Draw virtual HER2-positive patients from the prevalences in cohort/prevalence.yaml (PIK3CA/PTEN drawn jointly and",
        "enriched after trastuzumab, the other features independently) with weight, serum ECD and metastatic sites.",
        "Writes the cohort file (CSV with '# key: value' header comments) that 'her2sim profile --cohort' and later commands read.",
        "Same seed, same cohort, for any thread count; the first k patients do not depend on --size.",
        "Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--size", "N", "number of patients (1 to " + MAX_SIZE + ")")
        .option("--seed", "S", "the seed (a whole number)")
        .option("--setting", "NAME", "naive (default) or pretreated (after trastuzumab failure)")
        .option("-o,--output", "FILE", "write the cohort to FILE and print a summary (default: print the cohort)")
        .option("-t,--threads", "N", "threads (default 2; the cohort does not depend on it)");

    @Override
    public String name() {
        return "cohort sample";
    }

    @Override
    public String summary() {
        return "draw a virtual cohort from published prevalences";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        Long size = a.longValue("--size");
        Long seed = a.longValue("--seed");
        if (size == null || seed == null) {
            throw new Args.UsageException("--size and --seed are required");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new Args.UsageException("--size must be from 1 to " + MAX_SIZE + ", not " + size);
        }
        String name = a.value("--setting");
        Setting setting = name == null ? Setting.NAIVE : Setting.of(name);
        if (setting == null) {
            throw new Args.UsageException("--setting must be naive or pretreated, not '" + name + "'");
        }
        int threads = (int) Her2Input.positive(a, "--threads", 2);
        PrevalenceModel model = PrevalenceModel.load();
        Cohort cohort = new CohortSampler(model).sample(size.intValue(), seed, setting, threads);
        String output = a.value("--output");
        if (output == null) {
            StringWriter w = new StringWriter();
            CohortFile.write(cohort, w);
            out.print(w);
            return 0;
        }
        try (AtomicOutputs outs = new AtomicOutputs()) {
            outs.write(Path.of(output), w -> CohortFile.write(cohort, w));
            outs.commit();
        }
        out.println("wrote " + output + ": " + size + " patients, " + setting.id() + ", seed " + seed);
        out.printf(Locale.ROOT, "  %-22s %8s %8s%n", "feature", "model", "drawn");
        for (Feature f : model.features()) {
            long n = cohort.patients().stream().filter(p -> p.has(f.id())).count();
            out.printf(Locale.ROOT, "  %-22s %7.1f%% %7.1f%%%n", f.id(), 100 * f.prevalence(setting), 100.0 * n / size);
        }
        long either = cohort.patients().stream().filter(p -> p.has(PrevalenceModel.PIK3CA) || p.has(PrevalenceModel.PTEN_LOSS)).count();
        out.printf(Locale.ROOT, "  %-22s %7.1f%% %7.1f%%%n", "pik3ca_or_pten_loss", 100 * model.either(setting), 100.0 * either / size);
        return 0;
    }
}
