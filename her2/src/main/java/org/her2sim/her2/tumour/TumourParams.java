// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.io.IOException;
import java.util.List;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.YamlNode;

/**
 * The tumour-dynamics settings of {@code tumour.yaml}: growth and kill rates per day, sizes,
 * RECIST scan interval, the acquired-resistance model, and how much tumour kinetics vary between
 * patients ({@link #speed}).
 */
public record TumourParams(double untreatedDoublingDays, double divisionMax, double apoptosisKill, double immuneKill,
                           double initialCells, double detectionCells, double stochasticBelow, double scanIntervalDays,
                           double stepDays, double mutationRate, List<String> acquirable, long samples, double antibodyEc50,
                           double onOffEffectHalfLifeDays, double doublingCv) {
    /** The file's name under the catalog root. */
    public static final String FILE = "tumour.yaml";

    /** Reads and checks {@code tumour.yaml}; mechanism ids must exist in the catalog. */
    public static TumourParams load(Catalog catalog) throws IOException {
        String name = catalog.root().display(FILE);
        YamlNode y = YamlNode.parse(name, catalog.root().read(FILE));
        String what = FILE;
        y.allowKeys(what, "untreated_doubling_days", "division_max", "apoptosis_kill", "immune_kill", "initial_cells",
            "detection_cells", "stochastic_below", "scan_interval_days", "step_days", "mutation_rate", "acquirable", "samples",
            "antibody_ec50", "on_off_effect_half_life_days", "doubling_cv");
        List<String> acquirable = y.strings("acquirable", what);
        for (YamlNode n : y.list("acquirable", what)) {
            if (catalog.mechanisms().get(n.text(what)) == null) {
                throw n.error(what + ": acquirable: unknown mechanism '" + n.text(what) + "'");
            }
        }
        TumourParams p = new TumourParams(positive(y, "untreated_doubling_days"), positive(y, "division_max"),
            nonNegative(y, "apoptosis_kill"), nonNegative(y, "immune_kill"), positive(y, "initial_cells"), positive(y, "detection_cells"),
            nonNegative(y, "stochastic_below"), positive(y, "scan_interval_days"), positive(y, "step_days"),
            fraction(y, "mutation_rate"), acquirable, (long) positive(y, "samples"), positive(y, "antibody_ec50"),
            positive(y, "on_off_effect_half_life_days"), nonNegative(y, "doubling_cv"));
        if (p.detectionCells() >= p.initialCells()) {
            throw y.require("detection_cells", what).error(what + ": detection_cells must be below initial_cells");
        }
        if (p.divisionMax() * p.stepDays() > 0.5) {
            throw y.require("step_days", what).error(what + ": step_days too long for division_max (division_max * step_days must be <= 0.5)");
        }
        return p;
    }

    /**
     * A patient's tumour kinetics factor (division and death rates both multiplied by it, the
     * untreated doubling time divided by it) for a standard normal draw {@code z}: log-normal with
     * median 1 and sigma {@code sqrt(ln(1 + doubling_cv^2))}.
     */
    public double speed(double z) {
        return Math.exp(Math.sqrt(Math.log1p(doublingCv * doublingCv)) * z);
    }

    private static double positive(YamlNode y, String key) {
        YamlNode n = y.require(key, FILE);
        double v = n.number(FILE + ": " + key);
        if (!(v > 0)) {
            throw n.error(FILE + ": " + key + " must be > 0, not " + v);
        }
        return v;
    }

    private static double nonNegative(YamlNode y, String key) {
        YamlNode n = y.require(key, FILE);
        double v = n.number(FILE + ": " + key);
        if (v < 0) {
            throw n.error(FILE + ": " + key + " must be >= 0, not " + v);
        }
        return v;
    }

    private static double fraction(YamlNode y, String key) {
        YamlNode n = y.require(key, FILE);
        double v = n.number(FILE + ": " + key);
        if (v < 0 || v > 1) {
            throw n.error(FILE + ": " + key + " must be in [0, 1], not " + v);
        }
        return v;
    }
}
