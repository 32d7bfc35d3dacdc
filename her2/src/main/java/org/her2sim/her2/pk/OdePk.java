// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;
import java.util.TreeSet;

/**
 * The two-compartment model with Michaelis-Menten elimination (or any parameters), solved with
 * {@link DormandPrince}. Amounts (mg) in the absorption depot {@code Ad}, central {@code A1} and
 * peripheral {@code A2} compartments, with {@code C = A1 / Vc}:
 * <pre>
 * dAd/dt = -ka Ad
 * dA1/dt = ka Ad + R(t) - CL C - Vmax C / (Km + C) - Q C + Q A2 / Vp
 * dA2/dt = Q C - Q A2 / Vp
 * </pre>
 * R(t) is the sum of running infusions; boluses jump A1 (IV) or Ad (F times the SC or oral
 * dose). The solver stops at every dose, infusion end and output time; outputs are taken
 * before the doses due at that time (left-continuous, as {@link LinearPk}).
 */
final class OdePk {
    /** Default tolerances: relative and absolute (mg). */
    static final double RTOL = 1e-9;
    static final double ATOL = 1e-9;

    private final PkParams p;
    private final double rtol;
    private final double atol;

    OdePk(PkParams p, double rtol, double atol) {
        this.p = p;
        this.rtol = rtol;
        this.atol = atol;
    }

    OdePk(PkParams p) {
        this(p, RTOL, ATOL);
    }

    /** Concentration at each time; {@code times} must be sorted ascending. */
    double[] at(List<Dose> doses, double[] times) {
        TreeSet<Double> breaks = new TreeSet<>();
        for (Dose d : doses) {
            if (d.route().absorbed() && p.ka() <= 0) {
                throw new IllegalArgumentException("a " + d.route() + " dose needs a model with absorption (ka)");
            }
            breaks.add(d.time());
            if (d.route() == Dose.Route.IV && d.duration() > 0) {
                breaks.add(d.time() + d.duration());
            }
        }
        for (double t : times) {
            breaks.add(t);
        }
        double[] y = new double[3];
        double[] out = new double[times.length];
        DormandPrince solver = new DormandPrince(rtol, atol);
        int next = 0;
        double t = breaks.isEmpty() ? 0 : Math.min(0, breaks.first());
        for (double b : breaks) {
            if (b > t) {
                double r = infusionRate(doses, (t + b) / 2);
                solver.integrate((tt, yy, dy) -> rhs(yy, r, dy), t, y, b);
                t = b;
            }
            while (next < times.length && times[next] == b) {
                out[next++] = y[1] / p.vc();
            }
            for (Dose d : doses) {
                if (d.time() == b) {
                    if (d.route().absorbed()) {
                        y[0] += p.f() * d.amount();
                    } else if (d.duration() == 0) {
                        y[1] += d.amount();
                    }
                }
            }
        }
        return out;
    }

    private static double infusionRate(List<Dose> doses, double t) {
        double r = 0;
        for (Dose d : doses) {
            if (d.route() == Dose.Route.IV && d.duration() > 0 && d.time() <= t && t < d.time() + d.duration()) {
                r += d.amount() / d.duration();
            }
        }
        return r;
    }

    private void rhs(double[] y, double rate, double[] dy) {
        double c = y[1] / p.vc();
        double mm = p.vmax() > 0 ? p.vmax() * c / (p.km() + c) : 0;
        double toPeriph = p.twoCompartment() ? p.q() * c - p.q() * y[2] / p.vp() : 0;
        double absorbed = p.ka() * y[0];
        dy[0] = -absorbed;
        dy[1] = absorbed + rate - p.cl() * c - mm - toPeriph;
        dy[2] = toPeriph;
    }
}
