// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json} of {@code cohort run --therapy}.
 *
 * @param classes patients per response class
 * @param warnings profile warnings, when there are any
 */
public record ResponseSummary(Map<String, String> run, int patients, int distinctProfiles, Rate responseRate, Rate anyResponseRate,
                              Map<String, Long> classes, List<Subgroup<Group>> subgroups, NonResponse nonResponse,
                              Optional<List<String>> warnings) implements RunSummary {
    public ResponseSummary {
        run = Collections.unmodifiableMap(new LinkedHashMap<>(run));
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        subgroups = List.copyOf(subgroups);
    }

    @Override
    public Rate headline() {
        return responseRate;
    }

    /** A group's patients, response (sensitive) and any response (sensitive or partial). */
    public record Group(long patients, Rate responseRate, Rate anyResponseRate) implements Subgroup.Group {
        @Override
        public Rate headline() {
            return responseRate;
        }
    }

    /**
     * The patients who did not respond, by their top mechanism and (with rescues) their best rescue.
     *
     * @param definition how they are counted
     */
    public record NonResponse(long patients, String definition, List<Counted.Mechanism> topMechanisms,
                              Optional<List<Counted.Therapy>> bestRescues) {
    }
}
