// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.Map;
import org.her2sim.her2.catalog.Response;

/**
 * The response score of a regimen, from phenotype probabilities untreated and treated.
 *
 * <p>Net growth {@code N = P - D}, where {@code P} is the probability of the growth phenotype and
 * {@code D = 1 - prod(1 - P(d))} over the death phenotypes (the chance that at least one death
 * phenotype is on, were they independent); {@code N} lies in {@code [-1, 1]}. The score is
 * {@code clamp((N_untreated - N_treated) / (N_untreated + 1), 0, 1)}: the drop in net growth the
 * regimen brings, as a fraction of the largest drop possible from the untreated tumour (to
 * {@code N = -1}). The class is {@code sensitive} when {@code score >= thresholds.sensitive},
 * {@code partial} when {@code score >= thresholds.partial}, {@code resistant} otherwise.
 */
public final class ResponseScore {
    /** Class names. */
    public static final String SENSITIVE = "sensitive";
    /** Class names. */
    public static final String PARTIAL = "partial";
    /** Class names. */
    public static final String RESISTANT = "resistant";

    private ResponseScore() {
    }

    /** Net growth {@code P(growth) - (1 - prod(1 - P(death)))}; a missing phenotype counts as 0. */
    public static double netGrowth(Map<String, Double> p, Response r) {
        double survive = 1;
        for (String d : r.death()) {
            survive *= 1 - p.getOrDefault(d, 0.0);
        }
        return p.getOrDefault(r.growth(), 0.0) - (1 - survive);
    }

    /** The score from the two net growths. */
    public static double score(double netUntreated, double netTreated) {
        double s = (netUntreated - netTreated) / (netUntreated + 1);
        if (Double.isNaN(s)) {
            return 0;
        }
        return Math.max(0, Math.min(1, s));
    }

    /** The score from phenotype probabilities untreated and treated. */
    public static double score(Map<String, Double> untreated, Map<String, Double> treated, Response r) {
        return score(netGrowth(untreated, r), netGrowth(treated, r));
    }

    /** {@value #SENSITIVE}, {@value #PARTIAL} or {@value #RESISTANT}. */
    public static String classify(double score, Response r) {
        if (score >= r.sensitive()) {
            return SENSITIVE;
        }
        return score >= r.partial() ? PARTIAL : RESISTANT;
    }
}
