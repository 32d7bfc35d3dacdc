// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.ValidationRow.Arm;
import org.her2sim.cohort.validate.ValidationRow.CellArm;
import org.her2sim.cohort.validate.ValidationRow.CohortArm;
import org.her2sim.cohort.validate.ValidationRow.Comparison;
import org.her2sim.cohort.validate.ValidationRow.Published;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;

/**
 * Runs validation rows on the model and judges each one.
 *
 * <p>The model's value of an arm: a profile's response score as {@code predict} computes it (or the
 * treated probability of the row's readout); a cohort's objective response rate (endpoints
 * {@code pcr}, {@code orr}, {@code response}, {@code cbr}) or median time to progression (any
 * other: PFS, TTP, OS and their hazard ratios, read as the inverse ratio of medians). Endpoints on
 * which higher means less effect ({@link #INVERSE}: IC50, viability, hazard ratios, ...) are
 * compared with the model's response scale turned over.
 *
 * <p>Agreement: a class row agrees when the score is at least the response's {@code partial}
 * threshold exactly when the line is published as sensitive; a direction row when the model's
 * difference (cell arms; at least {@link Predictor#NEUTRAL} in size) or ratio (cohort arms; beyond
 * a factor of 1.05) has the published sign; a ratio or difference row when the model lies within a
 * factor of 1.5 of the published value or inside its published interval.
 */
public final class Validator {
    /** Endpoints on which a higher value means less effect of the therapy. */
    public static final Set<String> INVERSE = Set.of("ic50", "gi50", "ec50", "viability", "cell_growth", "growth", "tumour_volume",
        "tumor_volume", "colony_formation", "proliferation", "hr", "pfs_hr", "os_hr", "dfs_hr", "efs_hr", "idfs_hr", "ttp_hr");
    private static final Set<String> RATES = Set.of("pcr", "orr", "response", "cbr", "response_rate");
    private static final double NULL_RATIO = 1.1;

    /**
     * How to run.
     *
     * @param seed seed of every simulation and cohort
     * @param samples trajectories per cell simulation
     * @param cohortSize virtual patients per cohort
     * @param threads engine threads
     * @param ensemble also run every parameter set of the model's ensemble and widen each row's interval to cover them
     *     (rows of profiles; cohort rows too with {@code ensembleCohorts})
     * @param ensembleCohorts also the cohort rows under every parameter set (as many cohort runs again per set)
     */
    public record Options(long seed, long samples, int cohortSize, int threads, boolean ensemble, boolean ensembleCohorts) {
        /** Without cohort rows under the ensemble. */
        public Options(long seed, long samples, int cohortSize, int threads, boolean ensemble) {
            this(seed, samples, cohortSize, threads, ensemble, false);
        }
    }

    /** Told of each row as it finishes. */
    public interface Listener {
        /** Row {@code done} of {@code total} finished. */
        void row(int done, int total, ValidationRow row);
    }

    private Validator() {
    }

    /**
     * Runs the rows, and with {@link Options#ensemble} once more under each parameter set of the
     * model's ensemble: a row's interval then spans the ensemble's values and the sampling interval.
     *
     * @throws ModelException for a row the model cannot take (an unknown feature)
     */
    public static Scorecard run(ModelRef model, List<ValidationRow> rows, Options o, Listener listener) throws IOException {
        Scorecard base = runOnce(model, rows, o, listener);
        List<java.util.Map<String, Double>> members = o.ensemble() ? model.catalog().parameters().ensemble() : List.of();
        if (members.isEmpty()) {
            return base;
        }
        double[] lo = base.rows().stream().mapToDouble(RowResult::lower).toArray();
        double[] hi = base.rows().stream().mapToDouble(RowResult::upper).toArray();
        List<Integer> which = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (o.ensembleCohorts() || rows.get(i).scenario() instanceof CellArm) {
                which.add(i);
            }
        }
        List<ValidationRow> subset = which.stream().map(rows::get).toList();
        for (java.util.Map<String, Double> m : members) {
            Scorecard c = runOnce(model.with(model.catalog().withParameters(m)), subset, o, (done, total, row) -> { });
            for (int j = 0; j < which.size(); j++) {
                int i = which.get(j);
                lo[i] = Math.min(lo[i], c.rows().get(j).model());
                hi[i] = Math.max(hi[i], c.rows().get(j).model());
            }
        }
        List<RowResult> out = new ArrayList<>();
        for (int i = 0; i < lo.length; i++) {
            RowResult r = base.rows().get(i);
            out.add(new RowResult(r.row(), r.model(), lo[i], hi[i], r.agree(), r.directionRight(), r.baselineDirectionRight(), r.baseline(), r.error()));
        }
        return new Scorecard(out);
    }

    private static Scorecard runOnce(ModelRef model, List<ValidationRow> rows, Options o, Listener listener) throws IOException {
        List<RowResult> out = new ArrayList<>();
        double partial = model.catalog().response().partial();
        try (ArmRunner runner = new ArmRunner(model, o.seed(), o.samples(), o.cohortSize(), o.threads())) {
            int i = 0;
            for (ValidationRow r : rows) {
                out.add(judge(r, runner, partial));
                listener.row(++i, rows.size(), r);
            }
        }
        return new Scorecard(out);
    }

    static RowResult judge(ValidationRow r, ArmRunner runner, double partial) throws IOException {
        Published pub = r.published();
        boolean inverse = INVERSE.contains(r.endpoint()) && !(r.scenario() instanceof CellArm c && c.readout() != null);
        if (pub.comparison() == Comparison.CLASS) {
            ArmRunner.Value v = runner.cell((CellArm) r.scenario());
            boolean sensitive = v.value() >= partial;
            return new RowResult(r, v.value(), v.value() - 1.96 * v.se(), v.value() + 1.96 * v.se(),
                sensitive == pub.label().equals("sensitive"), null, null, -alterations(r.scenario()), null);
        }
        ArmRunner.Value s = value(r.scenario(), r, runner);
        ArmRunner.Value ref = value(r.reference(), r, runner);
        double baseS = -alterations(r.scenario());
        double baseR = -alterations(r.reference());
        boolean cohort = r.scenario() instanceof CohortArm;
        // the model's comparison on the response scale, then turned to the endpoint's orientation
        double model;
        double lo;
        double hi;
        boolean useRatio = pub.comparison() == Comparison.RATIO || (pub.comparison() == Comparison.DIRECTION && cohort);
        if (useRatio) {
            double ratio = s.value() / ref.value();
            double seLog = Math.hypot(s.se() / s.value(), ref.se() / ref.value());
            if (inverse) {
                ratio = 1 / ratio;
            }
            model = ratio;
            lo = ratio * Math.exp(-1.96 * seLog);
            hi = ratio * Math.exp(1.96 * seLog);
        } else {
            double d = (s.value() - ref.value()) * (inverse ? -1 : 1);
            double se = Math.hypot(s.se(), ref.se());
            model = d;
            lo = d - 1.96 * se;
            hi = d + 1.96 * se;
        }
        int pubSign = publishedSign(pub);
        int modelSign = useRatio ? signOfRatio(model, pub.comparison() == Comparison.DIRECTION ? 1.05 : NULL_RATIO)
            : signOfDifference(model, cohort ? 0.02 : Predictor.NEUTRAL);
        int baseSign = (int) Math.signum(baseS - baseR) * (inverse ? -1 : 1);
        boolean directionRight = pubSign == modelSign;
        boolean baselineRight = pubSign == baseSign;
        boolean agree = switch (pub.comparison()) {
            case DIRECTION -> directionRight;
            case RATIO -> Scorecard.within(model, pub.value()) || inside(model, pub);
            case DIFFERENCE -> Scorecard.within(model, pub.value()) || inside(model, pub);
            default -> throw new IllegalStateException();
        };
        return new RowResult(r, model, lo, hi, agree, directionRight, baselineRight, pub.comparison() == Comparison.RATIO ? 1 : baseS - baseR, null);
    }

    private static ArmRunner.Value value(Arm a, ValidationRow r, ArmRunner runner) throws IOException {
        if (a instanceof CellArm c) {
            return runner.cell(c);
        }
        CohortArm c = (CohortArm) a;
        return runner.cohort(c, RATES.contains(r.endpoint()) ? "orr" : "ttp", r.at());
    }

    private static boolean inside(double model, Published p) {
        return !Double.isNaN(p.lower()) && !Double.isNaN(p.upper()) && model >= p.lower() && model <= p.upper();
    }

    /** +1 higher, -1 lower, 0 no difference (a ratio within a factor of 1.1 of 1, or a difference whose interval holds 0). */
    private static int publishedSign(Published p) {
        return switch (p.comparison()) {
            case DIRECTION -> p.label().equals("higher") ? 1 : -1;
            case RATIO -> signOfRatio(p.value(), NULL_RATIO);
            case DIFFERENCE -> !Double.isNaN(p.lower()) && p.lower() <= 0 && p.upper() >= 0 ? 0 : (int) Math.signum(p.value());
            default -> 0;
        };
    }

    private static int signOfRatio(double r, double band) {
        if (!Double.isFinite(r)) {
            return r > 0 ? 1 : 0;
        }
        return r > band ? 1 : r < 1 / band ? -1 : 0;
    }

    private static int signOfDifference(double d, double band) {
        return d > band ? 1 : d < -band ? -1 : 0;
    }

    /** The baseline's count: alterations other than the HER2 amplification, named mechanisms, context entries; a cohort subgroup's feature. */
    static int alterations(Arm a) {
        if (a instanceof CohortArm c) {
            return c.feature() != null && c.present() ? 1 : 0;
        }
        Profile p = ((CellArm) a).profile();
        int n = 0;
        for (Profile.Alteration x : p.alterations()) {
            if (!(x.gene().equals("ERBB2") && !x.kind().equals("loss"))) {
                n++;
            }
        }
        return n + p.mechanisms().size() + (int) p.context().stream().filter(c -> !ValidationData.IN_VITRO.contains(c.key())).count();
    }
}
