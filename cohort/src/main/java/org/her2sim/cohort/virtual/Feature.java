// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.List;
import java.util.Map;

/**
 * A yes/no feature of a virtual patient with its prevalence and what it means in the HER2 model:
 * an alteration ({@code gene} and {@code kind}), one or more {@code mechanisms}, or nothing
 * ({@code none} gives the reason).
 *
 * @param id the column name in cohort files
 * @param prevalence the probability per setting
 * @param sources ids into the model's sources
 * @param gene the gene of the alteration, or empty
 * @param kind the alteration kind, or empty
 * @param mechanisms the mechanism ids, or empty
 * @param none why it maps to nothing, or empty
 */
public record Feature(String id, Map<Setting, Double> prevalence, List<String> sources, String gene, String kind, List<String> mechanisms,
                      String none) {
    public Feature {
        prevalence = Map.copyOf(prevalence);
        sources = List.copyOf(sources);
        mechanisms = List.copyOf(mechanisms);
    }

    /** The mechanisms joined with '+' ({@code her2_low_expression+her2_1plus_cells}), or empty. */
    public String mechanism() {
        return String.join("+", mechanisms);
    }

    /** The prevalence in a setting. */
    public double prevalence(Setting s) {
        return prevalence.get(s);
    }
}
