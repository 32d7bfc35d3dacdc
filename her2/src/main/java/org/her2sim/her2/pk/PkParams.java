// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;
import java.util.Map;

/**
 * One patient's PK parameters in fixed units: clearance {@code cl} and inter-compartmental
 * clearance {@code q} in L/day, volumes {@code vc} and {@code vp} in L, Michaelis-Menten
 * {@code vmax} in mg/day and {@code km} in ug/mL, absorption rate {@code ka} in 1/day and
 * bioavailability {@code f} (used by SC and oral doses). {@code q = 0} or {@code vp = 0} makes a
 * one-compartment model; {@code vmax = 0} a linear one; {@code ka = 0} a model without absorption.
 */
public record PkParams(double cl, double vc, double q, double vp, double vmax, double km, double ka, double f) {
    /** The parameter names, as in {@code drugs.yaml}. */
    public static final List<String> NAMES = List.of("cl", "vc", "q", "vp", "vmax", "km", "ka", "f");

    public PkParams {
        double[] all = {cl, vc, q, vp, vmax, km, ka, f};
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i]) || all[i] < 0) {
                throw new IllegalArgumentException("PK parameter " + NAMES.get(i) + " must be a finite number >= 0, not " + all[i]);
            }
        }
        if (vc <= 0) {
            throw new IllegalArgumentException("PK parameter vc must be > 0");
        }
        if (vmax > 0 && km <= 0) {
            throw new IllegalArgumentException("PK parameter km must be > 0 when vmax > 0");
        }
    }

    /** From a map of names to values; absent names are 0 (f defaults to 1). */
    public static PkParams of(Map<String, Double> v) {
        return new PkParams(v.getOrDefault("cl", 0.0), v.getOrDefault("vc", 0.0), v.getOrDefault("q", 0.0), v.getOrDefault("vp", 0.0),
            v.getOrDefault("vmax", 0.0), v.getOrDefault("km", 0.0), v.getOrDefault("ka", 0.0), v.getOrDefault("f", 1.0));
    }

    /** A parameter by name. */
    public double get(String name) {
        return switch (name) {
            case "cl" -> cl;
            case "vc" -> vc;
            case "q" -> q;
            case "vp" -> vp;
            case "vmax" -> vmax;
            case "km" -> km;
            case "ka" -> ka;
            case "f" -> f;
            default -> throw new IllegalArgumentException("unknown PK parameter '" + name + "'");
        };
    }

    /** True without Michaelis-Menten elimination: solved in closed form. */
    public boolean linear() {
        return vmax == 0;
    }

    /** True when there is a peripheral compartment. */
    public boolean twoCompartment() {
        return q > 0 && vp > 0;
    }

    /** The same parameters with linear clearance {@code cl}, without Michaelis-Menten elimination. */
    public PkParams withLinearClearance(double clearance) {
        return new PkParams(clearance, vc, q, vp, 0, 0, ka, f);
    }
}
