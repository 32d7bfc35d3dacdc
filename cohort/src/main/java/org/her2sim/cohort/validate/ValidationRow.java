// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.profile.Profile;

/**
 * One published quantitative result and the model scenario that should reproduce it.
 *
 * @param id unique row id
 * @param split {@code training} (the fit may read it) or {@code test} (never read by the fit)
 * @param group {@code cell_line}, {@code clinical} or {@code mechanistic}
 * @param source where the figure stands
 * @param system the cell line, xenograft, trial arm or subgroup, in words
 * @param scenario the arm the figure is about
 * @param reference the comparator arm ({@code direction}, {@code ratio}, {@code difference}); null for {@code class}
 * @param endpoint what was measured (e.g. {@code growth_inhibition}, {@code pcr}, {@code orr}, {@code pfs_hr})
 * @param published the published value
 * @param quick whether the row is in the {@code validate --quick} subset
 * @param note why the scenario maps the system this way
 * @param at where the row starts
 */
public record ValidationRow(String id, String split, String group, Source source, String system, Arm scenario, Arm reference, String endpoint,
                            Published published, boolean quick, String note, SourceLocation at) {
    /** Training split. */
    public static final String TRAINING = "training";
    /** Test split. */
    public static final String TEST = "test";

    /** The kinds of comparison. */
    public enum Comparison {
        /** A line or tumour called sensitive or resistant. */
        CLASS,
        /** The scenario's endpoint is higher or lower than the reference's. */
        DIRECTION,
        /** Scenario over reference. */
        RATIO,
        /** Scenario minus reference. */
        DIFFERENCE
    }

    /**
     * A citation.
     *
     * @param citation authors, journal, year
     * @param doi the DOI, or empty
     * @param pmid the PubMed id, or empty
     * @param where the table or figure
     */
    public record Source(String citation, String doi, String pmid, String where) {
        /** {@code doi:...} or {@code pmid:...}, the DOI first. */
        public String key() {
            return !doi.isEmpty() ? "doi:" + doi : "pmid:" + pmid;
        }
    }

    /**
     * A published figure.
     *
     * @param comparison the kind of comparison
     * @param label {@code sensitive}/{@code resistant} (class) or {@code higher}/{@code lower} (direction); empty otherwise
     * @param value the ratio or difference (NaN for class and direction)
     * @param lower lower end of its interval, or NaN
     * @param upper upper end, or NaN
     * @param n patients or replicates, or 0
     * @param measure the figure as reported
     */
    public record Published(Comparison comparison, String label, double value, double lower, double upper, int n, String measure) { }

    /** What the model simulates for one side of a row. */
    public sealed interface Arm permits CellArm, CohortArm { }

    /**
     * A tumour profile under therapies, run as {@code predict} runs it.
     *
     * @param profile the profile
     * @param therapies therapy ids, names or aliases
     * @param readout null for the response score, or a phenotype or readout node whose treated probability is the value
     */
    public record CellArm(Profile profile, List<String> therapies, String readout) implements Arm {
        public CellArm {
            therapies = List.copyOf(therapies);
        }
    }

    /**
     * A virtual cohort under a regimen, run as {@code cohort run --regimen} runs it.
     *
     * @param setting {@code naive} or {@code pretreated}
     * @param regimen dosing regimen ids or therapy words, as {@code --regimen} takes them
     * @param feature a cohort feature that selects a subgroup, or null for every patient
     * @param present whether the subgroup has the feature
     * @param months follow-up
     */
    public record CohortArm(String setting, List<String> regimen, String feature, boolean present, double months) implements Arm {
        public CohortArm {
            regimen = List.copyOf(regimen);
        }
    }
}
