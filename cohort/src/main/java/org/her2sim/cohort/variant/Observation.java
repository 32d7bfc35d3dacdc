// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import org.her2sim.engine.error.SourceLocation;

/** One variant seen in one sample, as read from a file: a {@link Mutation} or a {@link CopyNumber}. */
public sealed interface Observation permits Mutation, CopyNumber {
    /** The sample it was seen in. */
    String sample();

    /** The gene symbol as written in the file; empty when the file does not say (an unannotated VCF record). */
    String gene();

    /** Where it was read: file and line, and the column of the field when one field holds it. */
    SourceLocation at();
}
