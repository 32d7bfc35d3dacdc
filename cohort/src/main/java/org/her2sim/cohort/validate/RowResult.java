// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

/**
 * The model's figure for one validation row, next to the published one.
 *
 * @param row the row
 * @param model the model's value on the row's scale: the response score (class rows), the ratio, the
 *     difference, or for direction rows the difference (cell arms) or ratio (cohort arms) of scenario
 *     over reference, on the published endpoint's orientation
 * @param lower lower end of the model's interval (sampling and, with an ensemble, parameter uncertainty)
 * @param upper upper end
 * @param agree whether the model reproduces the published result (see {@link Scorecard})
 * @param directionRight for comparison rows: whether the sign is right (null for class rows)
 * @param baselineDirectionRight the alteration-count baseline's direction (null for class rows)
 * @param baseline the baseline's value: minus the alteration count (class rows), or its ratio (1: no effect)
 * @param error null, or why the model could not run the row
 */
public record RowResult(ValidationRow row, double model, double lower, double upper, boolean agree, Boolean directionRight,
                        Boolean baselineDirectionRight, double baseline, String error) { }
