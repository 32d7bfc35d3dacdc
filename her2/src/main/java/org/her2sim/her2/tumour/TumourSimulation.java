// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.predict.Scenario;

/**
 * A tumour under a regimen, day by day. Clones start from the profile (a subpopulation mechanism
 * gives its own clone with its fraction of the cells). Each day a clone of N cells with division
 * rate b and death rate d (from {@link CloneRates}) grows as N exp((b - d) dt) when large; when
 * smaller than {@code stochastic_below} its births and deaths are Poisson draws, so a small
 * clone can die out. Each division of a cell without an acquirable mechanism yields a cell with
 * it at {@code mutation_rate}: new clones are Poisson draws from the day's divisions. Same seed,
 * same tumour: one L64X128MixRandom stream, clones visited in a fixed order.
 */
public final class TumourSimulation {
    private TumourSimulation() {
    }

    /**
     * Runs one virtual tumour.
     *
     * @param mechanisms the profile's active mechanisms
     * @param context the profile's context fixes
     * @param regimen therapy ids
     * @param exposure each therapy's effect by day
     * @param days how long
     */
    public static TreatResult run(Catalog catalog, TumourParams p, String profile, List<String> mechanisms, List<Fix> context,
                                  List<String> regimen, Exposure exposure, double days, long seed, int threads) {
        CloneRates rates = new CloneRates(catalog, p, context, regimen, seed, threads);
        return run(catalog, p, rates, profile, mechanisms, context, regimen, exposure, days, seed);
    }

    /**
     * Runs one virtual tumour with cell-model rates computed already (and cached) for this
     * context and regimen: many tumours of a virtual cohort share them, each with its own seed.
     */
    public static TreatResult run(Catalog catalog, TumourParams p, CloneRates rates, String profile, List<String> mechanisms,
                                  List<Fix> context, List<String> regimen, Exposure exposure, double days, long seed) {
        return run(catalog, p, rates, profile, mechanisms, context, regimen, exposure, days, seed, 1);
    }

    /**
     * As above, for a tumour whose kinetics run {@code speed} times faster than the typical one:
     * division and death rates are both multiplied by it, so its untreated doubling time is
     * divided by it (between-patient variability of growth).
     */
    public static TreatResult run(Catalog catalog, TumourParams p, CloneRates rates, String profile, List<String> mechanisms,
                                  List<Fix> context, List<String> regimen, Exposure exposure, double days, long seed, double speed) {
        return run(catalog, p, rates, profile, mechanisms, context, regimen, exposure, days, seed, speed, f -> { });
    }

    /**
     * As above, telling {@code progress} the fraction of the days simulated after each step (for
     * progress bars; it may throw to stop the run).
     */
    public static TreatResult run(Catalog catalog, TumourParams p, CloneRates rates, String profile, List<String> mechanisms,
                                  List<Fix> context, List<String> regimen, Exposure exposure, double days, long seed, double speed,
                                  DoubleConsumer progress) {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<String> subpop = mechanisms.stream().filter(m -> catalog.mechanism(m).isSubpopulation()).toList();
        List<Clone> clones = new ArrayList<>();
        for (Scenario.Clone c : new Scenario(mechanisms, context, regimen).clones(catalog)) {
            clones.add(new Clone(sorted(c.mechanisms()), List.of(), c.weight() * p.initialCells()));
        }
        int steps = (int) Math.ceil(days / p.stepDays());
        double[] t = new double[steps + 1];
        double[] total = new double[steps + 1];
        Map<String, double[]> byClone = new LinkedHashMap<>();
        record(clones, subpop, byClone, 0, steps + 1);
        total[0] = sum(clones);
        List<TreatResult.Scan> scans = new ArrayList<>();
        double nadir = 1;
        double nextScan = p.scanIntervalDays();
        double progression = -1;
        Recist.Category best = Recist.Category.SD;
        boolean anyScan = false;
        Map<String, Double> atProgression = null;
        double[] effects = new double[regimen.size()];
        for (int s = 1; s <= steps; s++) {
            double day = (s - 1) * p.stepDays();
            for (int i = 0; i < regimen.size(); i++) {
                effects[i] = clamp(exposure.effect(regimen.get(i), day));
            }
            clones = step(clones, rates, effects, p, rng, speed);
            t[s] = s * p.stepDays();
            total[s] = sum(clones);
            record(clones, subpop, byClone, s, steps + 1);
            if (t[s] + 1e-9 >= nextScan) {
                nextScan += p.scanIntervalDays();
                Recist.Category c = Recist.classify(total[s], p.initialCells(), nadir, p.detectionCells());
                scans.add(new TreatResult.Scan(t[s], total[s], Recist.diameter(total[s], p.initialCells()), c));
                if (progression < 0) {
                    if (c == Recist.Category.PD) {
                        progression = t[s];
                        atProgression = shares(clones, subpop);
                    } else if (!anyScan || c.ordinal() < best.ordinal()) {
                        best = c;
                    }
                    anyScan = true;
                }
                nadir = Math.min(nadir, Recist.diameter(total[s], p.initialCells()));
            }
            progress.accept((double) s / steps);
        }
        if (!anyScan && progression >= 0) {
            best = Recist.Category.PD;
        } else if (progression >= 0 && scans.get(0).category() == Recist.Category.PD) {
            best = Recist.Category.PD;
        }
        if (atProgression == null) {
            atProgression = shares(clones, subpop);
        }
        return new TreatResult(profile, List.copyOf(regimen), seed, t, total, byClone, scans, best, progression, atProgression,
            rates.basalDeath());
    }

    private static List<Clone> step(List<Clone> clones, CloneRates rates, double[] effects, TumourParams p, RandomGenerator rng,
                                    double speed) {
        double dt = p.stepDays();
        List<Clone> next = new ArrayList<>();
        List<Clone> born = new ArrayList<>();
        for (Clone c : clones) {
            double[] bd = rates.rates(c.mechanisms(), effects);
            bd = new double[] {bd[0] * speed, bd[1] * speed};
            double n = c.cells();
            double divisions;
            double after;
            if (n >= p.stochasticBelow()) {
                after = n * Math.exp((bd[0] - bd[1]) * dt);
                divisions = bd[0] * dt * (bd[0] == bd[1] ? n : (after - n) / ((bd[0] - bd[1]) * dt));
            } else {
                double births = poisson(rng, bd[0] * n * dt);
                double deaths = Math.min(n + births, poisson(rng, bd[1] * n * dt));
                after = n + births - deaths;
                divisions = births;
            }
            if (after > 0) {
                next.add(c.withCells(after));
            }
            for (String m : p.acquirable()) {
                if (c.mechanisms().contains(m)) {
                    continue;
                }
                double k = poisson(rng, p.mutationRate() * divisions);
                if (k > 0) {
                    List<String> ms = new ArrayList<>(c.mechanisms());
                    ms.add(m);
                    List<String> acq = new ArrayList<>(c.acquired());
                    acq.add(m);
                    born.add(new Clone(sorted(ms), acq, k));
                }
            }
        }
        for (Clone b : born) {
            int same = -1;
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).mechanisms().equals(b.mechanisms())) {
                    same = i;
                }
            }
            if (same >= 0) {
                next.set(same, next.get(same).withCells(next.get(same).cells() + b.cells()));
            } else {
                next.add(b);
            }
        }
        return next;
    }

    /** A Poisson draw: exact (multiplication method) below mean 30, a rounded normal above. */
    static double poisson(RandomGenerator rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double prod = rng.nextDouble();
            int k = 0;
            while (prod > limit) {
                prod *= rng.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, Math.rint(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }

    private static void record(List<Clone> clones, List<String> subpop, Map<String, double[]> byClone, int s, int len) {
        for (Clone c : clones) {
            byClone.computeIfAbsent(label(c, subpop), k -> new double[len])[s] += c.cells();
        }
    }

    private static Map<String, Double> shares(List<Clone> clones, List<String> subpop) {
        double total = sum(clones);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Clone c : clones) {
            out.merge(label(c, subpop), total > 0 ? c.cells() / total : 0, Double::sum);
        }
        return out;
    }

    /** "founder" or the clone's subpopulation mechanism, then " +" and each acquired mechanism. */
    private static String label(Clone c, List<String> subpopulations) {
        List<String> sub = c.mechanisms().stream().filter(m -> subpopulations.contains(m) && !c.acquired().contains(m)).toList();
        String base = sub.isEmpty() ? "founder" : String.join("+", sub);
        return c.acquired().isEmpty() ? base : base + " +" + String.join(" +", c.acquired());
    }

    private static double sum(List<Clone> clones) {
        double s = 0;
        for (Clone c : clones) {
            s += c.cells();
        }
        return s;
    }

    private static double clamp(double e) {
        return Double.isNaN(e) ? 0 : Math.max(0, Math.min(1, e));
    }

    private static List<String> sorted(List<String> ms) {
        return ms.stream().distinct().sorted().toList();
    }
}
