// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.cohort.run.RegimenWords;
import org.her2sim.engine.model.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.PkInputException;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;

/**
 * The inputs of a run, read from a request body and checked before any job starts: a bundled
 * profile name or profile YAML text (never a path), known therapies, numbers within the limits.
 */
final class Inputs {
    static final Set<String> PREDICT_FIELDS = Set.of("profile", "profileYaml", "therapies", "seed", "samples", "rescues", "lenient",
        "includePreclinical");
    static final Set<String> TREAT_FIELDS = Set.of("profile", "profileYaml", "regimen", "months", "seed", "lenient", "weight", "ecd", "metSites", "delays",
        "skips");

    private Inputs() {
    }

    /** A profile as given: a bundled name or YAML text, and the profile read from it. */
    record ProfileInput(String name, String yaml, Profile profile) {
        void putInto(Map<String, Object> m) {
            if (name != null) {
                m.put("profile", name);
            } else {
                m.put("profileYaml", yaml);
            }
        }
    }

    /** {@code POST /api/predict}. */
    record Predict(ProfileInput profile, List<String> therapies, long seed, long samples, boolean rescues, boolean lenient,
                   boolean includePreclinical) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            profile.putInto(m);
            m.put("therapies", therapies);
            m.put("seed", seed);
            m.put("samples", samples);
            m.put("rescues", rescues);
            m.put("lenient", lenient);
            m.put("includePreclinical", includePreclinical);
            return m;
        }
    }

    /**
     * {@code POST /api/treat}.
     *
     * @param regimen therapy ids
     * @param words the regimen as asked for: a dosing regimen id, or a therapy id given continuously
     * @param dosed the dosing regimens among them
     * @param weight body weight for weight-based doses, kg
     */
    /**
     * @param ecd serum shed HER2 ECD, ng/mL, or null (the PK model's reference)
     * @param metSites number of metastatic sites
     * @param delays {@code CYCLE:DAYS} dose delays of the dosing regimens, as given
     * @param skips skipped cycles, as given
     * @param mods the delays and skips, parsed
     */
    record Treat(ProfileInput profile, List<String> regimen, List<String> words, List<Regimen> dosed, double weight, Double ecd, long metSites,
                 List<String> delays, List<String> skips, Modifications mods, long months, long seed, boolean lenient) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            profile.putInto(m);
            m.put("regimen", words);
            m.put("weight", weight);
            if (ecd != null) {
                m.put("ecd", ecd);
            }
            m.put("metSites", metSites);
            if (!delays.isEmpty()) {
                m.put("delays", delays);
            }
            if (!skips.isEmpty()) {
                m.put("skips", skips);
            }
            m.put("months", months);
            m.put("seed", seed);
            m.put("lenient", lenient);
            return m;
        }
    }

    static Predict predict(String text, ModelService model, WebConfig config) {
        Body b = Body.of(text, PREDICT_FIELDS);
        boolean lenient = b.flag("lenient", false);
        ProfileInput p = profile(b, model, config, lenient);
        List<String> therapies = therapies(b, "therapies", model.catalog());
        long samples = b.whole("samples", Math.min(model.catalog().response().sampleCount(), config.maxSamples()));
        if (samples < 2 || samples > config.maxSamples()) {
            throw ApiException.bad("samples", "'samples' must be 2 to " + config.maxSamples() + " (the server's limit), not " + samples);
        }
        long seed = b.whole("seed", model.catalog().config().seed());
        return new Predict(p, therapies, seed, samples, b.flag("rescues", true), lenient, b.flag("includePreclinical", false));
    }

    static Treat treat(String text, ModelService model, WebConfig config) {
        Body b = Body.of(text, TREAT_FIELDS);
        boolean lenient = b.flag("lenient", false);
        ProfileInput p = profile(b, model, config, lenient);
        RegimenWords parsed;
        try {
            parsed = RegimenWords.resolve(model.catalog(), model.pk(), b.strings("regimen"), "regimen");
        } catch (ModelException e) {
            throw ApiException.bad("regimen", e.getMessage());
        }
        List<String> regimen = parsed.therapies();
        List<String> words = parsed.words();
        List<Regimen> dosed = parsed.dosing().stream().map(id -> model.pk().regimens().get(id)).toList();
        if (regimen.isEmpty()) {
            throw ApiException.bad("regimen", "'regimen' needs at least one therapy (id, name or alias) or dosing regimen (e.g. trastuzumab_q3w)");
        }
        Double w = b.number("weight");
        double weight = w == null ? 70 : w;
        if (!(weight >= 20 && weight <= 250)) {
            throw ApiException.bad("weight", "'weight' must be 20 to 250 kg, not " + weight);
        }
        Double ecd = b.number("ecd");
        if (ecd != null && !(ecd > 0 && ecd <= 10_000)) {
            throw ApiException.bad("ecd", "'ecd' (serum HER2 ECD) must be above 0 and at most 10000 ng/mL, not " + ecd);
        }
        long metSites = b.whole("metSites", 1);
        if (metSites < 0 || metSites > 20) {
            throw ApiException.bad("metSites", "'metSites' must be 0 to 20, not " + metSites);
        }
        long months = b.whole("months", Math.min(12, config.maxMonths()));
        if (months < 1 || months > config.maxMonths()) {
            throw ApiException.bad("months", "'months' must be 1 to " + config.maxMonths() + " (the server's limit), not " + months);
        }
        long seed = b.whole("seed", model.catalog().config().seed());
        List<String> delays = b.strings("delays");
        List<String> skips = b.strings("skips");
        Modifications mods;
        try {
            mods = Modifications.parse(delays, skips);
            for (Regimen r : dosed) {
                r.schedule(weight, months * 365.25 / 12, mods);   // a delay or skip beyond a fixed regimen is refused
            }
        } catch (PkInputException e) {
            String field = switch (e.field()) {
                case "delay" -> "delays";
                case "skip" -> "skips";
                default -> e.field();
            };
            throw ApiException.bad(field, "'" + field + "': " + e.problem());
        }
        if (!mods.equals(Modifications.NONE) && dosed.isEmpty()) {
            throw ApiException.bad(delays.isEmpty() ? "skips" : "delays", "delays and skips apply to dosing regimens (e.g. trastuzumab_q3w),"
                + " and 'regimen' has none");
        }
        return new Treat(p, regimen, words, dosed, weight, ecd, metSites, delays, skips, mods, months, seed, lenient);
    }

    private static ProfileInput profile(Body b, ModelService model, WebConfig config, boolean lenient) {
        String name = b.string("profile");
        String yaml = b.string("profileYaml");
        if ((name == null) == (yaml == null)) {
            throw ApiException.bad("profile", "give either 'profile' (a bundled profile name) or 'profileYaml' (the profile's YAML text)");
        }
        String field = name != null ? "profile" : "profileYaml";
        if (yaml != null && yaml.length() > config.maxProfileChars()) {
            throw ApiException.bad("profileYaml", "'profileYaml' is " + yaml.length() + " characters; the server's limit is "
                + config.maxProfileChars());
        }
        if (name != null && !model.profiles().contains(name)) {
            throw ApiException.bad("profile", "no bundled profile '" + name + "' (bundled: " + String.join(", ", model.profiles()) + ")");
        }
        String text = name != null ? model.profileText(name, "profile") : yaml;
        Profile profile;
        try {
            profile = ProfileReader.parse(field, name != null ? name : "custom", text);
            profile.resolve(model.catalog(), lenient);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // ModelException names field:line:column; anything else from the YAML reader is still the profile's fault
            throw ApiException.bad(field, e instanceof ModelException ? e.getMessage() : field + ": malformed profile: " + e.getMessage());
        }
        return new ProfileInput(name, yaml, profile);
    }

    private static List<String> therapies(Body b, String field, Catalog catalog) {
        return therapies(b.strings(field), field, catalog);
    }

    /** Therapy ids of the words (ids, names or aliases), each once. @throws ApiException 400 naming the field */
    static List<String> therapies(List<String> words, String field, Catalog catalog) {
        if (words.isEmpty()) {
            throw ApiException.bad(field, "'" + field + "' needs at least one therapy (id, name or alias)");
        }
        List<String> ids = new ArrayList<>();
        for (String w : words) {
            Therapy t = catalog.therapy(w);
            if (t == null) {
                try {
                    catalog.requireTherapy(w, null);
                } catch (ModelException e) {
                    throw ApiException.bad(field, e.getMessage());
                }
            } else if (!ids.contains(t.id())) {
                ids.add(t.id());
            }
        }
        return ids;
    }
}
