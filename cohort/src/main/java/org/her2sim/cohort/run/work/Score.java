// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.predict.Estimate;
import org.her2sim.her2.predict.ResponseScore;

/**
 * A response score (as {@link ResponseScore}) with a standard error by the delta method: net growth
 * {@code N = P - (1 - prod(1 - D_i))} has variance {@code se_P^2 + sum (prod_{j != i} (1 - D_j))^2 se_Di^2},
 * and the score {@code (N_u - N_t) / (N_u + 1)} has partial derivatives {@code (1 + N_t) / (N_u + 1)^2}
 * and {@code -1 / (N_u + 1)}. Untreated and treated runs share a seed and are positively
 * correlated; treating them as independent overstates the error a little (conservative).
 *
 * @param value the score in [0, 1]
 * @param se its standard error
 */
public record Score(double value, double se) {

    /** The score of a regimen from untreated and treated estimates. */
    public static Score of(Map<String, Estimate> untreated, Map<String, Estimate> treated, Response r) {
        double value = ResponseScore.score(probabilities(untreated), probabilities(treated), r);
        double nu = ResponseScore.netGrowth(probabilities(untreated), r);
        double nt = ResponseScore.netGrowth(probabilities(treated), r);
        double du = (1 + nt) / ((nu + 1) * (nu + 1));
        double dt = -1 / (nu + 1);
        double var = du * du * variance(untreated, r) + dt * dt * variance(treated, r);
        return new Score(value, Double.isFinite(var) ? Math.sqrt(var) : 0);
    }

    /** Probabilities only. */
    static Map<String, Double> probabilities(Map<String, Estimate> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.p()));
        return out;
    }

    private static double variance(Map<String, Estimate> m, Response r) {
        double var = sq(se(m, r.growth()));
        List<String> death = r.death();
        for (String d : death) {
            double others = 1;
            for (String e : death) {
                if (!e.equals(d)) {
                    others *= 1 - p(m, e);
                }
            }
            var += sq(others * se(m, d));
        }
        return var;
    }

    private static double p(Map<String, Estimate> m, String node) {
        Estimate e = m.get(node);
        return e == null ? 0 : e.p();
    }

    private static double se(Map<String, Estimate> m, String node) {
        Estimate e = m.get(node);
        return e == null ? 0 : e.se();
    }

    private static double sq(double x) {
        return x * x;
    }
}
