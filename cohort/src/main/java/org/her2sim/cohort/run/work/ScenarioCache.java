// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Estimate;
import org.her2sim.her2.predict.Scenario;
import org.her2sim.her2.predict.Simulation;

/**
 * Cell-model results by scenario (profile key and therapies), each simulated once with the run's
 * seed and sample count: a profile's untreated run serves every regimen, and a profile without
 * one mechanism is often another profile of the cohort. Thread-safe; a scenario asked for by two
 * threads at once is simulated by the first and awaited by the second. Only the read-out
 * estimates are kept (no time courses), so memory grows with distinct scenarios, not patients.
 */
public final class ScenarioCache {
    private final Catalog catalog;
    private final long seed;
    private final long samples;
    private final int threads;
    private final Map<String, FutureTask<Map<String, Estimate>>> done = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();

    /**
     * @param samples trajectories per simulation
     * @param threads engine threads per simulation
     */
    public ScenarioCache(Catalog catalog, long seed, long samples, int threads) {
        this.catalog = catalog;
        this.seed = seed;
        this.samples = samples;
        this.threads = threads;
    }

    /** The seed of every simulation. */
    public long seed() {
        return seed;
    }

    /** The catalog simulated. */
    public Catalog catalog() {
        return catalog;
    }

    /** Phenotype and readout estimates of the profile under the therapies (in that order; none for untreated). */
    public Map<String, Estimate> get(ProfileKey key, List<String> therapies) {
        String k = key.text() + "|" + String.join("+", therapies);
        FutureTask<Map<String, Estimate>> task = new FutureTask<>(() -> {
            runs.incrementAndGet();
            return Simulation.run(catalog, new Scenario(key.mechanisms(), key.contextFixes(), therapies), seed, samples, threads).values();
        });
        FutureTask<Map<String, Estimate>> old = done.putIfAbsent(k, task);
        if (old == null) {
            task.run();
        } else {
            task = old;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            done.remove(k, task);
            if (e.getCause() instanceof ModelException m) {
                throw m;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The number of simulations run so far (each scenario once). */
    public long runs() {
        return runs.get();
    }
}
