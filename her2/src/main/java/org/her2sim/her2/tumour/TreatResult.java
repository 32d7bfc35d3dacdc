// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.util.List;
import java.util.Map;

/**
 * What a treated tumour did.
 *
 * @param days the day of each burden value (0 = first dose)
 * @param cells total tumour cells on each day
 * @param clones each clone's cells on each day, by label ("founder", "+pik3ca_activation", ...)
 * @param scans the RECIST assessments
 * @param bestResponse the best category before progression
 * @param progressionDay the day of the first PD scan, or -1 when none within the run
 * @param atProgression each clone's share of the cells at progression (or at the end when none)
 * @param basalDeath the basal death rate per day the calibration gave
 */
public record TreatResult(String profile, List<String> regimen, long seed, double[] days, double[] cells,
                          Map<String, double[]> clones, List<Scan> scans, Recist.Category bestResponse, double progressionDay,
                          Map<String, Double> atProgression, double basalDeath) {
    /** One assessment. */
    public record Scan(double day, double cells, double diameter, Recist.Category category) { }

    /** True when the disease progressed within the run. */
    public boolean progressed() {
        return progressionDay >= 0;
    }
}
