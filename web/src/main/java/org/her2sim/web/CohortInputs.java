// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.cohort.screen.Combinations;
import org.her2sim.cohort.screen.DistinctProfiles;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.RegimenWords;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;

/**
 * The inputs of cohort runs and screens, checked before any job starts. A cohort is sampled here
 * (size, seed, setting) or given as the text of a cohort file; either way it is read and every
 * patient's profile resolved now, so a bad cohort is a 400, never a failed job.
 */
final class CohortInputs {
    /** Most therapies in a tumour regimen (each clone's rates mix 2^k cell-model runs). */
    static final int MAX_REGIMEN = 5;
    static final Set<String> COHORT_FIELDS = Set.of("cohort", "size", "cohortSeed", "setting", "therapies", "regimen", "months", "seed",
        "samples", "rescues");
    static final Set<String> SCREEN_FIELDS = Set.of("profiles", "profileYamls", "cohort", "size", "cohortSeed", "setting", "therapies",
        "pairs", "triples", "seed", "samples");
    /** Most therapies in a screen (as {@code her2sim screen}). */
    static final int MAX_SCREEN_THERAPIES = 30;

    private CohortInputs() {
    }

    /**
     * A cohort and where it came from.
     *
     * @param inline the cohort-file text as sent, or null when sampled
     * @param cohort the patients
     * @param text the cohort file a run reads (the text as sent, or the sampled cohort written out)
     * @param patients the patients resolved to distinct profiles
     */
    record Source(String inline, Cohort cohort, String text, CohortPatients patients) {
        void putInto(Map<String, Object> m) {
            if (inline != null) {
                m.put("cohort", inline);
            } else {
                m.put("size", cohort.patients().size());
                m.put("cohortSeed", cohort.seed());
                m.put("setting", cohort.setting().id());
            }
        }

        /** For the history's profile column. */
        String describe() {
            int n = cohort.patients().size();
            return inline != null ? "cohort file, " + n + " patients (" + cohort.setting().id() + ")"
                : "sampled cohort, " + n + " " + cohort.setting().id() + " patients (seed " + cohort.seed() + ")";
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", inline != null ? "cohort file" : "sampled");
            m.put("patients", cohort.patients().size());
            m.put("distinctProfiles", patients.keys().size());
            m.put("setting", cohort.setting().id());
            m.put("cohortSeed", cohort.seed());
            m.put("features", patients.features());
            return m;
        }
    }

    /**
     * {@code POST /api/cohort}: response to therapies, tumour dynamics under a regimen, or both.
     *
     * @param regimen the regimen's words, canonical: dosing regimen ids and therapy ids (given continuously)
     * @param regimenTherapies the regimen's therapy ids
     * @param dosing the dosing regimen ids among {@code regimen}
     */
    record CohortRequest(Source cohort, List<String> therapies, List<String> regimen, List<String> regimenTherapies, List<String> dosing,
                         long months, long seed, long samples, boolean rescues) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            cohort.putInto(m);
            m.put("therapies", therapies);
            m.put("regimen", regimen);
            m.put("months", months);
            m.put("seed", seed);
            m.put("samples", samples);
            m.put("rescues", rescues);
            return m;
        }

        /** Therapies and regimen, for the history. */
        List<String> all() {
            List<String> out = new ArrayList<>(therapies);
            regimen.stream().map(r -> "regimen " + r).forEach(out::add);
            return out;
        }
    }

    /**
     * {@code POST /api/screen}.
     *
     * @param keys distinct profiles
     * @param labels their names (profiles with the same key joined by ';'), or their keys for a cohort
     * @param weights profiles or patients per key
     */
    record ScreenRequest(List<String> profiles, List<String> profileYamls, Source cohort, List<String> therapies, boolean triples, long seed,
                         long samples, List<ProfileKey> keys, List<String> labels, int[] weights) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (cohort != null) {
                cohort.putInto(m);
            } else {
                m.put("profiles", profiles);
                m.put("profileYamls", profileYamls);
            }
            m.put("therapies", therapies);
            m.put(triples ? "triples" : "pairs", true);
            m.put("seed", seed);
            m.put("samples", samples);
            return m;
        }

        int maxSize() {
            return triples ? 3 : 2;
        }

        String describe() {
            return cohort != null ? cohort.describe() : keys.size() + " distinct profile" + (keys.size() == 1 ? "" : "s") + ": "
                + String.join(", ", labels);
        }
    }

    static CohortRequest cohort(String text, ModelService model, WebConfig config) {
        Body b = Body.of(text, COHORT_FIELDS);
        Source src = source(b, model, config, true);
        Catalog c = model.catalog();
        // an empty list is the same as none (stored inputs list both)
        List<String> therapies = b.strings("therapies").isEmpty() ? List.of() : Inputs.therapies(b.strings("therapies"), "therapies", c);
        RegimenWords words;
        try {
            words = RegimenWords.resolve(c, model.pk(), b.strings("regimen"), "regimen");
        } catch (ModelException e) {
            throw ApiException.bad("regimen", e.getMessage());
        }
        if (words.therapies().size() > MAX_REGIMEN) {
            throw ApiException.bad("regimen", "at most " + MAX_REGIMEN + " therapies in a regimen, not " + words.therapies().size());
        }
        List<String> regimen = words.words();
        if (therapies.isEmpty() && regimen.isEmpty()) {
            throw ApiException.bad("therapies", "give 'therapies' (response of each patient) and/or 'regimen' (tumour dynamics with"
                + " Kaplan-Meier curves)");
        }
        long months = b.whole("months", Math.min(24, config.maxMonths()));
        if (months < 1 || months > config.maxMonths()) {
            throw ApiException.bad("months", "'months' must be 1 to " + config.maxMonths() + " (the server's limit), not " + months);
        }
        long samples = samples(b, model, config);
        long seed = b.whole("seed", c.config().seed());
        return new CohortRequest(src, therapies, regimen, words.therapies(), words.dosing(), months, seed, samples, b.flag("rescues", false));
    }

    static ScreenRequest screen(String text, ModelService model, WebConfig config) {
        Body b = Body.of(text, SCREEN_FIELDS);
        Catalog c = model.catalog();
        boolean byProfiles = b.has("profiles") || b.has("profileYamls");
        boolean byCohort = b.has("cohort") || b.has("size");
        if (byProfiles == byCohort) {
            throw ApiException.bad("profiles", "give profiles ('profiles': bundled names, and/or 'profileYamls': YAML texts) or a cohort"
                + " ('size' to sample one, or 'cohort': a cohort file's text), not both or neither");
        }
        List<String> therapies = Inputs.therapies(b.strings("therapies"), "therapies", c);
        if (therapies.size() < 2 || therapies.size() > MAX_SCREEN_THERAPIES) {
            throw ApiException.bad("therapies", "'therapies' needs 2 to " + MAX_SCREEN_THERAPIES + " different therapies, not "
                + therapies.size());
        }
        boolean pairs = b.flag("pairs", false);
        boolean triples = b.flag("triples", false);
        if (pairs && triples) {
            throw ApiException.bad("triples", "give 'pairs' (singles and pairs, the default) or 'triples' (singles, pairs and triples),"
                + " not both");
        }
        if (triples && therapies.size() < 3) {
            throw ApiException.bad("therapies", "'triples' needs at least 3 therapies, not " + therapies.size());
        }
        List<ProfileKey> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        Source src = null;
        List<String> names = b.strings("profiles");
        List<String> yamls = b.strings("profileYamls");
        if (byCohort) {
            src = source(b, model, config, false);
            int[] counts = src.patients().counts();
            for (int k = 0; k < src.patients().keys().size(); k++) {
                keys.add(src.patients().keys().get(k));
                labels.add(src.patients().keys().get(k).text());
                weights.add(counts[k]);
            }
        } else {
            List<Profile> ps = new ArrayList<>();
            for (String n : names) {
                if (!model.profiles().contains(n)) {
                    throw ApiException.bad("profiles", "no bundled profile '" + n + "' (bundled: " + String.join(", ", model.profiles()) + ")");
                }
                ps.add(parse("profiles", n, model.profileText(n, "profiles"), c));
            }
            for (int i = 0; i < yamls.size(); i++) {
                String y = yamls.get(i);
                if (y.length() > config.maxProfileChars()) {
                    throw ApiException.bad("profileYamls", "'profileYamls' item " + (i + 1) + " is " + y.length()
                        + " characters; the server's limit is " + config.maxProfileChars());
                }
                ps.add(parse("profileYamls[" + (i + 1) + "]", "custom_" + (i + 1), y, c));
            }
            DistinctProfiles distinct = new DistinctProfiles(keys, labels, weights);
            for (Profile p : ps) {
                distinct.add(p, c);
            }
        }
        long work = (long) Combinations.of(therapies, triples ? 3 : 2).size() * keys.size();
        if (work > config.maxScreenWork()) {
            throw ApiException.bad("therapies", "the screen is " + Combinations.of(therapies, triples ? 3 : 2).size() + " combinations x "
                + keys.size() + " distinct profiles = " + work + " scores; the server's limit is " + config.maxScreenWork()
                + ": use fewer therapies, pairs instead of triples, or fewer profiles");
        }
        long samples = samples(b, model, config);
        long seed = b.whole("seed", c.config().seed());
        return new ScreenRequest(byCohort ? List.of() : names, byCohort ? List.of() : yamls, src, therapies, triples, seed, samples,
            List.copyOf(keys), List.copyOf(labels), weights.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Profile parse(String field, String name, String text, Catalog c) {
        String f = field.startsWith("profileYamls") ? "profileYamls" : field;
        try {
            Profile p = ProfileReader.parse(field, name, text);
            p.resolve(c, false);
            return p;
        } catch (RuntimeException e) {
            throw ApiException.bad(f, e instanceof ModelException ? e.getMessage() : field + ": malformed profile: " + e.getMessage());
        }
    }

    private static long samples(Body b, ModelService model, WebConfig config) {
        long samples = b.whole("samples", Math.min(model.catalog().response().sampleCount(), config.maxSamples()));
        if (samples < 2 || samples > config.maxSamples()) {
            throw ApiException.bad("samples", "'samples' must be 2 to " + config.maxSamples() + " (the server's limit), not " + samples);
        }
        return samples;
    }

    /** The cohort of a request: {@code cohort} text, or {@code size} (with {@code cohortSeed}, {@code setting}) to sample one. */
    static Source source(Body b, ModelService model, WebConfig config, boolean required) {
        String inline = b.string("cohort");
        boolean sampled = b.has("size");
        if (inline != null == sampled) {
            throw ApiException.bad("cohort", "give either 'size' (sample a cohort; with 'cohortSeed' and 'setting') or 'cohort' (a cohort file's"
                + " text)" + (required ? "" : ", not both"));
        }
        if (inline != null && (b.has("cohortSeed") || b.has("setting"))) {
            String f = b.has("cohortSeed") ? "cohortSeed" : "setting";
            throw ApiException.bad(f, "'" + f + "' is for a sampled cohort ('size'); a cohort file names its own");
        }
        Cohort cohort;
        String text;
        if (sampled) {
            long size = b.whole("size", 0);
            if (size < 1 || size > config.maxCohortSize()) {
                throw ApiException.bad("size", "'size' must be 1 to " + config.maxCohortSize() + " patients (the server's limit), not " + size);
            }
            long seed = b.whole("cohortSeed", model.catalog().config().seed());
            String s = b.string("setting");
            Setting setting = s == null ? Setting.NAIVE : Setting.of(s);
            if (setting == null) {
                throw ApiException.bad("setting", "'setting' must be naive or pretreated, not '" + s + "'");
            }
            cohort = new CohortSampler(model.prevalence()).sample((int) size, seed, setting, 1);
            StringWriter w = new StringWriter();
            try {
                CohortFile.write(cohort, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text = w.toString();
        } else {
            text = inline;
            try (TempCohort t = TempCohort.of(text)) {
                cohort = CohortFile.read(t.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                // ModelException names line, column and field; anything else from the reader is still the text's fault
                throw ApiException.bad("cohort", TempCohort.hide(e instanceof ModelException ? e.getMessage()
                    : "cohort: malformed cohort file: " + e.getMessage()));
            }
            if (cohort.patients().isEmpty()) {
                throw ApiException.bad("cohort", "'cohort' has no patients");
            }
            if (cohort.patients().size() > config.maxCohortSize()) {
                throw ApiException.bad("cohort", "'cohort' has " + cohort.patients().size() + " patients; the server's limit is "
                    + config.maxCohortSize());
            }
        }
        CohortPatients patients;
        try {
            patients = CohortPatients.of(cohort, model.prevalence(), model.catalog(), "cohort");
        } catch (RuntimeException e) {
            throw ApiException.bad(inline != null ? "cohort" : "size", TempCohort.hide(e.getMessage()));
        }
        return new Source(inline, cohort, text, patients);
    }
}
