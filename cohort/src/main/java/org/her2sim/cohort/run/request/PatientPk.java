// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.request;

import java.io.Serializable;
import java.util.List;

/**
 * What a patient's pharmacokinetics depends on, as read from the cohort file.
 *
 * @param weightKg body weight, kg
 * @param serumEcdNgMl serum shed HER2 ECD, ng/mL
 * @param metastaticSites number of metastatic sites
 * @param z standard-normal PK scores per {@link org.her2sim.cohort.virtual.Patient#PK_PARAMETERS} entry, or empty (typical PK)
 */
public record PatientPk(double weightKg, double serumEcdNgMl, int metastaticSites, List<Double> z) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PatientPk {
        z = List.copyOf(z);
    }
}
