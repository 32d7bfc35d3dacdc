// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Expectation;
import org.her2sim.her2.catalog.Mechanism;

/**
 * Checks the {@code expect} entries of {@code mechanisms.yaml}: for each, the phenotype's
 * probability with the mechanism active, against a baseline (no mechanism, no context) under the
 * same therapies, with the same seed; the expectation's {@code with} mechanisms are active on both
 * sides.
 */
public final class Expectations {
    private Expectations() {
    }

    /**
     * One checked expectation.
     *
     * @param baseline the phenotype without the mechanism
     * @param with the phenotype with it
     */
    public record Outcome(String mechanism, Expectation expectation, Estimate baseline, Estimate with) {
        /** {@code with - baseline}, signed so that a positive value agrees with the expected direction. */
        public double margin() {
            double d = with.p() - baseline.p();
            return expectation.direction() == Expectation.Direction.UP ? d : -d;
        }

        /** True when the phenotype moved the expected way by more than {@code tolerance}. */
        public boolean holds(double tolerance) {
            return margin() > tolerance;
        }
    }

    /** Checks every expectation of every mechanism, in file order. */
    public static List<Outcome> check(Catalog catalog, long seed, long samples, int threads) {
        Map<List<List<String>>, PhenotypeResult> baselines = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (Mechanism m : catalog.mechanisms().values()) {
            for (Expectation e : m.expect()) {
                PhenotypeResult base = baselines.computeIfAbsent(List.of(e.under(), e.with()),
                    k -> Simulation.run(catalog, new Scenario(e.with(), List.of(), e.under()), seed, samples, threads));
                List<String> ms = new ArrayList<>(e.with());
                if (!ms.contains(m.id())) {
                    ms.add(m.id());
                }
                PhenotypeResult with = Simulation.run(catalog, new Scenario(ms, List.of(), e.under()), seed, samples, threads);
                out.add(new Outcome(m.id(), e, base.get(e.phenotype()), with.get(e.phenotype())));
            }
        }
        return out;
    }
}
