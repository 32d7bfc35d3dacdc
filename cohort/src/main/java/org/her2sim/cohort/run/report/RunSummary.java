// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.List;
import java.util.Map;

/** The content of a cohort run's {@code summary.json}: {@link ResponseSummary} or {@link TumourSummary}. */
public sealed interface RunSummary permits ResponseSummary, TumourSummary {
    /** The run's metadata (its identifying inputs and command line). */
    Map<String, String> run();

    /** The headline rate over every patient. */
    Rate headline();

    /** Results per feature, in the cohort's order. */
    List<? extends Subgroup<? extends Subgroup.Group>> subgroups();
}
