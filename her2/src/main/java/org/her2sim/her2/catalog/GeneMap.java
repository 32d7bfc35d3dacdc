// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code genes.yaml}: gene and alteration kind to a mechanism id, or {@value #BASELINE} when the
 * alteration is part of the modelled tumour already (ERBB2 amplification in a HER2+ tumour), or
 * {@value #UNMODELLED} when the review names it but explains no mechanism (a profile gets a
 * warning, not an error).
 * Gene names are matched ignoring case; the optional {@code aliases:} map adds other names (HGNC
 * aliases) for a gene.
 *
 * @param genes gene to (kind to mechanism id or {@value #BASELINE}), in file order
 * @param aliases alias to gene
 * @param her2Status HER2 class ({@link #HER2_CLASSES}) to the mechanisms a profile's {@code her2:} status adds
 */
public record GeneMap(Map<String, Map<String, String>> genes, Map<String, String> aliases, Map<String, List<String>> her2Status) {
    /** The target meaning "nothing to apply". */
    public static final String BASELINE = "baseline";
    /** The target meaning "known, but no mechanism in the model". */
    public static final String UNMODELLED = "unmodelled";
    /** The alteration kinds. */
    public static final List<String> KINDS = List.of("loss", "gain", "activating", "overexpressed", "amplified");
    /** HER2 classes of a profile's {@code her2:} status, highest first ("3+" = amplified). */
    public static final List<String> HER2_CLASSES = List.of("3+", "2+", "1+", "ultralow", "0");

    public GeneMap {
        Map<String, Map<String, String>> g = new LinkedHashMap<>();
        genes.forEach((k, v) -> g.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        genes = Collections.unmodifiableMap(g);
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        Map<String, List<String>> h = new LinkedHashMap<>();
        her2Status.forEach((k, v) -> h.put(k, List.copyOf(v)));
        her2Status = Collections.unmodifiableMap(h);
    }

    /** The gene as spelled in {@code genes.yaml} for a name or alias in any case, or null. */
    public String gene(String name) {
        for (String g : genes.keySet()) {
            if (g.equalsIgnoreCase(name)) {
                return g;
            }
        }
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (a.getKey().equalsIgnoreCase(name)) {
                return a.getValue();
            }
        }
        return null;
    }

    /** The mechanism id (or {@value #BASELINE}) for a gene as spelled in the file and a kind, or null. */
    public String target(String gene, String kind) {
        Map<String, String> m = genes.get(gene);
        return m == null ? null : m.get(kind.toLowerCase(Locale.ROOT));
    }
}
