// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.List;
import org.her2sim.engine.model.SourceLocation;

/**
 * A therapy from {@code therapies.yaml}: its drug nodes, switched on at the response's
 * {@code treatment_start}, and what the review says of it.
 *
 * @param drugClass the {@code class} field (e.g. monoclonal antibody)
 * @param addon true when it is a candidate add-on for rescues
 */
public record Therapy(String id, String name, List<String> aliases, String drugClass, String target, List<String> modes,
                      Citation citation, List<String> drugs, boolean addon, SourceLocation at) {
    public Therapy {
        aliases = List.copyOf(aliases);
        modes = List.copyOf(modes);
        drugs = List.copyOf(drugs);
    }

    /** True when {@code word} is its id, name or an alias, ignoring case. */
    public boolean answersTo(String word) {
        if (id.equalsIgnoreCase(word) || name.equalsIgnoreCase(word)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> a.equalsIgnoreCase(word));
    }
}
