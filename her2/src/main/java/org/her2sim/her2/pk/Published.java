// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;

/**
 * A published figure a model is compared with (from {@code drugs.yaml}): a median and, when
 * given, its 5th-95th percentile range.
 *
 * @param metric one of {@link #METRICS}
 * @param regimen the regimen id, or null (half-lives)
 * @param population the population, or null
 * @param model the model it describes (half-lives), or null for any
 * @param low the 5th percentile, or NaN
 * @param high the 95th percentile, or NaN
 */
public record Published(String metric, String regimen, Population population, String model, double median, double low, double high, String source) {
    /** Trough of cycle 1, steady-state trough, trough before cycle 8, half-life. */
    public static final List<String> METRICS = List.of("cycle1_trough", "ss_trough", "trough_before_cycle_8", "half_life_days");

    /** A short label for tables. */
    public String label() {
        return switch (metric) {
            case "cycle1_trough" -> "cycle-1 trough";
            case "ss_trough" -> "steady-state trough";
            case "trough_before_cycle_8" -> "trough before cycle 8";
            default -> "half-life";
        };
    }
}
