// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A virtual patient: yes/no features and the covariates later pharmacokinetics needs.
 *
 * @param id {@code P000001} for index 0
 * @param index the 0-based position in its cohort, which with the seed fixes every draw
 * @param features feature id to present, in the model's order
 * @param weightKg body weight in kg, to 0.1
 * @param serumEcdNgMl serum HER2 extracellular domain in ng/mL, to 0.01
 * @param metastaticSites number of metastatic sites, at least 1
 */
public record Patient(String id, int index, Map<String, Boolean> features, double weightKg, double serumEcdNgMl, int metastaticSites) {
    public Patient {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
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
