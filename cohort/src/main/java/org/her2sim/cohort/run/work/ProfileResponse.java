// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.her2.predict.Predictor;

/**
 * A profile's predicted response to the run's regimen, as {@link Predictor} computes it.
 *
 * @param score the response score
 * @param se its standard error (see {@link Score})
 * @param responseClass sensitive, partial or resistant
 * @param contributions each active mechanism's contribution, in key order
 * @param rescue the best add-on for a non-responder (largest gain above {@link Predictor#NEUTRAL}), or empty
 * @param rescueScore the score with it (NaN when none)
 */
public record ProfileResponse(double score, double se, String responseClass, List<Contribution> contributions, String rescue,
                              double rescueScore) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ProfileResponse {
        contributions = List.copyOf(contributions);
    }

    /**
     * A mechanism's contribution: its Shapley share of the score lost to the profile's mechanisms
     * (as {@code Predictor}'s; positive when it lowers the response).
     */
    public record Contribution(String mechanism, double value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The active mechanism costing the most response (contribution above {@link Predictor#NEUTRAL}), or empty. */
    public String topMechanism() {
        String best = "";
        double max = Predictor.NEUTRAL;
        for (Contribution c : contributions) {
            if (c.value() > max) {
                max = c.value();
                best = c.mechanism();
            }
        }
        return best;
    }

    /** The text form of a work file: one {@code name<TAB>value...} line per field; doubles round-trip exactly. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("score\t").append(score).append('\n');
        sb.append("se\t").append(se).append('\n');
        sb.append("class\t").append(responseClass).append('\n');
        for (Contribution c : contributions) {
            sb.append("contribution\t").append(c.mechanism()).append('\t').append(c.value()).append('\n');
        }
        sb.append("rescue\t").append(rescue).append('\t').append(rescueScore).append('\n');
        return sb.toString();
    }

    /** Reads {@link #toText()}. @throws IllegalArgumentException when malformed */
    public static ProfileResponse parse(String text) {
        double score = Double.NaN;
        double se = Double.NaN;
        String cls = null;
        String rescue = null;
        double rescueScore = Double.NaN;
        List<Contribution> cs = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "score" -> score = Double.parseDouble(f[1]);
                case "se" -> se = Double.parseDouble(f[1]);
                case "class" -> cls = f[1];
                case "contribution" -> cs.add(new Contribution(f[1], Double.parseDouble(f[2])));
                case "rescue" -> {
                    rescue = f[1];
                    rescueScore = Double.parseDouble(f[2]);
                }
                default -> {
                    if (!line.isBlank()) {
                        throw new IllegalArgumentException("unexpected line '" + line + "'");
                    }
                }
            }
        }
        if (cls == null || rescue == null || Double.isNaN(score)) {
            throw new IllegalArgumentException("incomplete response record");
        }
        return new ProfileResponse(score, se, cls, cs, rescue, rescueScore);
    }
}
