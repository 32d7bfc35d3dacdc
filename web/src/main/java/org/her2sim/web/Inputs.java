// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.service.PredictRequest;
import org.her2sim.her2.service.PredictService;
import org.her2sim.her2.service.RequestException;
import org.her2sim.her2.service.TreatRequest;
import org.her2sim.her2.service.TreatService;

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

    /** {@code POST /api/predict}: the profile as given, and the checked request. */
    record Predict(ProfileInput profile, PredictRequest request) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            profile.putInto(m);
            m.put("therapies", request.therapies());
            m.put("seed", request.seed());
            m.put("samples", request.samples());
            m.put("rescues", request.rescues());
            m.put("lenient", request.lenient());
            m.put("includePreclinical", request.includePreclinical());
            return m;
        }
    }

    /** {@code POST /api/treat}: the profile as given, and the checked request. */
    record Treat(ProfileInput profile, TreatRequest request) {
        Map<String, Object> toMap() {
            TreatRequest r = request;
            Map<String, Object> m = new LinkedHashMap<>();
            profile.putInto(m);
            m.put("regimen", r.regimen().words());
            m.put("weight", r.patient().weight());
            if (r.patient().ecd() != null) {
                m.put("ecd", r.patient().ecd());
            }
            m.put("metSites", (long) r.patient().metastaticSites());
            if (!r.delays().isEmpty()) {
                m.put("delays", r.delays());
            }
            if (!r.skips().isEmpty()) {
                m.put("skips", r.skips());
            }
            m.put("months", r.months());
            m.put("seed", r.seed());
            m.put("lenient", r.lenient());
            return m;
        }
    }

    static Predict predict(String text, ModelService model, WebConfig config) {
        Body b = Body.of(text, PREDICT_FIELDS);
        boolean lenient = b.flag("lenient", false);
        ProfileInput p = profile(b, model, config, lenient);
        long samples = b.whole("samples", Math.min(model.catalog().response().sampleCount(), config.maxSamples()));
        PredictRequest r = request(() -> new PredictService(model.catalog()).request(new PredictRequest.Input(p.profile(), b.strings("therapies"),
            b.has("seed") ? b.whole("seed", 0) : null, samples, b.flag("rescues", true), lenient, b.flag("includePreclinical", false))));
        if (r.samples() > config.maxSamples()) {
            throw ApiException.bad("samples", "'samples': must be at most " + config.maxSamples() + " (the server's limit), not " + samples);
        }
        return new Predict(p, r);
    }

    static Treat treat(String text, ModelService model, WebConfig config) {
        Body b = Body.of(text, TREAT_FIELDS);
        boolean lenient = b.flag("lenient", false);
        ProfileInput p = profile(b, model, config, lenient);
        long months = b.whole("months", Math.min(TreatRequest.WEB_MONTHS, config.maxMonths()));
        TreatRequest r = request(() -> new TreatService(model.her2()).request(new TreatRequest.Input(p.profile(), b.strings("regimen"),
            b.number("weight"), b.number("ecd"), b.has("metSites") ? b.whole("metSites", 0) : null, b.strings("delays"), b.strings("skips"),
            months, b.has("seed") ? b.whole("seed", 0) : null, lenient)));
        if (r.months() > config.maxMonths()) {
            throw ApiException.bad("months", "'months': must be at most " + config.maxMonths() + " (the server's limit), not " + months);
        }
        return new Treat(p, r);
    }

    /** A request checked by its service; a bad value is a 400 naming its field. */
    private static <T> T request(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (RequestException e) {
            throw ApiException.bad(e.field(), e.getMessage());
        }
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
