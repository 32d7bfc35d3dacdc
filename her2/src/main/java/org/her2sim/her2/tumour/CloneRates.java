// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.predict.PhenotypeResult;
import org.her2sim.her2.predict.Scenario;
import org.her2sim.her2.predict.Simulation;

/**
 * Division and death rates of a clone on a day, from the cell model. For a regimen of k therapies
 * with effects e_i that day, the phenotype probabilities are the mixture over the 2^k subsets S of
 * therapies of P(phenotype | S on), weighted by prod_{i in S} e_i * prod_{i not in S} (1 - e_i), as if
 * each drug independently acted on a fraction e_i of the time. Cell-model results are cached per
 * (context, regimen, seed, samples, clone, subset) in the catalog's {@link Catalog#cellCache}, so
 * every tumour of a run, and every run of a fit, simulates each once.
 */
public final class CloneRates {
    /** Regimens with more therapies than this are refused (2^k cell-model runs per clone). */
    static final int MAX_THERAPIES = 5;
    /** Entries of the catalog's cell cache beyond which it is emptied. */
    static final int MAX_CACHED = 200_000;

    private final Catalog catalog;
    private final TumourParams params;
    private final List<Fix> context;
    private final List<String> regimen;
    private final long seed;
    private final int threads;
    private final Map<String, double[]> cache;
    private final String cachePrefix;
    private final double basalDeath;

    /**
     * Rates for a context and regimen; cell-model runs use {@code seed} (the same for every clone).
     *
     * @throws IllegalArgumentException for more than {@value #MAX_THERAPIES} therapies
     */
    public CloneRates(Catalog catalog, TumourParams params, List<Fix> context, List<String> regimen, long seed, int threads) {
        if (regimen.size() > MAX_THERAPIES) {
            throw new IllegalArgumentException("at most " + MAX_THERAPIES + " therapies in one regimen, not " + regimen.size());
        }
        this.catalog = catalog;
        this.params = params;
        this.context = List.copyOf(context);
        this.regimen = List.copyOf(regimen);
        this.seed = seed;
        this.threads = threads;
        this.cache = catalog.cellCache();
        this.cachePrefix = "clone|" + this.context + "|" + this.regimen + "|" + seed + "|" + params.samples() + "|";
        // basal death makes the untreated baseline tumour (no mechanisms, this context) double in untreatedDoublingDays
        double[] u = phenotypes(List.of(), 0);
        double growth = Math.log(2) / params.untreatedDoublingDays();
        this.basalDeath = Math.max(0, params.divisionMax() * u[0] - params.apoptosisKill() * u[1] - params.immuneKill() * u[2] - growth);
    }

    /** The basal death rate per day. */
    public double basalDeath() {
        return basalDeath;
    }

    /** {division, death} per day for a clone given each regimen therapy's effect that day. */
    double[] rates(List<String> mechanisms, double[] effects) {
        double prolif = 0;
        double apo = 0;
        double immune = 0;
        int k = regimen.size();
        for (int mask = 0; mask < 1 << k; mask++) {
            double w = 1;
            for (int i = 0; i < k && w > 0; i++) {
                w *= (mask >> i & 1) == 1 ? effects[i] : 1 - effects[i];
            }
            if (w <= 0) {
                continue;
            }
            double[] p = phenotypes(mechanisms, mask);
            prolif += w * p[0];
            apo += w * p[1];
            immune += w * p[2];
        }
        double division = params.divisionMax() * prolif;
        double death = basalDeath + params.apoptosisKill() * apo + params.immuneKill() * immune;
        return new double[] {division, death};
    }

    /** {P(growth), P(first death phenotype), P(second death phenotype)} with the therapies of {@code mask} on. */
    double[] phenotypes(List<String> mechanisms, int mask) {
        String key = cachePrefix + mechanisms + "|" + mask;
        double[] hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        List<String> on = new ArrayList<>();
        for (int i = 0; i < regimen.size(); i++) {
            if ((mask >> i & 1) == 1) {
                on.add(regimen.get(i));
            }
        }
        Scenario s = new Scenario(mechanisms, context, on);
        PhenotypeResult r = Simulation.runClone(catalog, s, mechanisms, seed, params.samples(), threads);
        Response resp = catalog.response();
        double[] p = new double[3];
        p[0] = r.get(resp.growth()).p();
        List<String> death = resp.death();
        p[1] = death.size() > 0 ? r.get(death.get(0)).p() : 0;
        p[2] = death.size() > 1 ? r.get(death.get(1)).p() : 0;
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // a long-lived server: results are recomputed, never wrong
        }
        cache.put(key, p);
        return p;
    }
}
