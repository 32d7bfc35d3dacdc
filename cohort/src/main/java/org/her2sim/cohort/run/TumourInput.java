// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.io.Serializable;
import java.util.List;

/**
 * One distinct profile of a tumour-dynamics run and the patients who have it.
 *
 * @param key the profile key
 * @param patients patient ids, in cohort order (each patient's tumour seed comes from its id)
 */
public record TumourInput(ProfileKey key, List<String> patients) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TumourInput {
        patients = List.copyOf(patients);
    }
}
