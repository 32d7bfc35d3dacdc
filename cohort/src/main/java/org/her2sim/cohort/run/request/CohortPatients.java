// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.request;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.Feature;
import org.her2sim.cohort.virtual.Patient;
import org.her2sim.cohort.virtual.PatientProfiles;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
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
    private final int size;
    /** Ids other than the usual one of their row ({@link Patient#idOf}), by row. */
    private final Map<Integer, String> ids;
    private final long[] bits;
    private final int[] keyIndex;
    private final List<ProfileKey> keys;
    private final List<String> warnings;
    /** Per patient: weight, ECD, metastatic sites, then the PK scores (NaN when the file has none); empty when not kept. */
    private final float[] pk;

    private CohortPatients(List<String> features, List<String> mapsTo, int size, Map<Integer, String> ids, long[] bits, int[] keyIndex,
                           List<ProfileKey> keys, List<String> warnings, float[] pk) {
        this.features = features;
        this.size = size;
        this.mapsTo = mapsTo;
        this.ids = ids;
        this.bits = bits;
        this.keyIndex = keyIndex;
        this.keys = keys;
        this.warnings = warnings;
        this.pk = pk;
    }

    /** Floats per patient in {@code pk}. */
    private static final int PK_WIDTH = 3 + Patient.PK_PARAMETERS.size();

    /** Collects patients one at a time. */
    private static final class Builder {
        private final long seed;
        private final Setting setting;
        private final PrevalenceModel model;
        private final Catalog catalog;
        private final String source;
        private final boolean keepPk;
        private List<String> features;
        private int n;
        private final Map<Integer, String> ids = new HashMap<>();
        private long[] bits = new long[1024];
        private int[] keyIndex = new int[1024];
        private float[] pk;
        private final Map<Long, Integer> byBits = new HashMap<>();
        private final Map<ProfileKey, Integer> byKey = new HashMap<>();
        private final List<ProfileKey> keys = new ArrayList<>();
        private final LinkedHashSet<String> warnings = new LinkedHashSet<>();

        Builder(long seed, Setting setting, PrevalenceModel model, Catalog catalog, String source, boolean keepPk) {
            this.keepPk = keepPk;
            this.pk = new float[keepPk ? 1024 * PK_WIDTH : 0];
            this.seed = seed;
            this.setting = setting;
            this.model = model;
            this.catalog = catalog;
            this.source = source;
        }

        void add(Patient p) {
            if (features == null) {
                features = new ArrayList<>(p.features().keySet());
                if (features.size() > 63) {
                    throw new ModelException(SourceLocation.of(source), "more than 63 feature columns");
                }
            }
            long b = 0;
            for (int f = 0; f < features.size(); f++) {
                if (p.has(features.get(f))) {
                    b |= 1L << f;
                }
            }
            Integer k = byBits.get(b);
            if (k == null) {
                Profile.Resolved r = PatientProfiles.of(p, seed, setting, model, source).profile().resolve(catalog, false);
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
            if (n == bits.length) {
                int m = n * 2;
                bits = Arrays.copyOf(bits, m);
                keyIndex = Arrays.copyOf(keyIndex, m);
                pk = Arrays.copyOf(pk, keepPk ? m * PK_WIDTH : 0);
            }
            if (!p.id().equals(Patient.idOf(n))) {
                ids.put(n, p.id());
            }
            bits[n] = b;
            keyIndex[n] = k;
            if (keepPk) {
                keepPk(p);
            }
            n++;
        }

        private void keepPk(Patient p) {
            int at = n * PK_WIDTH;
            pk[at] = (float) p.weightKg();
            pk[at + 1] = (float) p.serumEcdNgMl();
            pk[at + 2] = p.metastaticSites();
            for (int z = 0; z < Patient.PK_PARAMETERS.size(); z++) {
                pk[at + 3 + z] = p.pkZ().isEmpty() ? Float.NaN : p.pkZ().get(z).floatValue();
            }
        }

        CohortPatients build() {
            List<String> fs = features == null ? List.of() : features;
            List<String> mapsTo = new ArrayList<>();
            for (String f : fs) {
                mapsTo.add(mapsTo(model.feature(f), catalog));
            }
            return new CohortPatients(List.copyOf(fs), List.copyOf(mapsTo), n, Map.copyOf(ids), Arrays.copyOf(bits, n), Arrays.copyOf(keyIndex, n),
                List.copyOf(keys), List.copyOf(warnings), keepPk ? Arrays.copyOf(pk, n * PK_WIDTH) : new float[0]);
        }
    }

    /**
     * Resolves every patient against the catalog (strictly).
     *
     * @param source the cohort file's name, for messages
     * @throws ModelException when a patient's profile does not resolve, naming the patient
     */
    public static CohortPatients of(Cohort cohort, PrevalenceModel model, Catalog catalog, String source) {
        Builder b = new Builder(cohort.seed(), cohort.setting(), model, catalog, source, true);
        cohort.patients().forEach(b::add);
        return b.build();
    }

    /**
     * Reads a cohort file a patient at a time and resolves each patient (strictly). What is kept per
     * patient: 12 bytes (features as bits, profile index), its id only when it is not the usual
     * {@code P000001}-style id of its row, and 44 bytes of PK covariates when {@code keepPk}.
     *
     * @throws ModelException for a malformed file, or a patient whose profile does not resolve
     */
    public static CohortPatients read(Path file, PrevalenceModel model, Catalog catalog, boolean keepPk) throws IOException {
        Builder[] b = new Builder[1];
        CohortFile.scan(file, h -> {
            b[0] = new Builder(h.seed(), h.setting(), model, catalog, file.getFileName().toString(), keepPk);
            return b[0]::add;
        });
        return b[0].build();
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
        return size;
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
        String id = ids.get(patient);
        return id != null ? id : Patient.idOf(patient);
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
        for (int i = 0; i < size; i++) {
            out.get(keyIndex[i]).add(id(i));
        }
        return out;
    }

    /**
     * A patient's PK covariates and scores (scores empty when the cohort file has none).
     *
     * @throws IllegalStateException when the cohort was read without its PK covariates
     */
    public PatientPk pk(int patient) {
        if (pk.length == 0 && size > 0) {
            throw new IllegalStateException("the cohort was read without PK covariates");
        }
        int at = patient * PK_WIDTH;
        List<Double> z = new ArrayList<>();
        for (int k = 0; k < Patient.PK_PARAMETERS.size() && !Float.isNaN(pk[at + 3 + k]); k++) {
            z.add(round(pk[at + 3 + k]));
        }
        return new PatientPk(round(pk[at]), round(pk[at + 1]), (int) pk[at + 2], z);
    }

    /** True when the cohort file gave PK scores. */
    public boolean hasPkScores() {
        return pk.length > 0 && !Float.isNaN(pk[3]);
    }

    /** Back from float to the file's decimals (at most 3, well within a float's precision). */
    private static double round(float x) {
        return Math.round(x * 1000.0) / 1000.0;
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
