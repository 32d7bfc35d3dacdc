// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

/**
 * One cohort feature's results: the patients who have it and those who do not.
 *
 * @param feature the feature's id
 * @param mapsTo the model alterations it stands for
 * @param <G> the results of one group
 */
public record Subgroup<G extends Subgroup.Group>(String feature, String mapsTo, G present, G absent) {
    /** One group's results, with the rate a run is summed up by. */
    public interface Group {
        /** The headline rate: response (therapy runs) or objective response (regimen runs). */
        Rate headline();
    }
}
