// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.cohort.classify.Call;
import org.her2sim.cohort.classify.ClassificationTable;
import org.her2sim.cohort.variant.Observation;
import org.her2sim.cohort.variant.VariantSet;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.GeneMap;
import org.her2sim.her2.profile.Profile;

/**
 * Collects variants from any number of files, classifies them and builds one {@link SampleProfile}
 * per sample; files are merged by sample name. An alteration is kept only when the HER2 model
 * has that gene and kind ({@code genes.yaml}), so every profile built resolves without
 * {@code --lenient}; the rest go to the unclassified list with the reason. Not thread-safe.
 */
public final class ProfileBuilder {
    private final ClassificationTable table;
    private final GeneMap genes;
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private final Set<String> defaults = new LinkedHashSet<>();

    /** Per-sample state. */
    private static final class Sample {
        final Set<String> files = new LinkedHashSet<>();
        final List<Call.Altered> altered = new ArrayList<>();
        final List<Call.Unclassified> unclassified = new ArrayList<>();
        final List<Profile.Named> mechanisms = new ArrayList<>();
        final List<Profile.Setting> context = new ArrayList<>();
        String description = "";
    }

    /**
     * @param table the classification table
     * @param genes the HER2 model's gene map, which decides what a profile may contain
     */
    public ProfileBuilder(ClassificationTable table, GeneMap genes) {
        this.table = table;
        this.genes = genes;
    }

    /** Adds every observation of a file, and its samples. */
    public ProfileBuilder add(VariantSet set) {
        for (String s : set.declared()) {
            sample(s).files.add(set.file());
        }
        defaults.addAll(set.samples());
        for (Observation o : set.observations()) {
            Sample s = sample(o.sample());
            s.files.add(set.file());
            add(s, table.classify(o));
        }
        return this;
    }

    /** Adds a YAML profile as the sample of its name: its alterations are checked against the model like any other. */
    public ProfileBuilder add(Profile p, String file) {
        Sample s = sample(p.name());
        defaults.add(p.name());
        s.files.add(file);
        if (s.description.isEmpty()) {
            s.description = p.description();
        }
        for (Profile.Alteration a : p.alterations()) {
            add(s, new Call.Altered(p.name(), a.gene(), a.kind(), a.variant(), "profile", List.of(), a.at()));
        }
        s.mechanisms.addAll(p.mechanisms());
        s.context.addAll(p.context());
        return this;
    }

    private Sample sample(String name) {
        return samples.computeIfAbsent(name, k -> new Sample());
    }

    private void add(Sample s, Call call) {
        if (call instanceof Call.Unclassified u) {
            String gene = genes.gene(u.gene());
            String reason = u.reason();
            if (gene != null && reason.startsWith("gene not in the classification table")) {
                reason += " (the HER2 model lists " + gene + ")";
            }
            s.unclassified.add(new Call.Unclassified(u.sample(), u.gene(), u.variant(), reason, u.at()));
            return;
        }
        Call.Altered a = (Call.Altered) call;
        String gene = genes.gene(a.gene());
        if (gene == null) {
            s.unclassified.add(new Call.Unclassified(a.sample(), a.gene(), a.variant(), a.gene() + " " + a.kind()
                + ": the gene is not in the HER2 model (" + Catalog.GENES + ")", a.at()));
            return;
        }
        if (genes.target(gene, a.kind()) == null) {
            s.unclassified.add(new Call.Unclassified(a.sample(), gene, a.variant(), gene + " " + a.kind()
                + ": the HER2 model has no mechanism for this kind (" + Catalog.GENES + ")", a.at()));
            return;
        }
        for (Call.Altered old : s.altered) {
            if (old.gene().equals(gene) && old.kind().equals(a.kind()) && old.variant().equals(a.variant())) {
                return;
            }
        }
        s.altered.add(new Call.Altered(a.sample(), gene, a.kind(), a.variant(), a.rule(), a.sources(), a.at()));
    }

    /** Every sample name the inputs know, in first-seen order. */
    public List<String> declared() {
        return new ArrayList<>(samples.keySet());
    }

    /**
     * The profiles.
     *
     * @param only the samples wanted (as with {@code --sample}); empty for each file's default samples
     * @throws ModelException when a wanted sample is in no input, listing the known ones
     */
    public List<SampleProfile> build(List<String> only) {
        List<String> names = only.isEmpty() ? new ArrayList<>(defaults) : only;
        List<SampleProfile> out = new ArrayList<>();
        for (String name : names) {
            Sample s = samples.get(name);
            if (s == null) {
                throw new ModelException(SourceLocation.of("--sample"), "no sample '" + name + "' in the inputs (samples: "
                    + String.join(", ", samples.keySet()) + ")");
            }
            out.add(profile(name, s));
        }
        return out;
    }

    private static SampleProfile profile(String name, Sample s) {
        List<Profile.Alteration> alterations = new ArrayList<>();
        for (Call.Altered a : s.altered) {
            alterations.add(new Profile.Alteration(a.gene(), a.kind(), a.variant(), a.at()));
        }
        List<String> files = new ArrayList<>(s.files);
        String description = !s.description.isEmpty() && files.size() == 1 ? s.description
            : "From " + String.join(", ", files) + ", sample " + name + " (her2sim profile)";
        Profile p = new Profile(name, description, alterations, s.mechanisms, s.context);
        return new SampleProfile(name, files, p, s.altered, s.unclassified);
    }
}
