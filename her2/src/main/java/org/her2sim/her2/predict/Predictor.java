// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.profile.Profile;

/**
 * Predicts a profile's response to a regimen: simulates it untreated and treated, then with
 * subsets of its active mechanisms (their contributions) and with each add-on therapy (rescues).
 * All simulations use the same seed (common random numbers, so differences are not noise between
 * seeds) and run one after another through one {@link Batch}, each on {@code threads} engine
 * threads; results do not depend on the thread count. Rescue gains and the ensemble's scores are
 * differences on the same trajectories, stopped once precise ({@link Sequential}).
 *
 * <p>Contributions are Shapley values ({@link Shapley}): with {@code f(S)} the response score when
 * exactly the mechanisms in {@code S} are active (context unchanged), the total effect
 * {@code f(none) - f(all)} is shared out among the mechanisms, each getting the average, over
 * every order in which they could be switched on, of the score it takes away when it comes on.
 * Unlike the score lost when one mechanism alone is removed, this credits each of two redundant
 * mechanisms (either suffices for resistance) with half the effect instead of none. With up to
 * {@value #MAX_EXACT} mechanisms every subset is simulated (two simulations each, untreated and
 * treated); with more, {@value #PERMUTATIONS} random orders drawn from the prediction's seed.
 */
public final class Predictor {
    /** Contributions smaller than this in absolute value are called neutral. */
    public static final double NEUTRAL = 0.02;
    /** Up to this many active mechanisms, contributions are exact Shapley values over every subset. */
    public static final int MAX_EXACT = 8;
    /** Random orders of the mechanisms sampled when there are more than {@link #MAX_EXACT}. */
    public static final int PERMUTATIONS = 100;
    /** An add-on's gain is resolved once its standard error is at most this, or a tenth of the gain. */
    public static final double GAIN_SE = 0.01;

    private final Catalog catalog;
    private final int maxExact;
    private final int permutations;

    /**
     * How to predict.
     *
     * @param samples trajectories per simulation; 0 for the response's {@code sample_count}
     * @param threads engine threads per simulation
     * @param rescues whether to try add-on therapies
     * @param lenient ignore unknown profile entries, with warnings
     * @param includePreclinical also try add-ons whose evidence is preclinical only
     */
    public record Options(long samples, int threads, boolean rescues, boolean lenient, boolean includePreclinical) {
        /** Rescues from approved and trial-stage therapies only. */
        public Options(long samples, int threads, boolean rescues, boolean lenient) {
            this(samples, threads, rescues, lenient, false);
        }

        /** The defaults: response's sample count, 2 threads, rescues, strict. */
        public static Options defaults() {
            return new Options(0, 2, true, false);
        }
    }

    /** Told how many simulations a prediction runs, then of each one as it finishes (for progress bars). */
    public interface Listener {
        /** No-op. */
        Listener NONE = new Listener() {
            @Override
            public void start(int total) {
            }

            @Override
            public void done() {
            }
        };

        /** {@code total} simulations to run. */
        void start(int total);

        /** One more finished. */
        void done();
    }

    public Predictor(Catalog catalog) {
        this(catalog, MAX_EXACT, PERMUTATIONS);
    }

    /**
     * A predictor with its own attribution settings (for tests and experiments; the CLI, web and
     * cohort use {@link #MAX_EXACT} and {@link #PERMUTATIONS}).
     *
     * @param maxExact exact Shapley shares up to this many active mechanisms
     * @param permutations random orders sampled above that (at least 2)
     */
    public Predictor(Catalog catalog, int maxExact, int permutations) {
        this.catalog = catalog;
        this.maxExact = maxExact;
        this.permutations = permutations;
    }

    /**
     * Runs the prediction.
     *
     * @param therapies therapy ids, names or aliases
     * @throws ModelException for an unknown therapy or a bad profile entry
     */
    public Prediction predict(Profile profile, List<String> therapies, long seed, Options options) {
        return predict(profile, therapies, seed, options, Listener.NONE);
    }

    /**
     * Runs the prediction, telling {@code listener} of each simulation: untreated and treated, two
     * per further subset of the active mechanisms the contributions need ({@link #attribution}),
     * one per add-on therapy tried.
     *
     * @throws ModelException for an unknown therapy or a bad profile entry
     */
    public Prediction predict(Profile profile, List<String> therapies, long seed, Options options, Listener listener) {
        List<String> regimen = new ArrayList<>();
        for (String t : therapies) {
            String id = catalog.requireTherapy(t, SourceLocation.of("therapy")).id();
            if (!regimen.contains(id)) {
                regimen.add(id);
            }
        }
        Profile.Resolved resolved = profile.resolve(catalog, options.lenient());
        Response r = catalog.response();
        long samples = options.samples() > 0 ? options.samples() : r.sampleCount();
        Scenario untreatedScenario = Scenario.of(resolved, List.of());
        Scenario treatedScenario = untreatedScenario.under(regimen);
        List<Therapy> addons = new ArrayList<>();
        if (options.rescues()) {
            for (Therapy t : catalog.therapies().values()) {
                if (t.addon() && !regimen.contains(t.id()) && (options.includePreclinical() || !t.preclinical())) {
                    addons.add(t);
                }
            }
        }
        List<String> players = attributionPlayers(resolved.mechanisms());
        Shapley shapley = Shapley.of(players.size(), maxExact, permutations, seed);
        long[] coalitions = shapley.coalitions();
        listener.start(2 * coalitions.length + addons.size());
        Batch batch = new Batch(catalog, seed, samples, options.threads());
        PhenotypeResult untreated = run(batch, untreatedScenario, listener);
        PhenotypeResult treated = run(batch, treatedScenario, listener);
        double score = ResponseScore.score(untreated.probabilities(), treated.probabilities(), r);
        ScoreInterval interval = interval(batch, untreatedScenario, treatedScenario, score, scoreSe(untreated, treated, r));

        List<Prediction.Phenotype> phenotypes = new ArrayList<>();
        for (String n : r.outputs()) {
            phenotypes.add(new Prediction.Phenotype(n, r.phenotypes().contains(n) ? "phenotype" : "readout", untreated.get(n), treated.get(n)));
        }

        // f(S) and its standard error for every subset S of the mechanisms the shares need; all of them is the profile itself
        Map<Long, double[]> f = new HashMap<>();
        f.put(shapley.all(), new double[] {score, scoreSe(untreated, treated, r)});
        for (long mask : coalitions) {
            if (!f.containsKey(mask)) {
                Scenario u = untreatedScenario.only(members(players, mask));
                PhenotypeResult pu = run(batch, u, listener);
                PhenotypeResult pt = run(batch, u.under(regimen), listener);
                f.put(mask, new double[] {ResponseScore.score(pu.probabilities(), pt.probabilities(), r), scoreSe(pu, pt, r)});
            }
        }
        double none = f.get(0L)[0];
        // the game: response lost to S, f(none) - f(S); its shares sum to f(none) - f(all)
        Shapley.Result shares = shapley.shares(m -> none - f.get(m)[0], m -> f.get(m)[1]);
        Prediction.Attribution attribution = new Prediction.Attribution(shapley.isExact() ? "exact" : "sampled", players.size(),
            shapley.permutations(), coalitions.length, shares.total(), none, score);
        List<Prediction.MechanismEffect> effects = new ArrayList<>();
        for (String id : resolved.mechanisms()) {
            int i = players.indexOf(id);
            double c = shares.shares()[i];
            String effect = c > NEUTRAL ? "resistance" : c < -NEUTRAL ? "sensitising" : "neutral";
            String says = switch (effect) {
                case "resistance" -> "lowers the response";
                case "sensitising" -> "raises the response";
                default -> "no clear effect";
            };
            String comment = String.format(Locale.ROOT, "%s: Shapley share %.3f of the total effect %.3f (score %.3f with all mechanisms, "
                + "%.3f with none)", says, c, shares.total(), score, none);
            effects.add(new Prediction.MechanismEffect(id, catalog.mechanism(id).name(), c, shares.se()[i], effect, comment));
        }

        List<Prediction.Rescue> rescues = new ArrayList<>();
        if (options.rescues()) {
            for (Therapy t : addons) {
                List<String> plus = new ArrayList<>(regimen);
                plus.add(t.id());
                Sequential.Estimate g = gain(batch, untreatedScenario, treatedScenario, untreatedScenario.under(plus));
                listener.done();
                double s = Math.max(0, Math.min(1, score + g.value()));
                List<String> counters = new ArrayList<>();
                for (String id : resolved.mechanisms()) {
                    Mechanism m = catalog.mechanism(id);
                    if (m.counteredBy().contains(t.id())) {
                        counters.add(id);
                    }
                }
                rescues.add(new Prediction.Rescue(t.id(), t.name(), t.evidence(), s, s - score, counters, g.se(),
                    Math.min(samples, (long) g.blocks() * Batch.BLOCK)));
            }
            rescues.sort(Comparator.comparingDouble((Prediction.Rescue x) -> -x.gain()).thenComparing(Prediction.Rescue::id));
        }
        return new Prediction(profile.name(), regimen, score, interval, ResponseScore.classify(score, r), phenotypes, effects, attribution,
            rescues, seed, samples, resolved.warnings(), untreated, treated);
    }

    /**
     * The players of the attribution game: the active mechanisms sorted by id, so that the sampled
     * orders do not depend on how the profile lists them (the cohort's {@code ResponseModel} uses the
     * same order and gets the same numbers).
     */
    public static List<String> attributionPlayers(List<String> mechanisms) {
        return mechanisms.stream().distinct().sorted().toList();
    }

    /** The Shapley plan for {@code n} active mechanisms: exact up to {@link #MAX_EXACT}, else sampled with the prediction's seed. */
    public static Shapley attribution(int n, long seed) {
        return Shapley.of(n, MAX_EXACT, PERMUTATIONS, seed);
    }

    /** The players (bit {@code i}: {@code players.get(i)}) in a coalition. */
    public static List<String> members(List<String> players, long mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            if ((mask & 1L << i) != 0) {
                out.add(players.get(i));
            }
        }
        return out;
    }

    /**
     * The score's interval: the score under each parameter set of the model's ensemble (same seed),
     * widened by the sampling error; the sampling interval alone when there is no ensemble. A
     * member's score is the prediction's plus the difference between the two on the same
     * trajectories ({@link Sequential}, stopped once its error is at most the score's own); when
     * that stops early, its error widens the interval too (by at most 0.42 x 1.96 errors a side).
     */
    private ScoreInterval interval(Batch batch, Scenario untreated, Scenario treated, double score, double se) {
        Response r = catalog.response();
        double min = score;
        double max = score;
        double extra = 0;
        List<Map<String, Double>> ensemble = catalog.parameters().ensemble();
        Map<String, Double> current = catalog.config().variables();
        for (Map<String, Double> member : ensemble) {
            if (member.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())))) {
                continue; // the catalog's own parameter values: the prediction's score itself
            }
            Batch mb = new Batch(catalog.withParameters(member), batch.seed(), batch.samples(), batch.threads());
            Sequential.Estimate d = Sequential.estimate(batch.blocks(),
                b -> score(mb.run(untreated, b), mb.run(treated, b), r) - score(batch.run(untreated, b), batch.run(treated, b), r),
                i -> score(mb.block(untreated, i), mb.block(treated, i), r) - score(batch.block(untreated, i), batch.block(treated, i), r),
                v -> se);
            double s = Math.max(0, Math.min(1, score + d.value()));
            if (d.blocks() < batch.blocks()) {
                extra = Math.max(extra, d.se());
            }
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return ScoreInterval.of(min, max, Math.hypot(se, extra), ensemble.size());
    }

    /**
     * An add-on's gain: the score with it minus the regimen's, both on the same trajectories,
     * stopped once its error is at most {@value #GAIN_SE} or a tenth of the gain ({@link Sequential}).
     */
    private Sequential.Estimate gain(Batch batch, Scenario untreated, Scenario treated, Scenario plus) {
        Response r = catalog.response();
        return Sequential.estimate(batch.blocks(),
            b -> {
                PhenotypeResult u = batch.run(untreated, b);
                return score(u, batch.run(plus, b), r) - score(u, batch.run(treated, b), r);
            },
            i -> {
                PhenotypeResult u = batch.block(untreated, i);
                return score(u, batch.block(plus, i), r) - score(u, batch.block(treated, i), r);
            },
            v -> Math.max(GAIN_SE, 0.1 * Math.abs(v)));
    }

    private static double score(PhenotypeResult untreated, PhenotypeResult treated, Response r) {
        return ResponseScore.score(untreated.probabilities(), treated.probabilities(), r);
    }

    /** The response score's standard error, roughly: the net growths' errors (independent) over {@code N_untreated + 1}. */
    static double scoreSe(PhenotypeResult untreated, PhenotypeResult treated, Response r) {
        double nu = ResponseScore.netGrowth(untreated.probabilities(), r);
        return Math.hypot(netSe(untreated, r), netSe(treated, r)) / (nu + 1);
    }

    /** The standard error of net growth from its phenotypes' errors (taken as independent). */
    public static double netSe(PhenotypeResult p, Response r) {
        double v = Math.pow(p.get(r.growth()).se(), 2);
        for (String d : r.death()) {
            v += Math.pow(p.get(d).se(), 2);
        }
        return Math.sqrt(v);
    }

    private static PhenotypeResult run(Batch batch, Scenario s, Listener listener) {
        PhenotypeResult r = batch.run(s);
        listener.done();
        return r;
    }
}
