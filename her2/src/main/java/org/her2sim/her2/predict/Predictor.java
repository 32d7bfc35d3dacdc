// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.her2sim.engine.model.ModelException;
import org.her2sim.engine.model.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.profile.Profile;

/**
 * Predicts a profile's response to a regimen: simulates it untreated and treated, then once more
 * without each active mechanism (its contribution) and with each add-on therapy (rescues). All
 * simulations use the same seed (common random numbers, so differences are not noise between
 * seeds) and run one after another, each on {@code threads} engine threads; results do not depend
 * on the thread count.
 */
public final class Predictor {
    /** Contributions smaller than this in absolute value are called neutral. */
    public static final double NEUTRAL = 0.02;

    private final Catalog catalog;

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
        this.catalog = catalog;
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
     * per active mechanism, one per add-on therapy tried.
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
        listener.start(2 + 2 * resolved.mechanisms().size() + addons.size());
        PhenotypeResult untreated = run(untreatedScenario, seed, samples, options, listener);
        PhenotypeResult treated = run(treatedScenario, seed, samples, options, listener);
        double score = ResponseScore.score(untreated.probabilities(), treated.probabilities(), r);
        ScoreInterval interval = interval(untreatedScenario, treatedScenario, score, untreated, treated, seed, samples, options);

        List<Prediction.Phenotype> phenotypes = new ArrayList<>();
        for (String n : r.outputs()) {
            phenotypes.add(new Prediction.Phenotype(n, r.phenotypes().contains(n) ? "phenotype" : "readout", untreated.get(n), treated.get(n)));
        }

        List<Prediction.MechanismEffect> effects = new ArrayList<>();
        for (String id : resolved.mechanisms()) {
            Scenario u = untreatedScenario.without(id);
            double without = ResponseScore.score(run(u, seed, samples, options, listener).probabilities(),
                run(u.under(regimen), seed, samples, options, listener).probabilities(), r);
            double c = without - score;
            String effect = c > NEUTRAL ? "resistance" : c < -NEUTRAL ? "sensitising" : "neutral";
            String comment = String.format(Locale.ROOT, "%s: score %.3f without it, %.3f with it", switch (effect) {
                case "resistance" -> "lowers the response";
                case "sensitising" -> "raises the response";
                default -> "no clear effect";
            }, without, score);
            effects.add(new Prediction.MechanismEffect(id, catalog.mechanism(id).name(), c, effect, comment));
        }

        List<Prediction.Rescue> rescues = new ArrayList<>();
        if (options.rescues()) {
            for (Therapy t : addons) {
                List<String> plus = new ArrayList<>(regimen);
                plus.add(t.id());
                double s = ResponseScore.score(untreated.probabilities(),
                    run(untreatedScenario.under(plus), seed, samples, options, listener).probabilities(), r);
                List<String> counters = new ArrayList<>();
                for (String id : resolved.mechanisms()) {
                    Mechanism m = catalog.mechanism(id);
                    if (m.counteredBy().contains(t.id())) {
                        counters.add(id);
                    }
                }
                rescues.add(new Prediction.Rescue(t.id(), t.name(), s, s - score, counters));
            }
            rescues.sort(Comparator.comparingDouble((Prediction.Rescue x) -> -x.gain()).thenComparing(Prediction.Rescue::id));
        }
        return new Prediction(profile.name(), regimen, score, interval, ResponseScore.classify(score, r), phenotypes, effects, rescues,
            seed, samples, resolved.warnings(), untreated, treated);
    }

    /**
     * The score's interval: the score under each parameter set of the model's ensemble (same seed),
     * widened by the sampling error; the sampling interval alone when there is no ensemble.
     */
    private ScoreInterval interval(Scenario untreated, Scenario treated, double score, PhenotypeResult u, PhenotypeResult t, long seed,
                                   long samples, Options o) {
        Response r = catalog.response();
        double nu = ResponseScore.netGrowth(u.probabilities(), r);
        double se = Math.hypot(netSe(u, r), netSe(t, r)) / (nu + 1);
        double min = score;
        double max = score;
        List<java.util.Map<String, Double>> ensemble = catalog.parameters().ensemble();
        for (java.util.Map<String, Double> member : ensemble) {
            Catalog c = catalog.withParameters(member);
            double s = ResponseScore.score(Simulation.run(c, untreated, seed, samples, o.threads()).probabilities(),
                Simulation.run(c, treated, seed, samples, o.threads()).probabilities(), r);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return ScoreInterval.of(min, max, se, ensemble.size());
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
