// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Predictor#predict} found for one profile and regimen. {@link #toMap()} gives the
 * JSON form, with exactly the keys profile, therapies, responseScore, responseScoreInterval,
 * responseClass, phenotypes, activeMechanisms, rescues and seed; warnings and time courses are for
 * the caller only.
 *
 * @param profile the profile's name
 * @param therapies therapy ids of the regimen
 * @param responseScore see {@link ResponseScore}
 * @param interval the response score's 95% interval: over the model's parameter ensemble (when it
 *     has one) and sampling
 * @param responseClass sensitive, partial or resistant
 * @param phenotypes phenotypes then readouts, untreated and treated
 * @param activeMechanisms the profile's mechanisms with their contributions
 * @param rescues add-on therapies, best first
 * @param seed the seed of every simulation
 * @param samples trajectories per simulation (per clone)
 * @param warnings what lenient profile resolution ignored
 * @param untreated the untreated result (with time courses)
 * @param treated the treated result (with time courses)
 */
public record Prediction(String profile, List<String> therapies, double responseScore, ScoreInterval interval, String responseClass,
                         List<Phenotype> phenotypes, List<MechanismEffect> activeMechanisms, List<Rescue> rescues,
                         long seed, long samples, List<String> warnings, PhenotypeResult untreated, PhenotypeResult treated) {

    /** The JSON keys, in order. */
    public static final List<String> KEYS = List.of("profile", "therapies", "responseScore", "responseScoreInterval", "responseClass", "phenotypes",
        "activeMechanisms", "rescues", "seed");

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
     * @param contribution score of the profile without it minus the score with it: positive when it
     *     causes resistance
     * @param effect {@code resistance}, {@code sensitising} or {@code neutral} (|contribution| below
     *     {@link Predictor#NEUTRAL})
     * @param comment one line saying so
     */
    public record MechanismEffect(String id, String name, double contribution, String effect, String comment) { }

    /**
     * An add-on therapy.
     *
     * @param responseScore the score with it added to the regimen
     * @param gain that minus the regimen's score
     * @param counters the active mechanisms that list it in {@code countered_by}
     */
    public record Rescue(String id, String name, double responseScore, double gain, List<String> counters) {
        public Rescue {
            counters = List.copyOf(counters);
        }
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
            o.put("effect", e.effect());
            o.put("comment", e.comment());
            ms.add(o);
        }
        m.put("activeMechanisms", ms);
        List<Object> rs = new ArrayList<>();
        for (Rescue r : rescues) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("responseScore", round(r.responseScore()));
            o.put("gain", round(r.gain()));
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
