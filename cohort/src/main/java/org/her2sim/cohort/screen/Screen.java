// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.cohort.virtual.Version;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.ProfileReader;

/**
 * {@code her2sim screen}: every single therapy and every combination on every distinct profile, with
 * Bliss and HSA synergy, ranked; written atomically as {@code screen.csv}, {@code ranking.csv},
 * {@code screen.json} and {@code heatmap.svg}.
 */
public final class Screen {
    /**
     * A screen.
     *
     * @param profiles profile files or bundled profile names (empty when {@code cohort} is given)
     * @param cohort a cohort file, or null
     * @param therapies therapy ids (already checked)
     * @param maxSize 2 for pairs, 3 for pairs and triples
     * @param samples trajectories per simulation; 0 for the model's default
     * @param output the output directory, or null to write nothing
     */
    public record Request(List<String> profiles, Path cohort, List<String> therapies, int maxSize, long seed, long samples, Path output,
                          int engineThreads, String commandLine) {
        public Request {
            profiles = List.copyOf(profiles);
            therapies = List.copyOf(therapies);
        }
    }

    /** What a screen gave. */
    public record Outcome(ScreenReport report, int distinct, List<Path> files) { }

    private Screen() {
    }

    /** Runs it. @throws org.her2sim.engine.error.ModelException for bad input, before anything is written */
    public static Outcome run(ModelRef model, Request req, CohortExecutor executor, CohortRun.Listener listener) throws IOException {
        Catalog catalog = model.catalog();
        List<ProfileKey> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("version", Version.text());
        meta.put("model", model.describe());
        meta.put("model_sha256", model.sha256());
        if (req.cohort() != null) {
            CohortPatients cp = CohortPatients.read(req.cohort(), model.prevalence(), catalog, false);
            int[] counts = cp.counts();
            for (int k = 0; k < cp.keys().size(); k++) {
                keys.add(cp.keys().get(k));
                labels.add(cp.keys().get(k).text());
                weights.add(counts[k]);
            }
            meta.put("cohort", req.cohort().getFileName().toString());
            meta.put("cohort_sha256", CohortRun.sha256(req.cohort()));
        } else {
            DistinctProfiles distinct = new DistinctProfiles(keys, labels, weights);
            for (String arg : req.profiles()) {
                distinct.add(ProfileReader.find(arg, catalog), catalog);
            }
            meta.put("profiles", String.join(",", req.profiles()));
        }
        long samples = req.samples() > 0 ? req.samples() : catalog.response().sampleCount();
        meta.put("therapies", String.join(",", req.therapies()));
        meta.put("combinations", req.maxSize() == 3 ? "singles, pairs and triples" : "singles and pairs");
        meta.put("seed", String.valueOf(req.seed()));
        meta.put("samples", String.valueOf(samples));
        meta.put("command", req.commandLine());

        List<List<String>> combos = Combinations.of(req.therapies(), req.maxSize());
        List<WorkItem<ProfileKey>> items = new ArrayList<>();
        for (ProfileKey k : keys) {
            items.add(new WorkItem<>(k.text(), k));
        }
        listener.start(items.size());
        List<ScreenResult> results = executor.run(items, new ScreenWork(model, combos, req.seed(), samples, req.engineThreads()),
            (i, item, r) -> listener.done());
        ScreenReport report = new ScreenReport(req.therapies(), combos, labels, weights.stream().mapToInt(Integer::intValue).toArray(), results,
            catalog.response(), meta);
        List<Path> files = new ArrayList<>();
        if (req.output() != null) {
            try (AtomicOutputs outs = new AtomicOutputs()) {
                Map<String, String> texts = new LinkedHashMap<>();
                texts.put("screen.csv", report.screenCsv());
                texts.put("ranking.csv", report.rankingCsv());
                texts.put("screen.json", JsonTree.text(report.json()));
                texts.put("heatmap.svg", report.heatmap());
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    Path p = req.output().resolve(e.getKey());
                    outs.write(p, w -> w.write(e.getValue()));
                    files.add(p);
                }
                outs.commit();
            }
        }
        return new Outcome(report, keys.size(), files);
    }
}
