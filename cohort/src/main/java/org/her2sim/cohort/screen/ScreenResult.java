// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.io.Serializable;
import java.util.List;

/**
 * One profile's response scores, one per combination of the screen (same order).
 *
 * @param scores the scores
 * @param ses their standard errors
 */
public record ScreenResult(List<Double> scores, List<Double> ses) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScreenResult {
        scores = List.copyOf(scores);
        ses = List.copyOf(ses);
    }
}
