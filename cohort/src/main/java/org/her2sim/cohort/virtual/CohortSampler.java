// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
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
 * ECD; uniforms for the Poisson count of extra metastatic sites (by inversion); then one standard
 * Gaussian score per PK parameter ({@link Patient#PK_PARAMETERS}), the patient's between-patient
 * PK variability. Scores come last, so adding them left every earlier draw as it was. Thread-safe.
 */
public final class CohortSampler {
    /** Branch of the seed tree for cohorts, so cohort and simulation streams never coincide. */
    static final long BRANCH = 0x636F686F72744C00L;

    /** Patients drawn at a time by {@link #write}. */
    private static final int BLOCK = 8192;

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
                // a feature absent from a setting takes no draw, so adding one leaves that setting's cohorts as they were
                double p = x.prevalence(setting);
                f.put(x.id(), p > 0 && rng.nextDouble() < p);
            }
        }
        PrevalenceModel.Covariates c = model.covariates();
        double sd = Math.sqrt(Math.log(1 + c.weightCv() * c.weightCv()));
        double weight = Math.min(c.weightMax(), Math.max(c.weightMin(), c.weightMedian() * Math.exp(sd * rng.nextGaussian())));
        double ecd = Math.exp(c.ecdMu() + c.ecdSigma() * rng.nextGaussian());
        int sites = Math.min(c.sitesMax(), 1 + poisson(rng, c.sitesExtraMean()));
        List<Double> z = new ArrayList<>(Patient.PK_PARAMETERS.size());
        for (int k = 0; k < Patient.PK_PARAMETERS.size(); k++) {
            z.add(Math.round(rng.nextGaussian() * 1000) / 1000.0);
        }
        return new Patient(Patient.idOf(index), index, f, Math.round(weight * 10) / 10.0, Math.round(ecd * 100) / 100.0, sites, z);
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
        List<Patient> out = new ArrayList<>(Math.max(0, size));
        blocks(size, seed, setting, threads, size, block -> out.addAll(Arrays.asList(block)));
        return new Cohort(seed, setting, Version.text(), out);
    }

    /**
     * Draws a cohort straight into a cohort file, a block of patients at a time, so memory does not
     * grow with the size; the file is the one {@link #sample} and {@link CohortFile#write} give.
     *
     * @param seen told of every patient, in order (for summaries)
     */
    public void write(int size, long seed, Setting setting, int threads, Writer w, Consumer<Patient> seen) throws IOException {
        List<String> features = featureIds();
        StringBuilder sb = new StringBuilder();
        boolean[] header = {false};
        try {
            blocks(size, seed, setting, threads, BLOCK, block -> {
                try {
                    if (!header[0]) {
                        CohortFile.writeHeader(w, new CohortFile.Header(seed, setting, Version.text(), features, true), size);
                        header[0] = true;
                    }
                    for (Patient p : block) {
                        CohortFile.writeRow(w, sb, p, features, true);
                        seen.accept(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Draws patients 0..size-1 in blocks of at most {@code blockSize}, each on {@code threads} threads, handing over each block in order. */
    private void blocks(int size, long seed, Setting setting, int threads, int blockSize, Consumer<Patient[]> each) {
        if (size < 1 || threads < 1) {
            throw new IllegalArgumentException("size and threads must be at least 1");
        }
        ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
        try {
            for (int from = 0; from < size; from += blockSize) {
                int start = from;
                Patient[] block = new Patient[Math.min(blockSize, size - from)];
                if (pool == null) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = patient(seed, setting, start + i);
                    }
                } else {
                    pool.submit(() -> IntStream.range(0, block.length).parallel().forEach(i -> block[i] = patient(seed, setting, start + i))).get();
                }
                each.accept(block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
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
