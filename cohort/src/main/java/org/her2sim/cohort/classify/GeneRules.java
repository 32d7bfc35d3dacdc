// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.classify;

import java.util.List;
import java.util.Map;

/**
 * The rules of one gene in the classification table.
 *
 * @param gene the gene symbol
 * @param role {@code oncogene} or {@code tumour_suppressor}
 * @param hotspots protein change or codon ({@code H1047R}, {@code R248}) to its rule
 * @param truncating the rule for truncating variants, or null when they are not classified
 * @param copyNumber kind ({@code amplified}, {@code gain}, {@code loss}) to its rule, for the copy-number levels that count
 * @param note free text, empty if none
 */
public record GeneRules(String gene, String role, Map<String, Rule> hotspots, Rule truncating, Map<String, Rule> copyNumber, String note) {
    public GeneRules {
        hotspots = Map.copyOf(hotspots);
        copyNumber = Map.copyOf(copyNumber);
    }

    /**
     * One rule: the kind it gives and its sources.
     *
     * @param kind the alteration kind
     * @param sources ids into the table's sources
     */
    public record Rule(String kind, List<String> sources) {
        public Rule {
            sources = List.copyOf(sources);
        }
    }

    /** The rule for a one-letter protein change: an exact entry, else its codon ({@code R248} for {@code R248W}), or null. */
    public Rule hotspot(String protein) {
        Rule r = hotspots.get(protein);
        if (r == null && protein.matches("[A-Z]\\d+[A-Z]")) {
            r = hotspots.get(protein.substring(0, protein.length() - 1));
        }
        return r;
    }
}
