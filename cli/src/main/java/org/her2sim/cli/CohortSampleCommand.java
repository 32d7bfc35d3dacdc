// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.Feature;
import org.her2sim.cohort.virtual.Patient;
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
        CohortSampler sampler = new CohortSampler(model);
        String output = a.value("--output");
        List<Feature> features = model.features();
        long[] counts = new long[features.size() + 1];
        Consumer<Patient> count = p -> {
            for (int f = 0; f < features.size(); f++) {
                counts[f] += p.has(features.get(f).id()) ? 1 : 0;
            }
            counts[features.size()] += p.has(PrevalenceModel.PIK3CA) || p.has(PrevalenceModel.PTEN_LOSS) ? 1 : 0;
        };
        if (output == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            sampler.write(size.intValue(), seed, setting, threads, w, count);
            w.flush();
            return 0;
        }
        try (AtomicOutputs outs = new AtomicOutputs()) {
            outs.write(Path.of(output), w -> sampler.write(size.intValue(), seed, setting, threads, w, count));
            outs.commit();
        }
        out.println("wrote " + output + ": " + size + " patients, " + setting.id() + ", seed " + seed
            + " (with PK scores: " + String.join(", ", CohortFile.PK_COLUMNS) + ")");
        int width = Math.max("pik3ca_or_pten_loss".length(), features.stream().mapToInt(x -> x.id().length()).max().orElse(0));
        String row = "  %-" + width + "s %7.1f%% %7.1f%%%n";
        out.printf(Locale.ROOT, "  %-" + width + "s %8s %8s%n", "feature", "model", "drawn");
        for (int f = 0; f < features.size(); f++) {
            out.printf(Locale.ROOT, row, features.get(f).id(), 100 * features.get(f).prevalence(setting),
                100.0 * counts[f] / size);
        }
        out.printf(Locale.ROOT, row, "pik3ca_or_pten_loss", 100 * model.either(setting),
            100.0 * counts[features.size()] / size);
        return 0;
    }
}
