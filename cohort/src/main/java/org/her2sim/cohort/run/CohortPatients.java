// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.Feature;
import org.her2sim.cohort.virtual.Patient;
import org.her2sim.cohort.virtual.PatientProfiles;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.engine.model.ModelException;
import org.her2sim.engine.model.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.Profile;

/**
 * A cohort reduced to what a run needs, in little memory: per patient its id, its features as
 * bits and the index of its {@link ProfileKey}; the distinct keys in order of first appearance.
 * A patient's profile (from {@link PatientProfiles}) depends only on its features, so it is
 * resolved once per distinct feature set.
 */
public final class CohortPatients {
    private final List<String> features;
    private final List<String> mapsTo;
    private final String[] ids;
    private final long[] bits;
    private final int[] keyIndex;
    private final List<ProfileKey> keys;
    private final List<String> warnings;

    private CohortPatients(List<String> features, List<String> mapsTo, String[] ids, long[] bits, int[] keyIndex, List<ProfileKey> keys,
                           List<String> warnings) {
        this.features = features;
        this.mapsTo = mapsTo;
        this.ids = ids;
        this.bits = bits;
        this.keyIndex = keyIndex;
        this.keys = keys;
        this.warnings = warnings;
    }

    /**
     * Resolves every patient against the catalog (strictly).
     *
     * @param source the cohort file's name, for messages
     * @throws ModelException when a patient's profile does not resolve, naming the patient
     */
    public static CohortPatients of(Cohort cohort, PrevalenceModel model, Catalog catalog, String source) {
        List<Patient> ps = cohort.patients();
        List<String> features = ps.isEmpty() ? List.of() : new ArrayList<>(ps.get(0).features().keySet());
        if (features.size() > 63) {
            throw new ModelException(SourceLocation.of(source), "more than 63 feature columns");
        }
        int n = ps.size();
        String[] ids = new String[n];
        long[] bits = new long[n];
        int[] keyIndex = new int[n];
        Map<Long, Integer> byBits = new HashMap<>();
        Map<ProfileKey, Integer> byKey = new HashMap<>();
        List<ProfileKey> keys = new ArrayList<>();
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Patient p = ps.get(i);
            long b = 0;
            for (int f = 0; f < features.size(); f++) {
                if (p.has(features.get(f))) {
                    b |= 1L << f;
                }
            }
            Integer k = byBits.get(b);
            if (k == null) {
                Profile.Resolved r = PatientProfiles.of(p, cohort, model, source).profile().resolve(catalog, false);
                for (String w : r.warnings()) {
                    warnings.add(w.substring(w.indexOf(": ") + 2));
                }
                ProfileKey key = ProfileKey.of(r);
                k = byKey.get(key);
                if (k == null) {
                    k = keys.size();
                    keys.add(key);
                    byKey.put(key, k);
                }
                byBits.put(b, k);
            }
            ids[i] = p.id();
            bits[i] = b;
            keyIndex[i] = k;
        }
        List<String> mapsTo = new ArrayList<>();
        for (String f : features) {
            mapsTo.add(mapsTo(model.feature(f), catalog));
        }
        return new CohortPatients(List.copyOf(features), List.copyOf(mapsTo), ids, bits, keyIndex, List.copyOf(keys), List.copyOf(warnings));
    }

    /** What a feature means in the model: {@code PIK3CA activating (pik3ca_activation)}, a mechanism id, or {@code none}. */
    static String mapsTo(Feature f, Catalog catalog) {
        if (f == null) {
            return "unknown";
        }
        if (!f.gene().isEmpty()) {
            String gene = catalog.genes().gene(f.gene());
            String target = gene == null ? null : catalog.genes().target(gene, f.kind());
            return f.gene() + " " + f.kind() + (target == null ? "" : " (" + target + ")");
        }
        return f.mechanism().isEmpty() ? "none" : f.mechanism();
    }

    /** The number of patients. */
    public int size() {
        return ids.length;
    }

    /** Feature ids, in the cohort file's column order. */
    public List<String> features() {
        return features;
    }

    /** What each feature maps to in the model, in the order of {@link #features()}. */
    public List<String> mapsTo() {
        return mapsTo;
    }

    /** A patient's id. */
    public String id(int patient) {
        return ids[patient];
    }

    /** True when the patient has feature number {@code f}. */
    public boolean has(int patient, int f) {
        return (bits[patient] >>> f & 1) == 1;
    }

    /** The index into {@link #keys()} of a patient's profile key. */
    public int keyIndex(int patient) {
        return keyIndex[patient];
    }

    /** Distinct profile keys, in order of first appearance. */
    public List<ProfileKey> keys() {
        return keys;
    }

    /** Distinct warnings of profile resolution (alterations the model does not cover). */
    public List<String> warnings() {
        return warnings;
    }

    /** Patient ids per distinct key, in cohort order. */
    public List<List<String>> idsByKey() {
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.length; i++) {
            out.get(keyIndex[i]).add(ids[i]);
        }
        return out;
    }

    /** Patients per distinct key. */
    public int[] counts() {
        int[] c = new int[keys.size()];
        for (int k : keyIndex) {
            c[k]++;
        }
        return c;
    }
}
