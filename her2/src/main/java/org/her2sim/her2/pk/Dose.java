// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

/**
 * One administration.
 *
 * @param time start, days from the first scheduled dose
 * @param amount mg (NaN for a dose in mg/m2, used only by on/off exposure)
 * @param duration infusion length in days (0: bolus)
 * @param route where it goes: IV into the central compartment, SC and oral into the absorption depot
 * @param cycle the cycle it belongs to, from 1
 */
public record Dose(double time, double amount, double duration, Route route, int cycle) {

    /** Routes of administration. */
    public enum Route {
        IV, SC, ORAL;

        /** True when the dose goes through first-order absorption. */
        public boolean absorbed() {
            return this != IV;
        }
    }
}
