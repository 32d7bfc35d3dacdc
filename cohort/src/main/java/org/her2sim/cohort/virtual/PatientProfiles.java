// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.ArrayList;
import java.util.List;
import org.her2sim.cohort.classify.Call;
import org.her2sim.cohort.profile.SampleProfile;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.profile.Profile;

/**
 * Virtual patients as HER2 model profiles: every patient is HER2-amplified ({@code ERBB2
 * amplified}, the modelled tumour); each present feature adds its alteration or mechanism, and a
 * feature that maps to nothing is listed as unclassified with its reason.
 */
public final class PatientProfiles {
    private PatientProfiles() {
    }

    /**
     * The profile of one patient.
     *
     * @param source names the cohort (a file name) in the description and locations
     * @throws ModelException when the patient has a feature the model does not define
     */
    public static SampleProfile of(Patient p, Cohort cohort, PrevalenceModel model, String source) {
        return of(p, cohort.seed(), cohort.setting(), model, source);
    }

    /** The profile of one patient of a cohort drawn with that seed and setting. */
    public static SampleProfile of(Patient p, long seed, Setting setting, PrevalenceModel model, String source) {
        SourceLocation at = SourceLocation.of(source + ", patient " + p.id());
        List<Call.Altered> altered = new ArrayList<>();
        List<Call.Unclassified> unclassified = new ArrayList<>();
        List<Profile.Named> mechanisms = new ArrayList<>();
        altered.add(new Call.Altered(p.id(), "ERBB2", "amplified", "", "cohort: HER2-positive", List.of(), at));
        for (String id : p.features().keySet()) {
            if (!p.has(id)) {
                continue;
            }
            Feature f = model.feature(id);
            if (f == null) {
                throw new ModelException(at, "feature '" + id + "' is not in " + model.source());
            }
            if (!f.gene().isEmpty()) {
                altered.add(new Call.Altered(p.id(), f.gene(), f.kind(), id, "cohort feature", f.sources(), at));
            } else if (!f.mechanisms().isEmpty()) {
                f.mechanisms().forEach(m -> mechanisms.add(new Profile.Named(m, at)));
            } else {
                unclassified.add(new Call.Unclassified(p.id(), "", id, f.none(), at));
            }
        }
        List<Profile.Alteration> alterations = new ArrayList<>();
        altered.forEach(a -> alterations.add(new Profile.Alteration(a.gene(), a.kind(), a.variant(), a.at())));
        String description = String.format(java.util.Locale.ROOT, "Virtual patient %s of %s (seed %d, %s; weight %.1f kg, serum ECD %.2f ng/mL, %d metastatic site%s)",
            p.id(), source, seed, setting.id(), p.weightKg(), p.serumEcdNgMl(), p.metastaticSites(),
            p.metastaticSites() == 1 ? "" : "s");
        Profile profile = new Profile(p.id(), description, alterations, mechanisms, List.of());
        return new SampleProfile(p.id(), List.of(source), profile, altered, unclassified);
    }
}
