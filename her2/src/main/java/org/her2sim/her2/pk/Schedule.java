// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;

/**
 * A regimen laid out on the calendar: its cycles and every dose.
 *
 * @param cycles in order; a cycle runs from its start to the next cycle's start
 * @param doses in time order
 */
public record Schedule(List<Cycle> cycles, List<Dose> doses) {
    public Schedule {
        cycles = List.copyOf(cycles);
        doses = List.copyOf(doses);
    }

    /**
     * One cycle.
     *
     * @param number from 1
     * @param start day the cycle starts (its dose, unless skipped)
     * @param end day the next cycle starts (for the last cycle of a fixed regimen: start + interval)
     * @param amount mg given in the cycle (0 when skipped; NaN for a dose in mg/m2)
     * @param dose the dose as prescribed, e.g. {@code 8 mg/kg}, or {@code skipped}
     */
    public record Cycle(int number, double start, double end, boolean skipped, double amount, String dose) { }
}
