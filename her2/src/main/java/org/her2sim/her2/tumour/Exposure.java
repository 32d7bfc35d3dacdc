// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

/** How much of its full effect each therapy of a regimen has on a given day, from 0 (none) to 1 (saturating). */
@FunctionalInterface
public interface Exposure {
    /** The effect of {@code therapy} (a therapy id) on {@code day} (0 = first dose), in [0, 1]. */
    double effect(String therapy, double day);

    /** Every therapy at full effect from day 0 on, and until {@code stopDay} (exclusive). */
    static Exposure continuous(double stopDay) {
        return (therapy, day) -> day >= 0 && day < stopDay ? 1 : 0;
    }
}
