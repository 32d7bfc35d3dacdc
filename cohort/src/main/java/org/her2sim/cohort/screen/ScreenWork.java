// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.ArrayList;
import java.util.List;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.cohort.run.work.ResponseModel;
import org.her2sim.cohort.run.work.ScenarioCache;
import org.her2sim.cohort.run.work.Score;

/**
 * The work of {@code screen}: one distinct profile's score under every combination, all with the
 * run's seed (the untreated run is shared by every combination).
 */
public final class ScreenWork implements Work<ProfileKey, ScreenResult> {
    private static final long serialVersionUID = 1L;

    private final ModelRef model;
    private final List<List<String>> combinations;
    private final long seed;
    private final long samples;
    private final int engineThreads;
    private transient ResponseModel scorer;

    public ScreenWork(ModelRef model, List<List<String>> combinations, long seed, long samples, int engineThreads) {
        this.model = model;
        this.combinations = combinations.stream().map(List::copyOf).toList();
        this.seed = seed;
        this.samples = samples;
        this.engineThreads = engineThreads;
    }

    @Override
    public ScreenResult apply(WorkItem<ProfileKey> item) {
        ResponseModel m = scorer();
        List<Double> scores = new ArrayList<>();
        List<Double> ses = new ArrayList<>();
        for (List<String> c : combinations) {
            Score s = m.score(item.input(), c);
            scores.add(s.value());
            ses.add(s.se());
        }
        return new ScreenResult(scores, ses);
    }

    private synchronized ResponseModel scorer() {
        if (scorer == null) {
            scorer = new ResponseModel(new ScenarioCache(model.catalog(), seed, samples, engineThreads));
        }
        return scorer;
    }
}
