// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;

/**
 * The two-compartment PK model: concentrations in the central compartment (ug/mL) for a list of
 * doses. Linear models (no Michaelis-Menten elimination) are solved exactly in closed form
 * ({@link LinearPk}); the others with an adaptive Dormand-Prince 5(4) solver ({@link OdePk},
 * relative tolerance 1e-9). Concentrations are left-continuous: at a dose's start time, the
 * value before that dose (the trough).
 */
public final class PkModel {
    private PkModel() {
    }

    /** Concentrations at the given times (sorted ascending), solved exactly when the model is linear. */
    public static double[] concentrations(PkParams p, List<Dose> doses, double[] times) {
        return p.linear() ? new LinearPk(p).at(doses, times) : new OdePk(p).at(doses, times);
    }

    /** Concentrations by the ODE solver whatever the model, with the given tolerances (for checks against the closed form). */
    public static double[] concentrationsByOde(PkParams p, List<Dose> doses, double[] times, double rtol, double atol) {
        return new OdePk(p, rtol, atol).at(doses, times);
    }

    /** The terminal (beta) half-life in days of the model's linear part: ln 2 / beta. */
    public static double terminalHalfLife(PkParams p) {
        double[] rates = new LinearPk(p.withLinearClearance(p.cl())).rates();
        return Math.log(2) / rates[rates.length - 1];
    }

    /**
     * The terminal half-life with Michaelis-Menten elimination linearised at concentration
     * {@code c}: total clearance {@code CL + Vmax / (Km + c)}. For a linear model, the terminal half-life.
     */
    public static double halfLifeAt(PkParams p, double c) {
        double cl = p.linear() ? p.cl() : p.cl() + p.vmax() / (p.km() + c);
        return terminalHalfLife(p.withLinearClearance(cl));
    }
}
