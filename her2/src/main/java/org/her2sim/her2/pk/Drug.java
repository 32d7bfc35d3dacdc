// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.SourceLocation;

/**
 * A drug of {@code drugs.yaml}: its PK models and what is needed to turn its concentration into
 * receptor occupancy.
 *
 * @param onOff true for the simple on/off exposure model (no concentrations)
 * @param molecularWeightKda molecular weight in kDa, or null
 * @param kdNm affinity for HER2 (and shed ECD) in nM, or null when not known
 * @param targetTrough efficacy target trough in ug/mL, or null
 * @param models by id, in file order
 */
public record Drug(String id, String name, List<String> aliases, boolean onOff, Double molecularWeightKda, Double kdNm,
                   Double targetTrough, String defaultModel, Map<String, DrugModel> models, List<Published> published,
                   SourceLocation at) {
    public Drug {
        aliases = List.copyOf(aliases);
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
        published = List.copyOf(published);
    }

    /** True when {@code word} is its id, name or an alias, ignoring case. */
    public boolean answersTo(String word) {
        return id.equalsIgnoreCase(word) || name.equalsIgnoreCase(word) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(word));
    }

    /** The model used when none is named. */
    public DrugModel model() {
        return models.get(defaultModel);
    }
}
