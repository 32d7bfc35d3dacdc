// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.calibrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.Scorecard;
import org.her2sim.cohort.validate.ValidationRow;
import org.her2sim.cohort.validate.Validator;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;
import org.her2sim.her2.tumour.TumourParams;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * {@code her2sim calibrate}: fits the free rate constants of {@code network/parameters.yaml} to the
 * training rows of the validation data with CMA-ES (Hipparchus), never reading a test row.
 *
 * <p>Each free parameter is searched on a log scale over its prior range, mapped to [0, 1]. The
 * objective is {@link Scorecard#loss} of the training rows, run exactly as {@code validate} runs
 * them, with one seed for every evaluation (common random numbers: two candidates differ by their
 * parameters, not by noise). The fit runs in stages of growing sample size, each stage starting from
 * the last one's best with a smaller step. Then: the ensemble is every parameter set of the last
 * stage whose loss lies within {@code tolerance} of the best (up to {@code ensembleSize}, spread
 * over that range, the best first); a parameter is unconstrained when moving it alone to either end
 * of its prior raises the loss by less than {@code tolerance}: it keeps its starting value and its
 * interval is its prior.
 */
public final class Calibration {
    /**
     * How to fit.
     *
     * @param seed seed of every simulation and of CMA-ES
     * @param samples trajectories per cell simulation in each stage, growing
     * @param evaluations objective evaluations per stage
     * @param cohortSize virtual patients per cohort (cohort rows)
     * @param threads engine threads
     * @param tolerance loss band of the ensemble and of "constrained"
     * @param ensembleSize at most this many ensemble members
     */
    public record Options(long seed, long[] samples, int evaluations, int cohortSize, int threads, double tolerance, int ensembleSize) { }

    /**
     * A fit.
     *
     * @param start the starting values (her2.cfg)
     * @param fitted every free parameter's fit
     * @param ensemble parameter sets within the tolerance, the best first
     * @param startLoss the loss at the start (last stage's samples)
     * @param loss the loss of the parameters as the model loads them (constrained ones fitted, the others at their start)
     * @param evaluations objective evaluations in all
     * @param rows the training rows fitted to
     * @param seconds wall time
     */
    public record Result(Map<String, Double> start, Map<String, Parameters.Fitted> fitted, List<Map<String, Double>> ensemble, double startLoss,
                         double loss, int evaluations, List<String> rows, double seconds) { }

    /**
     * What a fit moves: free parameters (each with a prior range), their starting values, and the model
     * at a candidate's values.
     *
     * @param name what the parameters are, in messages
     */
    public record Space(String name, List<Parameters.Parameter> free, Map<String, Double> start, Function<Map<String, Double>, Catalog> apply) {
        /** The free rate constants of {@code network/parameters.yaml}, from her2.cfg's values. */
        public static Space network(Catalog catalog) {
            Map<String, Double> start = new LinkedHashMap<>();
            for (Parameters.Parameter p : catalog.parameters().free()) {
                start.put(p.name(), catalog.config().variables().get(p.name()));
            }
            return new Space("free rate constants of " + Parameters.FILE, catalog.parameters().free(), start, catalog::withParameters);
        }

        /**
         * The free constants of {@code tumour.yaml} (its {@code free:} section), from the values the model
         * loads; a candidate is a {@value TumourParams#FITTED} read in place of the file's. Cell-model
         * results are shared between candidates ({@link Catalog#cellCache}): only the tumours run again.
         */
        public static Space tumour(Catalog catalog) throws IOException {
            TumourParams t = TumourParams.load(catalog);
            Map<String, Double> start = new LinkedHashMap<>();
            List<Parameters.Parameter> free = TumourParams.free(catalog);
            for (Parameters.Parameter p : free) {
                start.put(p.name(), t.value(p.name()));
            }
            return new Space("free constants of " + TumourParams.FILE, free, start, values -> {
                StringBuilder y = new StringBuilder("parameters:\n");
                values.forEach((k, v) -> y.append("  ").append(k).append(": {value: ").append(v).append(", interval: [").append(v).append(", ")
                    .append(v).append("], constrained: true}\n"));
                return catalog.withFiles(Map.of(TumourParams.FITTED, y.toString()));
            });
        }
    }

    /** Told of progress. */
    public interface Listener {
        /** After each evaluation. */
        void evaluated(int stage, int evaluation, double loss, double best);
    }

    private final ModelRef model;
    private final Catalog catalog;
    private final List<ValidationRow> rows;
    private final List<Parameters.Parameter> free;
    private final Space space;
    private final Options options;
    private int evaluations;

    /**
     * @param rows training rows only
     * @throws ModelException when a row is not a training row, or there is no free parameter
     */
    public Calibration(ModelRef model, List<ValidationRow> rows, Options options) {
        this(model, rows, options, Space.network(model.catalog()));
    }

    /**
     * A fit of another parameter space (e.g. {@link Space#tumour}).
     *
     * @throws ModelException when a row is not a training row, or there is no free parameter
     */
    public Calibration(ModelRef model, List<ValidationRow> rows, Options options, Space space) {
        this.model = model;
        this.catalog = model.catalog();
        this.rows = List.copyOf(rows);
        this.options = options;
        this.space = space;
        this.free = space.free();
        for (ValidationRow r : rows) {
            if (!r.split().equals(ValidationRow.TRAINING)) {
                throw new ModelException(r.at(), "row " + r.id() + " is a " + r.split() + " row: the fit reads training rows only");
            }
        }
        if (free.isEmpty()) {
            throw new ModelException(SourceLocation.of(space.name()), "no free parameter to fit: no " + space.name());
        }
    }

    /** Runs the fit. */
    public Result run(Listener listener) {
        long t0 = System.nanoTime();
        int d = free.size();
        double[] x = new double[d];
        Map<String, Double> start = new LinkedHashMap<>();
        for (int i = 0; i < d; i++) {
            Parameters.Parameter p = free.get(i);
            double v = space.start().get(p.name());
            start.put(p.name(), v);
            x[i] = toUnit(p, v);
        }
        double sigma = 0.25;
        List<double[]> lastStage = new ArrayList<>();
        long lastSamples = options.samples()[options.samples().length - 1];
        for (int s = 0; s < options.samples().length; s++) {
            long samples = options.samples()[s];
            int stage = s + 1;
            boolean last = s == options.samples().length - 1;
            double[] best = {Double.POSITIVE_INFINITY};
            ObjectiveFunction f = new ObjectiveFunction(point -> {
                double l = loss(point, samples);
                best[0] = Math.min(best[0], l);
                if (last) {
                    double[] row = Arrays.copyOf(point, d + 1);
                    row[d] = l;
                    lastStage.add(row);
                }
                listener.evaluated(stage, evaluations, l, best[0]);
                return l;
            });
            int lambda = 4 + (int) Math.floor(3 * Math.log(d));
            double[] sig = new double[d];
            Arrays.fill(sig, sigma);
            double[] lo = new double[d];
            double[] hi = new double[d];
            Arrays.fill(hi, 1);
            CMAESOptimizer opt = new CMAESOptimizer(options.evaluations(), 0, true, 0, 0, new Well19937c(options.seed() + s), false, null);
            PointValuePair p;
            try {
                p = opt.optimize(new MaxEval(options.evaluations()), f, GoalType.MINIMIZE, new InitialGuess(x), new SimpleBounds(lo, hi),
                    new CMAESOptimizer.Sigma(sig), new CMAESOptimizer.PopulationSize(lambda));
            } catch (org.hipparchus.exception.MathIllegalStateException e) {
                p = null; // the evaluation budget ran out: the best point seen is the stage's result
            }
            double[] bestPoint = p != null ? p.getPoint() : null;
            if (last && !lastStage.isEmpty()) {
                bestPoint = lastStage.stream().min(Comparator.comparingDouble(r -> r[d])).map(r -> Arrays.copyOf(r, d)).orElse(bestPoint);
            } else if (bestPoint == null) {
                bestPoint = x;
            }
            x = bestPoint;
            sigma /= 2;
        }
        double startLoss = loss(toUnit(start), lastSamples);
        double bestLoss = loss(x, lastSamples);
        Map<String, Parameters.Fitted> fitted = new LinkedHashMap<>();
        List<double[]> members = ensemble(lastStage, bestLoss, d);
        for (int i = 0; i < d; i++) {
            Parameters.Parameter p = free.get(i);
            double[] probe = x.clone();
            probe[i] = 0;
            double l0 = loss(probe, lastSamples);
            probe[i] = 1;
            double l1 = loss(probe, lastSamples);
            boolean constrained = Math.max(l0, l1) - bestLoss >= options.tolerance();
            if (!constrained) {
                fitted.put(p.name(), new Parameters.Fitted(start.get(p.name()), p.lower(), p.upper(), false));
                continue;
            }
            double v = fromUnit(p, x[i]);
            double min = v;
            double max = v;
            for (double[] m : members) {
                min = Math.min(min, fromUnit(p, m[i]));
                max = Math.max(max, fromUnit(p, m[i]));
            }
            fitted.put(p.name(), new Parameters.Fitted(v, min, max, true));
        }
        // the model loads the constrained parameters' fits and the others' starting values: its loss is the one reported
        double[] loaded = x.clone();
        for (int i = 0; i < d; i++) {
            if (!fitted.get(free.get(i).name()).constrained()) {
                loaded[i] = toUnit(free.get(i), start.get(free.get(i).name()));
            }
        }
        double loadedLoss = loss(loaded, lastSamples);
        List<Map<String, Double>> ensemble = new ArrayList<>();
        for (double[] m : members) {
            Map<String, Double> e = new LinkedHashMap<>();
            for (int i = 0; i < d; i++) {
                Parameters.Parameter p = free.get(i);
                Parameters.Fitted ft = fitted.get(p.name());
                e.put(p.name(), ft.constrained() ? fromUnit(p, m[i]) : ft.value());
            }
            ensemble.add(e);
        }
        return new Result(start, fitted, ensemble, startLoss, loadedLoss, evaluations, rows.stream().map(ValidationRow::id).toList(),
            (System.nanoTime() - t0) / 1e9);
    }

    /** The last stage's points within the tolerance, the best first, then spread evenly by loss. */
    private List<double[]> ensemble(List<double[]> points, double best, int d) {
        List<double[]> ok = new ArrayList<>(points.stream().filter(r -> r[d] <= best + options.tolerance()).toList());
        ok.sort(Comparator.comparingDouble(r -> r[d]));
        List<double[]> out = new ArrayList<>();
        int k = Math.min(options.ensembleSize(), ok.size());
        for (int j = 0; j < k; j++) {
            int idx = k == 1 ? 0 : (int) Math.round(j * (ok.size() - 1) / (double) (k - 1));
            out.add(ok.get(idx));
        }
        return out;
    }

    private double loss(double[] unit, long samples) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < free.size(); i++) {
            values.put(free.get(i).name(), fromUnit(free.get(i), Math.max(0, Math.min(1, unit[i]))));
        }
        Catalog c = space.apply().apply(values);
        evaluations++;
        try {
            Scorecard card = Validator.run(model.with(c), rows, new Validator.Options(options.seed(), samples, options.cohortSize(), options.threads(), false),
                (done, total, row) -> { });
            return card.loss(c.response().partial());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double[] toUnit(Map<String, Double> values) {
        double[] x = new double[free.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = toUnit(free.get(i), values.get(free.get(i).name()));
        }
        return x;
    }

    static double toUnit(Parameters.Parameter p, double v) {
        return (Math.log(v) - Math.log(p.lower())) / (Math.log(p.upper()) - Math.log(p.lower()));
    }

    static double fromUnit(Parameters.Parameter p, double u) {
        double v = Math.exp(Math.log(p.lower()) + u * (Math.log(p.upper()) - Math.log(p.lower())));
        return Math.max(p.lower(), Math.min(p.upper(), v));
    }

    /** The fit as {@code network/fitted.yaml}. */
    public static String yaml(Result r, Map<String, String> provenance) {
        return yaml(r, provenance, "free rate constants (" + Parameters.FILE + ")");
    }

    /** The fit as a fitted-parameters file ({@code network/fitted.yaml}, {@code tumour_fitted.yaml}) of {@code what}. */
    public static String yaml(Result r, Map<String, String> provenance, String what) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by her2sim calibrate: fitted ").append(what).append(" with the range of the ensemble,\n")
            .append("# and the ensemble of parameter sets consistent with the training rows. Do not edit by hand: run the fit again.\n")
            .append("provenance:\n");
        provenance.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(quote(v)).append('\n'));
        sb.append("parameters:\n");
        r.fitted().forEach((k, f) -> sb.append(String.format(Locale.ROOT, "  %s: {value: %s, interval: [%s, %s], constrained: %s}%n", k, num(f.value()),
            num(f.lower()), num(f.upper()), f.constrained())));
        sb.append("ensemble:\n");
        for (Map<String, Double> m : r.ensemble()) {
            StringBuilder line = new StringBuilder();
            m.forEach((k, v) -> line.append(line.length() == 0 ? "" : ", ").append(k).append(": ").append(num(v)));
            sb.append("  - {").append(line).append("}\n");
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
