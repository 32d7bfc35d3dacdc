// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.validate.ValidationRow.Comparison;

/**
 * Row results and their summary per split.
 *
 * <p>Figures, each a fraction in [0, 1] (NaN when the split has no row of that kind):
 * {@code directionConcordance}: comparison rows (direction, ratio, difference) whose sign the model
 * gets right; {@code ratioWithin1_5}: ratio and difference rows within a factor of 1.5 of the
 * published value; {@code auc}: how well the model's response score separates lines published as
 * sensitive from resistant ones (class rows, ties count half); {@code baselineAuc} and
 * {@code baselineDirection}: the same for the baseline "the more alterations, the less response";
 * {@code baselineRatioWithin1_5}: the null model (every ratio 1) within a factor of 1.5;
 * {@code agreement}: rows whose {@code agree} holds.
 *
 * @param rows one result per row, in data order
 */
public record Scorecard(List<RowResult> rows) {
    /** The summary figures, in output order. */
    public static final List<String> FIGURES = List.of("directionConcordance", "ratioWithin1_5", "auc", "baselineAuc", "baselineDirection",
        "baselineRatioWithin1_5", "agreement");

    public Scorecard {
        rows = List.copyOf(rows);
    }

    /** One split's summary. */
    public record Summary(int n, Map<String, Double> figures) {
        /** A figure, NaN when absent. */
        public double get(String figure) {
            return figures.getOrDefault(figure, Double.NaN);
        }
    }

    /** The summary of a split ({@code training}, {@code test}) or of every row (null). */
    public Summary summary(String split) {
        List<RowResult> rs = rows.stream().filter(r -> split == null || r.row().split().equals(split)).toList();
        int dirN = 0;
        int dir = 0;
        int baseDir = 0;
        int ratioN = 0;
        int ratio = 0;
        int baseRatio = 0;
        int agree = 0;
        List<double[]> scores = new ArrayList<>();
        for (RowResult r : rs) {
            if (r.agree()) {
                agree++;
            }
            Comparison c = r.row().published().comparison();
            if (c == Comparison.CLASS) {
                boolean sensitive = r.row().published().label().equals("sensitive");
                scores.add(new double[] {sensitive ? 1 : 0, r.model(), r.baseline()});
                continue;
            }
            dirN++;
            if (Boolean.TRUE.equals(r.directionRight())) {
                dir++;
            }
            if (Boolean.TRUE.equals(r.baselineDirectionRight())) {
                baseDir++;
            }
            if (c == Comparison.RATIO || c == Comparison.DIFFERENCE) {
                ratioN++;
                if (within(r.model(), r.row().published().value())) {
                    ratio++;
                }
                if (c == Comparison.RATIO && within(1, r.row().published().value())) {
                    baseRatio++;
                }
            }
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("directionConcordance", frac(dir, dirN));
        f.put("ratioWithin1_5", frac(ratio, ratioN));
        f.put("auc", auc(scores, 1));
        f.put("baselineAuc", auc(scores, 2));
        f.put("baselineDirection", frac(baseDir, dirN));
        f.put("baselineRatioWithin1_5", frac(baseRatio, ratioN));
        f.put("agreement", frac(agree, rs.size()));
        return new Summary(rs.size(), f);
    }

    /**
     * The fit's objective: the sum over rows of each row's loss, every loss at most 10. Class rows:
     * {@code log(1 + exp(-y (score - threshold) / 0.05))}, y = +1 for sensitive; direction rows: the
     * same on the model's difference over 0.02 (cell arms) or its log ratio over log 1.05 (cohort arms);
     * ratio rows: {@code (ln(model / published) / ln 1.5)^2}; difference rows: {@code ((model -
     * published) / (|published| / 2))^2}.
     *
     * @param threshold the response's partial threshold
     */
    public double loss(double threshold) {
        double sum = 0;
        for (RowResult r : rows) {
            sum += Math.min(10, loss(r, threshold));
        }
        return sum;
    }

    private static double loss(RowResult r, double threshold) {
        ValidationRow.Published p = r.row().published();
        double m = r.model();
        if (Double.isNaN(m)) {
            return 10;
        }
        return switch (p.comparison()) {
            case CLASS -> softplus(-(p.label().equals("sensitive") ? 1 : -1) * (m - threshold) / 0.05);
            case DIRECTION -> {
                double y = p.label().equals("higher") ? 1 : -1;
                boolean cohort = r.row().scenario() instanceof ValidationRow.CohortArm;
                yield softplus(-y * (cohort ? Math.log(Math.max(m, 1e-6)) / Math.log(1.05) : m / 0.02));
            }
            case RATIO -> Math.pow(Math.log(Math.max(m, 1e-3) / p.value()) / Math.log(1.5), 2);
            case DIFFERENCE -> Math.pow((m - p.value()) / Math.max(1e-3, Math.abs(p.value()) / 2), 2);
        };
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    /** True when {@code model} lies within a factor of 1.5 of {@code published}, on the same side of zero. */
    static boolean within(double model, double published) {
        if (!Double.isFinite(model) || model == 0 || published == 0 || Math.signum(model) != Math.signum(published)) {
            return false;
        }
        double q = model / published;
        return q >= 1 / 1.5 - 1e-12 && q <= 1.5 + 1e-12;
    }

    private static double frac(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    /** Mann-Whitney AUC of column {@code col} separating label 1 from 0; ties count half; NaN without both labels. */
    static double auc(List<double[]> xs, int col) {
        double pairs = 0;
        double wins = 0;
        for (double[] a : xs) {
            if (a[0] != 1) {
                continue;
            }
            for (double[] b : xs) {
                if (b[0] != 0) {
                    continue;
                }
                pairs++;
                if (a[col] > b[col]) {
                    wins++;
                } else if (a[col] == b[col]) {
                    wins += 0.5;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }
}
