// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.profile;

import java.util.List;
import org.her2sim.cohort.classify.Call;
import org.her2sim.her2.profile.Profile;

/**
 * The profile of one sample as read from data files: the her2 {@link Profile} (what
 * {@code her2sim predict --profile} reads) with where each alteration came from, and the variants
 * listed but not applied.
 *
 * @param sample the sample name (the profile's name)
 * @param files the files it was read from, in order
 * @param profile the profile: alterations, and mechanisms and context when a YAML profile was an input
 * @param altered the alterations with their rule, sources and location, in the order of {@code profile.alterations()}
 * @param unclassified the variants not applied, with the reason
 */
public record SampleProfile(String sample, List<String> files, Profile profile, List<Call.Altered> altered,
                            List<Call.Unclassified> unclassified) {
    public SampleProfile {
        files = List.copyOf(files);
        altered = List.copyOf(altered);
        unclassified = List.copyOf(unclassified);
    }
}
