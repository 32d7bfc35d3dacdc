// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Profile;

/**
 * Profiles reduced to distinct keys for a screen: a profile whose key is already there adds its
 * name to that key's label ({@code a;b}) and one to its weight.
 */
public final class DistinctProfiles {
    private final Map<ProfileKey, Integer> seen = new LinkedHashMap<>();
    private final List<ProfileKey> keys;
    private final List<String> labels;
    private final List<Integer> weights;

    /** Appends to these lists (kept in step: one entry per distinct key). */
    public DistinctProfiles(List<ProfileKey> keys, List<String> labels, List<Integer> weights) {
        this.keys = keys;
        this.labels = labels;
        this.weights = weights;
    }

    /** Resolves a profile (strictly) and counts it under its key. */
    public void add(Profile p, Catalog catalog) {
        ProfileKey key = ProfileKey.of(p.resolve(catalog, false));
        Integer at = seen.get(key);
        if (at == null) {
            seen.put(key, keys.size());
            keys.add(key);
            labels.add(p.name());
            weights.add(1);
        } else {
            labels.set(at, labels.get(at) + ";" + p.name());
            weights.set(at, weights.get(at) + 1);
        }
    }
}
