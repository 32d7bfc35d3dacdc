// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

/**
 * What to simulate: a drug model, a regimen with its modifications, a patient and how many days.
 * Checked on construction.
 */
public record PkRequest(Drug drug, DrugModel model, Regimen regimen, Patient patient, double days, Modifications mods) {
    /** Longest simulation, days (10 years). */
    public static final double MAX_DAYS = 3650;

    public PkRequest {
        if (!regimen.drug().equals(drug.id()) || !model.drug().equals(drug.id())) {
            throw new IllegalArgumentException("regimen " + regimen.id() + " and model " + model.id() + " must both be of drug " + drug.id());
        }
        if (!(days >= 1 && days <= MAX_DAYS)) {
            throw new PkInputException("days", "must be between 1 and " + (int) MAX_DAYS + ", not " + Patient.num(days));
        }
        if (regimen.route().absorbed() && !model.onOff() && !model.absorption()) {
            throw new PkInputException("model", "regimen " + regimen.id() + " is given " + regimen.route().name()
                + " and needs a model with first-order absorption (ka, f); " + drug.id() + " model " + model.id() + " has none");
        }
    }
}
