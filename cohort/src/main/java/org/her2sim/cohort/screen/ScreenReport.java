// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.run.report.Csv;
import org.her2sim.cohort.run.work.Score;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.predict.ResponseScore;

/**
 * The tables of a screen: per profile and combination the score with Bliss and HSA synergy, and a
 * ranking of combinations by their mean over profiles (weighted by patients for a cohort): pairs
 * and triples by mean Bliss excess, then single agents by mean score. A profile counts as
 * synergistic for a combination when its Bliss excess exceeds twice its standard error
 * (antagonistic below minus twice).
 */
public final class ScreenReport {
    private final List<String> therapies;
    private final List<List<String>> combinations;
    private final List<String> labels;
    private final int[] weights;
    private final List<ScreenResult> results;
    private final Response response;
    private final Map<String, String> meta;
    private final List<Rank> ranking;

    /**
     * One combination's means over profiles.
     *
     * @param synergistic weighted share of profiles with Bliss excess above 2 SE (NaN for singles)
     * @param antagonistic weighted share below -2 SE (NaN for singles)
     */
    public record Rank(int rank, List<String> combination, double score, double scoreSe, double blissExcess, double blissSe, double hsaExcess,
                       double hsaSe, double synergistic, double antagonistic) {
        /** {@code A+B}. */
        public String name() {
            return Combinations.name(combination);
        }
    }

    /**
     * @param labels one per distinct profile
     * @param weights patients (or profile files) per distinct profile
     * @param results by distinct profile, scores in the order of {@code combinations}
     */
    public ScreenReport(List<String> therapies, List<List<String>> combinations, List<String> labels, int[] weights, List<ScreenResult> results,
                        Response response, Map<String, String> meta) {
        this.therapies = List.copyOf(therapies);
        this.combinations = List.copyOf(combinations);
        this.labels = List.copyOf(labels);
        this.weights = weights.clone();
        this.results = List.copyOf(results);
        this.response = response;
        this.meta = meta;
        this.ranking = rank();
    }

    /** The score of profile p under combination c. */
    public Score score(int p, int c) {
        return new Score(results.get(p).scores().get(c), results.get(p).ses().get(c));
    }

    /** The synergy of profile p under combination c (of two or more therapies). */
    public Synergy synergy(int p, int c) {
        List<Score> singles = new ArrayList<>();
        for (String t : combinations.get(c)) {
            singles.add(score(p, therapies.indexOf(t)));
        }
        return Synergy.of(score(p, c), singles);
    }

    /** Combinations, best first. */
    public List<Rank> ranking() {
        return ranking;
    }

    private List<Rank> rank() {
        double total = 0;
        for (int w : weights) {
            total += w;
        }
        List<Rank> rows = new ArrayList<>();
        for (int c = 0; c < combinations.size(); c++) {
            double s = 0;
            double sv = 0;
            double b = 0;
            double bv = 0;
            double h = 0;
            double hv = 0;
            double syn = 0;
            double ant = 0;
            boolean multi = combinations.get(c).size() > 1;
            for (int p = 0; p < labels.size(); p++) {
                double w = weights[p] / total;
                Score sc = score(p, c);
                s += w * sc.value();
                sv += w * w * sc.se() * sc.se();
                if (multi) {
                    Synergy y = synergy(p, c);
                    b += w * y.blissExcess();
                    bv += w * w * y.blissSe() * y.blissSe();
                    h += w * y.hsaExcess();
                    hv += w * w * y.hsaSe() * y.hsaSe();
                    syn += y.blissExcess() > 2 * y.blissSe() ? w : 0;
                    ant += y.blissExcess() < -2 * y.blissSe() ? w : 0;
                }
            }
            double nan = Double.NaN;
            rows.add(multi ? new Rank(0, combinations.get(c), s, Math.sqrt(sv), b, Math.sqrt(bv), h, Math.sqrt(hv), syn, ant)
                : new Rank(0, combinations.get(c), s, Math.sqrt(sv), nan, nan, nan, nan, nan, nan));
        }
        rows.sort(Comparator.comparing((Rank r) -> r.combination().size() == 1)
            .thenComparing(r -> r.combination().size() == 1 ? -r.score() : -r.blissExcess())
            .thenComparing(r -> -r.score())
            .thenComparing(Rank::name));
        List<Rank> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Rank r = rows.get(i);
            out.add(new Rank(i + 1, r.combination(), r.score(), r.scoreSe(), r.blissExcess(), r.blissSe(), r.hsaExcess(), r.hsaSe(),
                r.synergistic(), r.antagonistic()));
        }
        return List.copyOf(out);
    }

    /** The first {@code top} rows of the ranking as a table for the terminal. */
    public String text(int top) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s  %-40s %11s %14s %14s %12s%n", "rank", "combination", "mean score",
            "Bliss excess", "HSA excess", "synergistic"));
        for (Rank r : ranking.subList(0, Math.min(top, ranking.size()))) {
            if (r.combination().size() == 1) {
                sb.append(String.format(Locale.ROOT, "%4d  %-40s %11.3f %14s %14s %12s%n", r.rank(), r.name(), r.score(), "-", "-", "-"));
            } else {
                sb.append(String.format(Locale.ROOT, "%4d  %-40s %11.3f %+7.3f±%.3f %+7.3f±%.3f %11.0f%%%n", r.rank(), r.name(), r.score(),
                    r.blissExcess(), r.blissSe(), r.hsaExcess(), r.hsaSe(), 100 * r.synergistic()));
            }
        }
        return sb.toString();
    }

    /** {@code screen.csv}: one row per profile and combination. */
    public String screenCsv() {
        Csv t = new Csv("her2sim screen: response score and synergy per profile and combination", meta);
        t.row("profile", "weight", "combination", "size", "score", "se", "class", "bliss_expected", "bliss_excess", "bliss_se", "hsa_excess", "hsa_se");
        for (int p = 0; p < labels.size(); p++) {
            for (int c = 0; c < combinations.size(); c++) {
                Score s = score(p, c);
                String cls = ResponseScore.classify(s.value(), response);
                if (combinations.get(c).size() == 1) {
                    t.row(labels.get(p), weights[p], Combinations.name(combinations.get(c)), 1, s.value(), s.se(), cls, "", "", "", "", "");
                } else {
                    Synergy y = synergy(p, c);
                    t.row(labels.get(p), weights[p], Combinations.name(combinations.get(c)), combinations.get(c).size(), s.value(), s.se(), cls,
                        y.expected(), y.blissExcess(), y.blissSe(), y.hsaExcess(), y.hsaSe());
                }
            }
        }
        return t.toString();
    }

    /** {@code ranking.csv}. */
    public String rankingCsv() {
        Csv t = new Csv("her2sim screen: combinations ranked (pairs and triples by mean Bliss excess, then single agents by mean score)", meta);
        t.row("rank", "combination", "size", "mean_score", "score_se", "mean_bliss_excess", "bliss_se", "mean_hsa_excess", "hsa_se",
            "synergistic_share", "antagonistic_share");
        for (Rank r : ranking) {
            t.row(r.rank(), r.name(), r.combination().size(), r.score(), r.scoreSe(), r.blissExcess(), r.blissSe(), r.hsaExcess(), r.hsaSe(),
                r.synergistic(), r.antagonistic());
        }
        return t.toString();
    }

    /** The {@code screen.json} content. */
    public ScreenSummary json() {
        List<ScreenSummary.Ranked> rk = new ArrayList<>();
        for (Rank r : ranking) {
            rk.add(r.combination().size() > 1
                ? new ScreenSummary.RankedCombination(r.rank(), r.combination(), Csv.round(r.score()), Csv.round(r.scoreSe()),
                    Csv.round(r.blissExcess()), Csv.round(r.blissSe()), Csv.round(r.hsaExcess()), Csv.round(r.hsaSe()), Csv.round(r.synergistic()),
                    Csv.round(r.antagonistic()))
                : new ScreenSummary.RankedSingle(r.rank(), r.combination(), Csv.round(r.score()), Csv.round(r.scoreSe())));
        }
        List<ScreenSummary.ProfileScores> ps = new ArrayList<>();
        for (int p = 0; p < labels.size(); p++) {
            List<ScreenSummary.Scored> cs = new ArrayList<>();
            for (int c = 0; c < combinations.size(); c++) {
                Score s = score(p, c);
                if (combinations.get(c).size() > 1) {
                    Synergy z = synergy(p, c);
                    cs.add(new ScreenSummary.ScoredCombination(combinations.get(c), Csv.round(s.value()), Csv.round(s.se()), Csv.round(z.expected()),
                        Csv.round(z.blissExcess()), Csv.round(z.blissSe()), Csv.round(z.hsaExcess()), Csv.round(z.hsaSe())));
                } else {
                    cs.add(new ScreenSummary.ScoredSingle(combinations.get(c), Csv.round(s.value()), Csv.round(s.se())));
                }
            }
            ps.add(new ScreenSummary.ProfileScores(labels.get(p), weights[p], cs));
        }
        return new ScreenSummary(meta, therapies, rk, ps);
    }

    /** The heatmap of mean Bliss excess per pair, mean single-agent score on the diagonal. */
    public String heatmap() {
        int n = therapies.size();
        double[][] v = new double[n][n];
        double[] diag = new double[n];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (Rank r : ranking) {
            List<String> c = r.combination();
            if (c.size() == 1) {
                diag[therapies.indexOf(c.get(0))] = r.score();
            } else if (c.size() == 2) {
                int i = therapies.indexOf(c.get(0));
                int j = therapies.indexOf(c.get(1));
                v[i][j] = r.blissExcess();
                v[j][i] = r.blissExcess();
            }
        }
        return Heatmap.svg(therapies, v, diag, "Mean Bliss excess of each pair, " + labels.size() + " distinct profile"
            + (labels.size() == 1 ? "" : "s") + " (diagonal: mean single-agent score)", "Bliss excess");
    }
}
