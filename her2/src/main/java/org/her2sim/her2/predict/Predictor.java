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
 * seeds) and run one after another, each on {@code threads} engine threads; results do not depend
 * on the thread count.
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
        PhenotypeResult untreated = run(untreatedScenario, seed, samples, options, listener);
        PhenotypeResult treated = run(treatedScenario, seed, samples, options, listener);
        double score = ResponseScore.score(untreated.probabilities(), treated.probabilities(), r);
        ScoreInterval interval = interval(untreatedScenario, treatedScenario, score, untreated, treated, seed, samples, options);

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
                PhenotypeResult pu = run(u, seed, samples, options, listener);
                PhenotypeResult pt = run(u.under(regimen), seed, samples, options, listener);
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
                PhenotypeResult withIt = run(untreatedScenario.under(plus), seed, samples, options, listener);
                double s = ResponseScore.score(untreated.probabilities(), withIt.probabilities(), r);
                List<String> counters = new ArrayList<>();
                for (String id : resolved.mechanisms()) {
                    Mechanism m = catalog.mechanism(id);
                    if (m.counteredBy().contains(t.id())) {
                        counters.add(id);
                    }
                }
                rescues.add(new Prediction.Rescue(t.id(), t.name(), t.evidence(), s, s - score, gainSe(treated, withIt, untreated, r), counters));
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
     * widened by the sampling error; the sampling interval alone when there is no ensemble.
     */
    private ScoreInterval interval(Scenario untreated, Scenario treated, double score, PhenotypeResult u, PhenotypeResult t, long seed,
                                   long samples, Options o) {
        Response r = catalog.response();
        double se = scoreSe(u, t, r);
        double min = score;
        double max = score;
        List<Map<String, Double>> ensemble = catalog.parameters().ensemble();
        for (Map<String, Double> member : ensemble) {
            Catalog c = catalog.withParameters(member);
            double s = ResponseScore.score(Simulation.run(c, untreated, seed, samples, o.threads()).probabilities(),
                Simulation.run(c, treated, seed, samples, o.threads()).probabilities(), r);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return ScoreInterval.of(min, max, se, ensemble.size());
    }

    /** The response score's standard error, roughly: the net growths' errors (independent) over {@code N_untreated + 1}. */
    static double scoreSe(PhenotypeResult untreated, PhenotypeResult treated, Response r) {
        double nu = ResponseScore.netGrowth(untreated.probabilities(), r);
        return Math.hypot(netSe(untreated, r), netSe(treated, r)) / (nu + 1);
    }

    /** A rescue's gain's standard error: the two treated net growths' errors (taken as independent) over {@code N_untreated + 1}. */
    static double gainSe(PhenotypeResult treated, PhenotypeResult withAddon, PhenotypeResult untreated, Response r) {
        return Math.hypot(netSe(treated, r), netSe(withAddon, r)) / (ResponseScore.netGrowth(untreated.probabilities(), r) + 1);
    }

    /** The standard error of net growth from its phenotypes' errors (taken as independent). */
    public static double netSe(PhenotypeResult p, Response r) {
        double v = Math.pow(p.get(r.growth()).se(), 2);
        for (String d : r.death()) {
            v += Math.pow(p.get(d).se(), 2);
        }
        return Math.sqrt(v);
    }

    private PhenotypeResult run(Scenario s, long seed, long samples, Options o, Listener listener) {
        PhenotypeResult r = Simulation.run(catalog, s, seed, samples, o.threads());
        listener.done();
        return r;
    }
}
