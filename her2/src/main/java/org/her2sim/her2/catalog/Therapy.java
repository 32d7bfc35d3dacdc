// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;

/**
 * A therapy from {@code therapies.yaml}: its drug nodes, switched on at the response's
 * {@code treatment_start}, and what the review says of it.
 *
 * @param drugClass the {@code class} field (e.g. monoclonal antibody)
 * @param addon true when it is a candidate add-on for rescues
 * @param evidence the highest level of clinical evidence in HER2-positive (or HER2-low) breast cancer, one of {@link #EVIDENCE}
 * @param sameAs the therapy it cannot be told apart from in the network, and why; null if none
 */
public record Therapy(String id, String name, List<String> aliases, String drugClass, String target, List<String> modes,
                      Citation citation, List<String> drugs, boolean addon, String evidence, SameAs sameAs, SourceLocation at) {
    /** Evidence levels, strongest first. */
    public static final List<String> EVIDENCE = List.of("approved", "phase 3", "phase 1-2", "preclinical");

    /** True when the evidence is preclinical only (rescues leave it out unless asked). */
    public boolean preclinical() {
        return "preclinical".equals(evidence);
    }

    public Therapy {
        aliases = List.copyOf(aliases);
        modes = List.copyOf(modes);
        drugs = List.copyOf(drugs);
    }

    /** True when {@code word} is its id, name or an alias, ignoring case. */
    public boolean answersTo(String word) {
        String w = key(word);
        if (key(id).equals(w) || key(name).equals(w)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> key(a).equals(w));
    }

    /** Case, spaces, hyphens and underscores do not matter: "T-DM1" is t_dm1, "Trastuzumab deruxtecan" is trastuzumab_deruxtecan. */
    static String key(String word) {
        return word.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }
}
