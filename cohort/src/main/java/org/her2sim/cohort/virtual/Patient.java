// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.pk.PkParams;

/**
 * A virtual patient: yes/no features and the covariates pharmacokinetics needs.
 *
 * @param id {@code P000001} for index 0
 * @param index the 0-based position in its cohort, which with the seed fixes every draw
 * @param features feature id to present, in the model's order
 * @param weightKg body weight in kg, to 0.1
 * @param serumEcdNgMl serum HER2 extracellular domain in ng/mL, to 0.01
 * @param metastaticSites number of metastatic sites, at least 1
 * @param pkZ the patient's between-patient PK variability as standard normal scores, one per
 *     {@link #PK_PARAMETERS} entry, to 0.001 (a drug model turns score z into {@code eta = omega z});
 *     empty for the typical patient (cohort files written before PK variability)
 */
public record Patient(String id, int index, Map<String, Boolean> features, double weightKg, double serumEcdNgMl, int metastaticSites,
                      List<Double> pkZ) {
    /** The PK parameters a score is drawn for, in draw and column order. */
    public static final List<String> PK_PARAMETERS = PkParams.NAMES;

    public Patient {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        pkZ = List.copyOf(pkZ);
        if (!pkZ.isEmpty() && pkZ.size() != PK_PARAMETERS.size()) {
            throw new IllegalArgumentException("pkZ needs " + PK_PARAMETERS.size() + " scores or none, not " + pkZ.size());
        }
    }

    /** A typical-PK patient (no random effects). */
    public Patient(String id, int index, Map<String, Boolean> features, double weightKg, double serumEcdNgMl, int metastaticSites) {
        this(id, index, features, weightKg, serumEcdNgMl, metastaticSites, List.of());
    }

    /** The id of the patient at an index. */
    public static String idOf(int index) {
        return String.format("P%06d", index + 1);
    }

    /** True when the patient has the feature. */
    public boolean has(String feature) {
        return Boolean.TRUE.equals(features.get(feature));
    }
}
