// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Predictor#predict} found for one profile and regimen. {@link #toMap()} gives the
 * JSON form, with exactly the keys profile, therapies, responseScore, responseScoreInterval,
 * responseClass, phenotypes, activeMechanisms, attribution, rescues and seed; warnings and time
 * courses are for the caller only.
 *
 * @param profile the profile's name
 * @param therapies therapy ids of the regimen
 * @param responseScore see {@link ResponseScore}
 * @param interval the response score's 95% interval: over the model's parameter ensemble (when it
 *     has one) and sampling
 * @param responseClass sensitive, partial or resistant
 * @param phenotypes phenotypes then readouts, untreated and treated
 * @param activeMechanisms the profile's mechanisms with their contributions (Shapley shares)
 * @param attribution how the contributions were computed, and the total effect they share out
 * @param rescues add-on therapies, best first
 * @param seed the seed of every simulation
 * @param samples trajectories per simulation (per clone)
 * @param warnings what lenient profile resolution ignored
 * @param untreated the untreated result (with time courses)
 * @param treated the treated result (with time courses)
 */
public record Prediction(String profile, List<String> therapies, double responseScore, ScoreInterval interval, String responseClass,
                         List<Phenotype> phenotypes, List<MechanismEffect> activeMechanisms, Attribution attribution, List<Rescue> rescues,
                         long seed, long samples, List<String> warnings, PhenotypeResult untreated, PhenotypeResult treated) {

    /** The JSON keys, in order. */
    public static final List<String> KEYS = List.of("profile", "therapies", "responseScore", "responseScoreInterval", "responseClass", "phenotypes",
        "activeMechanisms", "attribution", "rescues", "seed");

    public Prediction {
        therapies = List.copyOf(therapies);
        phenotypes = List.copyOf(phenotypes);
        activeMechanisms = List.copyOf(activeMechanisms);
        rescues = List.copyOf(rescues);
        warnings = List.copyOf(warnings);
    }

    /**
     * A phenotype or readout.
     *
     * @param kind {@code phenotype} or {@code readout}
     */
    public record Phenotype(String name, String kind, Estimate untreated, Estimate treated) { }

    /**
     * An active mechanism's share of the outcome.
     *
     * @param contribution its Shapley share of the total effect (see {@link Attribution}): positive
     *     when it lowers the response (resistance); the shares of all active mechanisms sum to the
     *     total effect. With one mechanism it is the score without it minus the score with it.
     * @param se the share's standard error: from the scores' sampling error (each subset's score
     *     taken as independent, which common random numbers make conservative), and when sampled
     *     also from the sampled orders
     * @param effect {@code resistance}, {@code sensitising} or {@code neutral} (|contribution| below
     *     {@link Predictor#NEUTRAL})
     * @param comment one line saying so
     */
    public record MechanismEffect(String id, String name, double contribution, double se, String effect, String comment) { }

    /**
     * How the contributions were computed: Shapley values of the game whose value for a subset
     * {@code S} of the active mechanisms is {@code f(none) - f(S)}, {@code f(S)} being the response
     * score with exactly the mechanisms of {@code S} active.
     *
     * @param method {@code exact} (every subset simulated) or {@code sampled} (random orders)
     * @param mechanisms the number of active mechanisms
     * @param permutations random orders sampled (0 when exact)
     * @param coalitions subsets of the mechanisms whose score was needed (the full set included)
     * @param totalEffect what the shares sum to: {@code scoreWithNone - scoreWithAll}
     * @param scoreWithNone the score with none of the mechanisms (context unchanged)
     * @param scoreWithAll the score with all of them: the prediction's score
     */
    public record Attribution(String method, int mechanisms, int permutations, int coalitions, double totalEffect, double scoreWithNone,
                              double scoreWithAll) {
        /** {@code exact over 3 mechanisms} or {@code sampled, 100 permutations of 12 mechanisms}. */
        public String describe() {
            String of = mechanisms + (mechanisms == 1 ? " mechanism" : " mechanisms");
            return method.equals("exact") ? "exact over " + of : "sampled, " + permutations + " permutations of " + of;
        }

        /** One sentence for reports: what the shares are and what they sum to. */
        public String sentence() {
            return String.format(Locale.ROOT, "Contributions are Shapley shares over the active mechanisms (%s) and sum to the total "
                + "effect %.3f: the score is %.3f with none of them and %.3f with all.", describe(), totalEffect, scoreWithNone, scoreWithAll);
        }
    }

    /**
     * An add-on therapy.
     *
     * @param responseScore the score with it added to the regimen
     * @param gain that minus the regimen's score
     * @param counters the active mechanisms that list it in {@code countered_by}
     * @param gainSe the gain's standard error (paired with the regimen on the same trajectories)
     * @param trajectories trajectories the gain was estimated from ({@link Sequential}: fewer than the
     *     prediction's samples when the gain was resolved early)
     */
    public record Rescue(String id, String name, String evidence, double responseScore, double gain, List<String> counters,
                         double gainSe, long trajectories) {
        public Rescue {
            counters = List.copyOf(counters);
        }

        /** Without an error estimate (0) or trajectory count (0). */
        public Rescue(String id, String name, String evidence, double responseScore, double gain, List<String> counters) {
            this(id, name, evidence, responseScore, gain, counters, 0, 0);
        }

        /** The gain's standard error (as {@link #gainSe}). */
        public double se() {
            return gainSe;
        }

        /** Whether the gain exceeds its standard error: reports show these first and the rest on request. */
        public boolean measurable() {
            return gain > gainSe;
        }
    }

    /** The rescues whose gain exceeds its standard error, best first. */
    public List<Rescue> measurableRescues() {
        return rescues.stream().filter(Rescue::measurable).toList();
    }

    /** The JSON form: nested maps and lists of strings and numbers. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile);
        m.put("therapies", therapies);
        m.put("responseScore", round(responseScore));
        m.put("responseScoreInterval", List.of(round(interval.lower()), round(interval.upper())));
        m.put("responseClass", responseClass);
        List<Object> ps = new ArrayList<>();
        for (Phenotype p : phenotypes) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", p.name());
            o.put("kind", p.kind());
            o.put("untreated", round(p.untreated().p()));
            o.put("untreatedSE", round(p.untreated().se()));
            o.put("treated", round(p.treated().p()));
            o.put("treatedSE", round(p.treated().se()));
            ps.add(o);
        }
        m.put("phenotypes", ps);
        List<Object> ms = new ArrayList<>();
        for (MechanismEffect e : activeMechanisms) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", e.id());
            o.put("name", e.name());
            o.put("contribution", round(e.contribution()));
            o.put("contributionSE", round(e.se()));
            o.put("effect", e.effect());
            o.put("comment", e.comment());
            ms.add(o);
        }
        m.put("activeMechanisms", ms);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("method", attribution.method());
        a.put("mechanisms", attribution.mechanisms());
        if (attribution.permutations() > 0) {
            a.put("permutations", attribution.permutations());
        }
        a.put("coalitions", attribution.coalitions());
        a.put("totalEffect", round(attribution.totalEffect()));
        a.put("scoreWithNone", round(attribution.scoreWithNone()));
        a.put("scoreWithAll", round(attribution.scoreWithAll()));
        a.put("note", "each contribution is the mechanism's Shapley share of totalEffect (scoreWithNone - scoreWithAll) over the active "
            + "mechanisms, " + (attribution.permutations() > 0 ? "estimated from " + attribution.permutations() + " random orders"
                : "exact over all " + attribution.coalitions() + " subsets") + "; the shares sum to totalEffect; positive lowers the response. "
            + "contributionSE: from the scores' sampling error (subsets taken as independent)"
            + (attribution.permutations() > 0 ? " and the sampled orders" : ""));
        m.put("attribution", a);
        List<Object> rs = new ArrayList<>();
        for (Rescue r : rescues) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("evidence", r.evidence());
            o.put("responseScore", round(r.responseScore()));
            o.put("gain", round(r.gain()));
            o.put("gainSE", round(r.se()));
            o.put("counters", r.counters());
            rs.add(o);
        }
        m.put("rescues", rs);
        m.put("seed", seed);
        return m;
    }

    /** Six decimals: enough for any sample size, and stable text. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
