// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.List;

/**
 * A virtual cohort as sampled or read back.
 *
 * @param seed the seed it was drawn with
 * @param setting the treatment setting
 * @param version the her2sim version that drew it
 * @param patients the patients, in index order
 */
public record Cohort(long seed, Setting setting, String version, List<Patient> patients) {
    public Cohort {
        patients = List.copyOf(patients);
    }
}
