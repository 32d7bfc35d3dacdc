// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import org.her2sim.engine.error.SourceLocation;

/**
 * A gene-level copy-number call in one sample, GISTIC-style.
 *
 * @param sample the sample
 * @param gene the gene symbol
 * @param level -2 deep deletion, -1 shallow deletion, 1 gain, 2 amplification (0 is not an observation)
 * @param at where it was read: file, line and the column of the value
 */
public record CopyNumber(String sample, String gene, int level, SourceLocation at) implements Observation {
    /** What the level means in GISTIC's terms. */
    public String label() {
        String what = switch (level) {
            case 2 -> "amplification";
            case 1 -> "gain";
            case -1 -> "shallow deletion";
            case -2 -> "deep deletion";
            default -> "copy number";
        };
        return what + " (GISTIC " + level + ")";
    }
}
