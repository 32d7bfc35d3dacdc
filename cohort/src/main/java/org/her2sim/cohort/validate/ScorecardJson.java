// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.her2sim.cohort.json.JsonTree;

/**
 * {@code scorecard.json}: what was run, every row with the published and the model's value, and
 * the summary figures per split ({@code training}, {@code test}, {@code all}: {@code n} and each
 * figure of {@link Scorecard#FIGURES}).
 */
public record ScorecardJson(ValidationRun run, List<Row> rows, Map<String, Figures> summary) {
    public ScorecardJson {
        rows = List.copyOf(rows);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /**
     * A split's summary: its rows and each figure, rounded to 4 decimals.
     *
     * @param figures figure name to value, in {@link Scorecard#FIGURES} order
     */
    public record Figures(int n, @JsonTree.Inline Map<String, Double> figures) {
        public Figures {
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    /**
     * What was run, recorded in every output.
     *
     * @param rows rows scored
     * @param subset {@code quick} or {@code all}
     * @param seconds wall time, to a tenth
     * @param intervals where the model's intervals come from
     */
    public record ValidationRun(String model, String modelSha256, int rows, String subset, long seed, long samples, int cohortSize,
                                double seconds, String intervals) { }

    /**
     * A row's result.
     *
     * @param comparison {@code class}, {@code ratio}, {@code difference} or {@code direction}
     * @param directionRight whether the sign is right; null for class rows
     * @param baseline the null model's value
     * @param baselineDirectionRight the baseline's direction; null for class rows
     */
    public record Row(String id, String split, String group, String system, String endpoint, String comparison, Source source,
                      Published published, Model model, boolean agree, Boolean directionRight, double baseline,
                      Boolean baselineDirectionRight, Optional<String> note) { }

    /** The paper: a DOI or a PubMed id, or both. */
    public record Source(String citation, Optional<String> doi, Optional<String> pmid, String where) { }

    /**
     * The published figure.
     *
     * @param value a number, or the class label for class rows
     * @param interval its interval, or null when the paper gives none
     */
    public record Published(Object value, List<Double> interval, int n, String measure) { }

    /**
     * The model's figure.
     *
     * @param interval its 95% interval
     * @param meaning what the value is
     */
    public record Model(double value, List<Double> interval, String meaning) { }
}
