// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;

/**
 * The exact solution of a linear one- or two-compartment model, by superposition of each dose's
 * response. With micro-constants {@code k10 = CL/Vc}, {@code k12 = Q/Vc}, {@code k21 = Q/Vp}, the
 * disposition rates are {@code alpha, beta = (s +- sqrt(s^2 - 4 k10 k21)) / 2},
 * {@code s = k10 + k12 + k21}, and a unit amount put into the central compartment at time 0
 * leaves the concentration {@code h(t) = (A e^(-alpha t) + B e^(-beta t)) / Vc} with
 * {@code A = (alpha - k21) / (alpha - beta)}, {@code B = (k21 - beta) / (alpha - beta)}
 * (one compartment: {@code h(t) = e^(-k10 t) / Vc}). For a term {@code c e^(-l t)} of h, a dose
 * contributes, {@code tau} days after it starts:
 * <ul>
 * <li>bolus D: {@code D c e^(-l tau)};
 * <li>infusion at rate R for T days: {@code R c phi(l, tau)} while infusing, then
 *     {@code R c phi(l, T) e^(-l (tau - T))};
 * <li>first-order absorption of F D at rate ka: {@code F D ka c (e^(-l tau) - e^(-ka tau)) / (ka - l)},
 * </ul>
 * where {@code phi(x, t) = (1 - e^(-x t)) / x} (and t when x = 0), computed with {@code expm1}.
 * Concentrations are left-continuous: at a dose's start time it does not count yet.
 */
final class LinearPk {
    private final double vc;
    private final double[] rate;
    private final double[] coef;
    private final double ka;
    private final double f;

    LinearPk(PkParams p) {
        if (!p.linear()) {
            throw new IllegalArgumentException("closed form needs linear elimination (vmax = 0)");
        }
        vc = p.vc();
        ka = p.ka();
        f = p.f();
        double k10 = p.cl() / p.vc();
        if (p.twoCompartment()) {
            double k12 = p.q() / p.vc();
            double k21 = p.q() / p.vp();
            double s = k10 + k12 + k21;
            double alpha = (s + Math.sqrt(s * s - 4 * k10 * k21)) / 2;
            double beta = k10 * k21 / alpha;
            rate = new double[] {alpha, beta};
            coef = new double[] {(alpha - k21) / (alpha - beta), (k21 - beta) / (alpha - beta)};
        } else {
            rate = new double[] {k10};
            coef = new double[] {1};
        }
    }

    /** The disposition rates, fastest first (alpha, beta; or k10). */
    double[] rates() {
        return rate.clone();
    }

    /** (1 - e^(-x t)) / x, and t when x = 0. */
    static double phi(double x, double t) {
        double xt = x * t;
        return Math.abs(xt) < 1e-300 ? t : -Math.expm1(-xt) / x;
    }

    /** Concentration at each time (sorted or not). */
    double[] at(List<Dose> doses, double[] times) {
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double c = 0;
            for (Dose d : doses) {
                double tau = times[i] - d.time();
                if (tau > 0) {
                    c += contribution(d, tau);
                }
            }
            out[i] = c;
        }
        return out;
    }

    private double contribution(Dose d, double tau) {
        double c = 0;
        for (int j = 0; j < rate.length; j++) {
            double l = rate[j];
            double unit = coef[j] / vc;
            if (d.route().absorbed()) {
                if (ka <= 0) {
                    throw new IllegalArgumentException("a " + d.route() + " dose needs a model with absorption (ka)");
                }
                double lo = Math.min(l, ka);
                double hi = Math.max(l, ka);
                c += f * d.amount() * ka * unit * Math.exp(-lo * tau) * phi(hi - lo, tau);
            } else if (d.duration() > 0) {
                double r = d.amount() / d.duration();
                c += tau <= d.duration() ? r * unit * phi(l, tau)
                    : r * unit * phi(l, d.duration()) * Math.exp(-l * (tau - d.duration()));
            } else {
                c += d.amount() * unit * Math.exp(-l * tau);
            }
        }
        return c;
    }
}
