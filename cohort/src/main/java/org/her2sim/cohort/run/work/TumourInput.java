// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.io.Serializable;
import java.util.List;
import org.her2sim.cohort.run.request.PatientPk;
import org.her2sim.cohort.run.request.ProfileKey;

/**
 * One distinct profile of a tumour-dynamics run and the patients who have it.
 *
 * @param key the profile key
 * @param patients patient ids, in cohort order (each patient's tumour seed comes from its id)
 * @param pk each patient's PK covariates and scores, in the same order (empty when no therapy is dosed)
 */
public record TumourInput(ProfileKey key, List<String> patients, List<PatientPk> pk) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TumourInput {
        patients = List.copyOf(patients);
        pk = List.copyOf(pk);
        if (!pk.isEmpty() && pk.size() != patients.size()) {
            throw new IllegalArgumentException(pk.size() + " PK entries for " + patients.size() + " patients");
        }
    }

    /** Without PK (every therapy continuous). */
    public TumourInput(ProfileKey key, List<String> patients) {
        this(key, patients, List.of());
    }
}
