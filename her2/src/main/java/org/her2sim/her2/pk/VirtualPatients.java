// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.her2sim.engine.sim.SeedTree;

/**
 * Virtual patients: the model's typical parameters, adjusted for the patient's covariates, times
 * {@code exp(eta)} per parameter with {@code eta ~ N(0, omega^2)} and
 * {@code omega^2 = ln(1 + CV^2)}, so that each parameter is log-normal with the published
 * coefficient of variation. Patient {@code i} draws from its own {@code L64X128MixRandom}
 * stream, seeded from a hash of (seed, i) ({@link SeedTree}): the same seed gives the same
 * patients, and patient i does not depend on how many are drawn. Covariates are not sampled.
 */
public final class VirtualPatients {
    /** Most patients in one sample. */
    public static final int MAX = 100_000;

    private VirtualPatients() {
    }

    /** The random effects of patient {@code index}, by parameter name in {@link PkParams#NAMES} order. */
    public static Map<String, Double> eta(DrugModel m, long seed, int index) {
        RandomGenerator g = SeedTree.trajectory(seed, index);
        Map<String, Double> eta = new LinkedHashMap<>();
        for (String name : PkParams.NAMES) {
            Double cv = m.variability().get(name);
            if (cv != null) {
                double omega = Math.sqrt(Math.log1p(cv * cv));
                eta.put(name, omega * g.nextGaussian());
            }
        }
        return eta;
    }

    /** {@code n} virtual patients' parameters. */
    public static List<PkParams> sample(DrugModel m, Patient p, int n, long seed) {
        if (n < 1 || n > MAX) {
            throw new PkInputException("samples", "must be between 1 and " + MAX + ", not " + n);
        }
        List<PkParams> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(m.individual(p, eta(m, seed, i)));
        }
        return out;
    }
}
