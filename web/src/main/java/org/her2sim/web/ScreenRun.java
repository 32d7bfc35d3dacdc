// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.work.ResponseModel;
import org.her2sim.cohort.run.work.ScenarioCache;
import org.her2sim.cohort.run.work.Score;
import org.her2sim.cohort.screen.Combinations;
import org.her2sim.cohort.screen.ScreenReport;
import org.her2sim.cohort.screen.ScreenResult;
import org.her2sim.cohort.virtual.Version;

/**
 * A combination screen as {@code her2sim screen} computes it: every single therapy and every pair
 * (or pair and triple) scored on every distinct profile with the run's seed, through one scenario
 * cache (the untreated runs are shared), then {@link ScreenReport}'s Bliss and HSA synergy and
 * ranking. Scores are computed one by one here so the job can report each as progress.
 */
final class ScreenRun {
    private ScreenRun() {
    }

    static Job.Outcome run(ModelService model, CohortInputs.ScreenRequest in, int threads, Progress progress) throws IOException {
        List<List<String>> combos = Combinations.of(in.therapies(), in.maxSize());
        progress.start(combos.size() * in.keys().size());
        ResponseModel scorer = new ResponseModel(new ScenarioCache(model.catalog(), in.seed(), in.samples(), threads));
        List<ScreenResult> results = new ArrayList<>();
        for (var key : in.keys()) {
            List<Double> scores = new ArrayList<>();
            List<Double> ses = new ArrayList<>();
            for (List<String> c : combos) {
                Score s = scorer.score(key, c);
                scores.add(s.value());
                ses.add(s.se());
                progress.done();
            }
            results.add(new ScreenResult(scores, ses));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("version", Version.text());
        meta.put("model", model.ref().describe());
        meta.put("model_sha256", model.ref().sha256());
        meta.put("profiles", in.describe());
        meta.put("therapies", String.join(",", in.therapies()));
        meta.put("combinations", in.triples() ? "singles, pairs and triples" : "singles and pairs");
        meta.put("seed", String.valueOf(in.seed()));
        meta.put("samples", String.valueOf(in.samples()));
        ScreenReport report = new ScreenReport(in.therapies(), combos, in.labels(), in.weights(), results, model.catalog().response(), meta);
        Map<String, Object> m = Json.finite(JsonTree.of(report.json()));
        m.put("heatmap", heatmap(in.therapies(), report));
        if (in.cohort() != null) {
            m.put("cohort", in.cohort().toMap());
        }
        ScreenReport.Rank best = report.ranking().get(0);
        String summary = best.combination().size() > 1
            ? String.format(Locale.ROOT, "best %s: Bliss %+.3f ± %.3f, HSA %+.3f; %d profiles", best.name(), best.blissExcess(), best.blissSe(),
                best.hsaExcess(), in.keys().size())
            : "best " + best.name() + "; " + in.keys().size() + " profiles";
        return new Job.Outcome(m, summary);
    }

    /**
     * Therapies x therapies: each pair's mean Bliss and HSA excess with their standard errors
     * (null on the diagonal), and each therapy's mean single-agent score.
     */
    static Map<String, Object> heatmap(List<String> therapies, ScreenReport report) {
        int n = therapies.size();
        Double[][] bliss = new Double[n][n];
        Double[][] blissSe = new Double[n][n];
        Double[][] hsa = new Double[n][n];
        Double[][] hsaSe = new Double[n][n];
        Double[] single = new Double[n];
        for (ScreenReport.Rank r : report.ranking()) {
            List<String> c = r.combination();
            if (c.size() == 1) {
                single[therapies.indexOf(c.get(0))] = r.score();
            } else if (c.size() == 2) {
                int i = therapies.indexOf(c.get(0));
                int j = therapies.indexOf(c.get(1));
                bliss[i][j] = bliss[j][i] = r.blissExcess();
                blissSe[i][j] = blissSe[j][i] = r.blissSe();
                hsa[i][j] = hsa[j][i] = r.hsaExcess();
                hsaSe[i][j] = hsaSe[j][i] = r.hsaSe();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("therapies", therapies);
        m.put("single", Arrays.asList(single));
        m.put("bliss", rows(bliss));
        m.put("blissSe", rows(blissSe));
        m.put("hsa", rows(hsa));
        m.put("hsaSe", rows(hsaSe));
        return Json.finite(m);
    }

    private static List<Object> rows(Double[][] v) {
        List<Object> out = new ArrayList<>();
        for (Double[] row : v) {
            out.add(Arrays.asList(row));
        }
        return out;
    }
}
