// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json} of {@code cohort run --regimen}.
 *
 * @param bestResponse patients per best response (CR, PR, SD, PD)
 * @param km the Kaplan-Meier curve of every patient
 * @param exposureResponse by quartile of the dosed antibody's cycle-1 trough, when there is one
 * @param largestCloneAtProgression progressed patients by their largest clone
 * @param warnings profile warnings, when there are any
 */
public record TumourSummary(Map<String, String> run, int patients, int distinctProfiles, Rate objectiveResponse,
                            Map<String, Long> bestResponse, TimeToProgression timeToProgression, List<KmStep> km,
                            List<Subgroup<Group>> subgroups, Optional<ExposureResponse> exposureResponse,
                            List<Counted.Clone> largestCloneAtProgression, Optional<List<String>> warnings) implements RunSummary {
    public TumourSummary {
        run = Collections.unmodifiableMap(new LinkedHashMap<>(run));
        bestResponse = Collections.unmodifiableMap(new LinkedHashMap<>(bestResponse));
        km = List.copyOf(km);
        subgroups = List.copyOf(subgroups);
        largestCloneAtProgression = List.copyOf(largestCloneAtProgression);
    }

    @Override
    public Rate headline() {
        return objectiveResponse;
    }

    /**
     * Kaplan-Meier time to progression, censored at the end of the run; rounded to six decimals.
     *
     * @param medianDays NaN when not reached
     * @param medianCi95 the median's 95% interval (NaN for an end not reached)
     */
    public record TimeToProgression(int patients, int progressed, double censoredAtDay, double medianDays, List<Double> medianCi95) {
        public TimeToProgression {
            medianCi95 = List.copyOf(medianCi95);
        }
    }

    /** A step of the Kaplan-Meier curve, rounded to six decimals. */
    public record KmStep(double day, int atRisk, int events, int censored, double survival, double se) { }

    /** A group's objective response and time to progression with its curve. */
    public record Group(Rate objectiveResponse, TimeToProgression timeToProgression, List<KmStep> km) implements Subgroup.Group {
        public Group {
            km = List.copyOf(km);
        }

        @Override
        public Rate headline() {
            return objectiveResponse;
        }
    }

    /**
     * Exposure-response: the same by quartile of an exposure metric.
     *
     * @param therapy the dosed antibody
     * @param metric what is measured, with its unit
     */
    public record ExposureResponse(String therapy, String metric, List<Quartile> quartiles) {
        public ExposureResponse {
            quartiles = List.copyOf(quartiles);
        }
    }

    /**
     * One exposure quartile.
     *
     * @param quartile 1 to 4
     * @param range its lowest and highest metric
     */
    public record Quartile(int quartile, List<Double> range, Rate objectiveResponse, TimeToProgression timeToProgression) {
        public Quartile {
            range = List.copyOf(range);
        }
    }
}
