// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.List;
import java.util.Optional;
import org.her2sim.cohort.stats.Proportion;

/**
 * A response rate as {@code summary.json} gives it: responders of patients, the rate and its
 * Wilson 95% interval, rounded to six decimals (NaN without patients).
 *
 * @param definition what counts as a response, on the overall rates only
 */
public record Rate(Optional<String> definition, long responders, long patients, double rate, List<Double> ci95) {
    public Rate {
        ci95 = List.copyOf(ci95);
    }

    /** A proportion as a rate, with a definition or none. */
    public static Rate of(Proportion p, String definition) {
        return new Rate(Optional.ofNullable(definition), p.k(), p.n(), Csv.round(p.p()), List.of(Csv.round(p.lo()), Csv.round(p.hi())));
    }
}
