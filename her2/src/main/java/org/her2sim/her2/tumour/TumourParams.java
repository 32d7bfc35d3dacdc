// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;
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
    /** The fit of the free constants ({@code her2sim calibrate --tumour}), over tumour.yaml's values when present. */
    public static final String FITTED = "tumour_fitted.yaml";
    /** The constants that may be declared free (tumour.yaml's {@code free:} section) and fitted. */
    public static final List<String> FITTABLE = List.of("division_max", "apoptosis_kill", "immune_kill", "antibody_ec50",
        "on_off_effect_half_life_days");

    /** Reads and checks {@code tumour.yaml}; mechanism ids must exist in the catalog. */
    public static TumourParams load(Catalog catalog) throws IOException {
        String name = catalog.root().display(FILE);
        YamlNode y = YamlNode.parse(name, catalog.root().read(FILE));
        String what = FILE;
        y.allowKeys(what, "untreated_doubling_days", "division_max", "apoptosis_kill", "immune_kill", "initial_cells",
            "detection_cells", "stochastic_below", "scan_interval_days", "step_days", "mutation_rate", "acquirable", "samples",
            "antibody_ec50", "on_off_effect_half_life_days", "doubling_cv", "free");
        Map<String, Double> fit = new LinkedHashMap<>();
        fitted(catalog).forEach((k, f) -> fit.put(k, f.value()));
        List<String> acquirable = y.strings("acquirable", what);
        for (YamlNode n : y.list("acquirable", what)) {
            if (catalog.mechanisms().get(n.text(what)) == null) {
                throw n.error(what + ": acquirable: unknown mechanism '" + n.text(what) + "'");
            }
        }
        TumourParams p = new TumourParams(positive(y, "untreated_doubling_days"), fitOr(fit, "division_max", positive(y, "division_max")),
            fitOr(fit, "apoptosis_kill", nonNegative(y, "apoptosis_kill")), fitOr(fit, "immune_kill", nonNegative(y, "immune_kill")),
            positive(y, "initial_cells"), positive(y, "detection_cells"),
            nonNegative(y, "stochastic_below"), positive(y, "scan_interval_days"), positive(y, "step_days"),
            fraction(y, "mutation_rate"), acquirable, (long) positive(y, "samples"), fitOr(fit, "antibody_ec50", positive(y, "antibody_ec50")),
            fitOr(fit, "on_off_effect_half_life_days", positive(y, "on_off_effect_half_life_days")), nonNegative(y, "doubling_cv"));
        if (p.detectionCells() >= p.initialCells()) {
            throw y.require("detection_cells", what).error(what + ": detection_cells must be below initial_cells");
        }
        if (p.divisionMax() * p.stepDays() > 0.5) {
            throw y.require("step_days", what).error(what + ": step_days too long for division_max (division_max * step_days must be <= 0.5)");
        }
        return p;
    }

    /** The value of a constant of {@link #FITTABLE} by its tumour.yaml name. */
    public double value(String name) {
        return switch (name) {
            case "division_max" -> divisionMax;
            case "apoptosis_kill" -> apoptosisKill;
            case "immune_kill" -> immuneKill;
            case "antibody_ec50" -> antibodyEc50;
            case "on_off_effect_half_life_days" -> onOffEffectHalfLifeDays;
            default -> throw new IllegalArgumentException("not a fittable constant of " + FILE + ": " + name);
        };
    }

    private static double fitOr(Map<String, Double> fit, String key, double value) {
        return fit.getOrDefault(key, value);
    }

    /**
     * tumour.yaml's free constants ({@code free: {name: {prior: [lower, upper], reason: ...}}}), each
     * one of {@link #FITTABLE} whose value lies in its prior; empty when none is declared.
     */
    public static List<Parameters.Parameter> free(Catalog catalog) throws IOException {
        YamlNode y = YamlNode.parse(catalog.root().display(FILE), catalog.root().read(FILE));
        List<Parameters.Parameter> out = new ArrayList<>();
        YamlNode free = y.get("free", FILE);
        if (free == null) {
            return out;
        }
        for (YamlNode.Entry e : free.entries(FILE + ": free")) {
            String w = FILE + ": free constant " + e.key();
            if (!FITTABLE.contains(e.key())) {
                throw e.keyNode().error(w + ": only " + String.join(", ", FITTABLE) + " may be fitted");
            }
            YamlNode p = e.value();
            p.allowKeys(w, "prior", "reason");
            List<YamlNode> prior = p.require("prior", w).items(w + ", prior");
            if (prior.size() != 2) {
                throw p.require("prior", w).error(w + ": prior is [lower, upper]");
            }
            double lo = prior.get(0).number(w + ", prior");
            double hi = prior.get(1).number(w + ", prior");
            double v = y.require(e.key(), FILE).number(FILE + ": " + e.key());
            if (!(lo > 0 && lo < hi && v >= lo && v <= hi)) {
                throw p.require("prior", w).error(w + ": prior [" + lo + ", " + hi + "] must be positive, increasing and hold the value " + v);
            }
            out.add(new Parameters.Parameter(e.key(), false, p.string("reason", w), lo, hi, e.keyNode().at()));
        }
        return out;
    }

    /** The fit ({@value #FITTED}) of free constants, in file order; empty when there is no fit. */
    public static Map<String, Parameters.Fitted> fitted(Catalog catalog) throws IOException {
        Map<String, Parameters.Fitted> out = new LinkedHashMap<>();
        if (!catalog.root().exists(FITTED)) {
            return out;
        }
        Map<String, Parameters.Parameter> free = new LinkedHashMap<>();
        for (Parameters.Parameter p : free(catalog)) {
            free.put(p.name(), p);
        }
        YamlNode y = YamlNode.parse(catalog.root().display(FITTED), catalog.root().read(FITTED));
        y.allowKeys(FITTED, "provenance", "parameters", "ensemble");
        for (YamlNode.Entry e : y.require("parameters", FITTED).entries(FITTED + ": parameters")) {
            String w = FITTED + ": " + e.key();
            Parameters.Parameter p = free.get(e.key());
            if (p == null) {
                throw e.keyNode().error(w + ": not a free constant of " + FILE + " (free: " + String.join(", ", free.keySet()) + ")");
            }
            out.put(e.key(), Parameters.Fitted.read(e.value(), w, p));
        }
        return out;
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
