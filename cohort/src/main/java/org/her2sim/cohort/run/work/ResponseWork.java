// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.ProfileKey;

/**
 * The work of {@code cohort run --therapy}: one distinct profile's prediction. Every simulation uses
 * the run's seed (common random numbers, as {@code predict}), so the result depends only on the
 * profile key and the run's settings. The scenario cache lives in this JVM only.
 */
public final class ResponseWork implements Work<ProfileKey, ProfileResponse> {
    private static final long serialVersionUID = 1L;

    private final ModelRef model;
    private final List<String> regimen;
    private final long seed;
    private final long samples;
    private final int engineThreads;
    private final boolean rescues;
    private transient ResponseModel predictor;
    private transient AtomicLong calls;

    /**
     * @param regimen therapy ids
     * @param samples trajectories per simulation
     * @param engineThreads engine threads per simulation
     * @param rescues find the best add-on for non-responders
     */
    public ResponseWork(ModelRef model, List<String> regimen, long seed, long samples, int engineThreads, boolean rescues) {
        this.model = model;
        this.regimen = List.copyOf(regimen);
        this.seed = seed;
        this.samples = samples;
        this.engineThreads = engineThreads;
        this.rescues = rescues;
    }

    @Override
    public ProfileResponse apply(WorkItem<ProfileKey> item) {
        ResponseModel p = predictor();
        calls.incrementAndGet();
        return p.predict(item.input(), regimen, rescues);
    }

    private synchronized ResponseModel predictor() {
        if (predictor == null) {
            predictor = new ResponseModel(new ScenarioCache(model.catalog(), seed, samples, engineThreads));
            calls = new AtomicLong();
        }
        return predictor;
    }

    /** Cell-model simulations run in this JVM. */
    public synchronized long simulations() {
        return predictor == null ? 0 : predictor.cache().runs();
    }

    /** Items computed in this JVM. */
    public synchronized long calls() {
        return calls == null ? 0 : calls.get();
    }
}
