// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.classify;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;

/** What the classification table makes of one observed variant. */
public sealed interface Call permits Call.Altered, Call.Unclassified {
    /** The sample. */
    String sample();

    /** The gene, or empty when unknown. */
    String gene();

    /** The variant as shown ({@code p.H1047R}, {@code deep deletion (GISTIC -2)}). */
    String variant();

    /** Where it was read. */
    SourceLocation at();

    /**
     * An alteration of the HER2 model.
     *
     * @param kind one of the model's kinds ({@code activating}, {@code loss}, {@code amplified}, ...)
     * @param rule which rule gave it: {@code hotspot}, {@code truncating} or {@code copy number}
     * @param sources ids of the table's sources for that rule
     */
    record Altered(String sample, String gene, String kind, String variant, String rule, List<String> sources, SourceLocation at)
            implements Call {
        public Altered {
            sources = List.copyOf(sources);
        }
    }

    /**
     * A variant listed but not applied, with the reason.
     *
     * @param reason why no alteration came of it
     */
    record Unclassified(String sample, String gene, String variant, String reason, SourceLocation at) implements Call { }
}
