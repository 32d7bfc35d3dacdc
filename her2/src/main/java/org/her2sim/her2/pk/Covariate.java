// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import org.her2sim.engine.error.SourceLocation;

/**
 * A covariate effect on one parameter: {@code POWER} multiplies it by
 * {@code (min(value, cap) / reference)^exponent}; {@code FACTOR} multiplies it by {@code factor}
 * when the covariate is at least {@code atLeast} (1 for true/false covariates). A covariate the
 * patient does not give has no effect (the patient is at the reference).
 *
 * @param cap the value above which the effect stops growing, or null
 */
public record Covariate(String parameter, String covariate, Kind kind, double reference, double exponent, Double cap,
                        double atLeast, double factor, SourceLocation at) {

    /** How the covariate acts. */
    public enum Kind { POWER, FACTOR }

    /** The multiplier for a patient. */
    public double multiplier(Patient p) {
        Double v = p.covariate(covariate);
        if (v == null) {
            return 1;
        }
        if (kind == Kind.FACTOR) {
            return v >= atLeast ? factor : 1;
        }
        double x = cap != null ? Math.min(v, cap) : v;
        return Math.pow(x / reference, exponent);
    }
}
