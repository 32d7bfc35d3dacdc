// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.her2sim.engine.sim.SeedTree;

/**
 * Draws virtual patients from a {@link PrevalenceModel}. Patient {@code i} of a cohort with seed
 * {@code s} draws only from its own {@value SeedTree#ALGORITHM} stream, derived by hashing
 * ({@code s}, {@code i}) under a cohort-specific branch of {@link SeedTree}, so a cohort is the same
 * for any thread count and its first k patients do not depend on its size.
 *
 * <p>Draws per patient, in this order: one uniform for the PIK3CA/PTEN cell; one uniform per
 * other feature, in the model's order; one Gaussian for log weight; one Gaussian for log serum
 * ECD; uniforms for the Poisson count of extra metastatic sites (by inversion). Thread-safe.
 */
public final class CohortSampler {
    /** Branch of the seed tree for cohorts, so cohort and simulation streams never coincide. */
    static final long BRANCH = 0x636F686F72744C00L;

    private final PrevalenceModel model;

    public CohortSampler(PrevalenceModel model) {
        this.model = model;
    }

    /** The generator of patient {@code index} of a cohort seeded with {@code seed}: an {@code L64X128MixRandom}. */
    public static RandomGenerator stream(long seed, int index) {
        return SeedTree.trajectory(SeedTree.child(seed, BRANCH), index);
    }

    /** Patient {@code index} of the cohort with that seed and setting. */
    public Patient patient(long seed, Setting setting, int index) {
        RandomGenerator rng = stream(seed, index);
        Map<String, Boolean> f = new LinkedHashMap<>();
        double[] cells = model.cells(setting);
        // [0, 1) laid out as PIK3CA only | both | PTEN only | neither
        double u = rng.nextDouble();
        boolean pik3ca = u < cells[0] + cells[2];
        boolean pten = u >= cells[0] && u < cells[0] + cells[1] + cells[2];
        f.put(PrevalenceModel.PIK3CA, pik3ca);
        f.put(PrevalenceModel.PTEN_LOSS, pten);
        for (Feature x : model.features()) {
            if (!f.containsKey(x.id())) {
                f.put(x.id(), rng.nextDouble() < x.prevalence(setting));
            }
        }
        PrevalenceModel.Covariates c = model.covariates();
        double sd = Math.sqrt(Math.log(1 + c.weightCv() * c.weightCv()));
        double weight = Math.min(c.weightMax(), Math.max(c.weightMin(), c.weightMedian() * Math.exp(sd * rng.nextGaussian())));
        double ecd = Math.exp(c.ecdMu() + c.ecdSigma() * rng.nextGaussian());
        int sites = Math.min(c.sitesMax(), 1 + poisson(rng, c.sitesExtraMean()));
        return new Patient(Patient.idOf(index), index, f, Math.round(weight * 10) / 10.0, Math.round(ecd * 100) / 100.0, sites);
    }

    /** Knuth's multiplication method; fine for the small means used here. */
    private static int poisson(RandomGenerator rng, double mean) {
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit && k < 1000) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * A cohort.
     *
     * @param threads worker threads (the result does not depend on it)
     * @throws IllegalArgumentException when size or threads is below 1
     */
    public Cohort sample(int size, long seed, Setting setting, int threads) {
        if (size < 1 || threads < 1) {
            throw new IllegalArgumentException("size and threads must be at least 1");
        }
        Patient[] out = new Patient[size];
        if (threads == 1) {
            for (int i = 0; i < size; i++) {
                out[i] = patient(seed, setting, i);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, size).parallel().forEach(i -> out[i] = patient(seed, setting, i))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return new Cohort(seed, setting, Version.text(), new ArrayList<>(Arrays.asList(out)));
    }

    /** The model drawn from. */
    public PrevalenceModel model() {
        return model;
    }

    /** The ids of the features in file column order. */
    public List<String> featureIds() {
        return model.features().stream().map(Feature::id).toList();
    }
}
