// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;

/**
 * A small variant (SNV or indel) in one sample.
 *
 * @param sample the sample
 * @param gene the gene symbol, or empty when the file carries no annotation
 * @param protein the protein change in one-letter form without {@code p.} ({@code H1047R},
 *     {@code R130*}), see {@link ProteinChange}; empty when unknown
 * @param consequences the variant class or consequence terms as written (MAF
 *     {@code Variant_Classification}, or Sequence Ontology terms from ANN/CSQ); may be empty
 * @param locus the genomic position, or null when the file gives none (MAF rows are not looked up by position)
 * @param filter the caller's filter status when it is not {@code PASS} (e.g. {@code weak_evidence}), else empty
 * @param at where it was read
 */
public record Mutation(String sample, String gene, String protein, List<String> consequences, Locus locus, String filter,
                       SourceLocation at) implements Observation {
    public Mutation {
        consequences = List.copyOf(consequences);
    }

    /** The text shown for it: {@code p.H1047R}, else the locus, else the consequences. */
    public String label() {
        if (!protein.isEmpty()) {
            return "p." + protein;
        }
        if (locus != null) {
            return locus.toString();
        }
        return String.join("&", consequences);
    }
}
