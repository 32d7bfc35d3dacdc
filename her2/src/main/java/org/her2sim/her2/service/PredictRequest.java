// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;

/**
 * A prediction, checked: made only by {@link #of}, which reads an {@link Input} against the
 * catalog once. The defaults and limits of {@code her2sim predict} and {@code POST /api/predict}
 * are these (docs/architecture.md); the web may lower the samples' limit and default to its server's.
 *
 * @param profile the profile (resolved once here to check it; the predictor resolves it again)
 * @param therapies therapy ids, in order, each once
 * @param samples trajectories per simulation
 */
public record PredictRequest(Profile profile, List<String> therapies, long seed, long samples, boolean rescues, boolean lenient,
                             boolean includePreclinical) {
    /** Fewest trajectories per simulation: a score's standard error needs two. */
    public static final long MIN_SAMPLES = 2;

    /**
     * What a face was asked, before any check; null means the default.
     *
     * @param therapies therapy ids, names or aliases
     * @param samples null takes {@code response.yaml}'s {@code sample_count}
     * @param seed null takes the model's {@code seed_pseudorandom}
     */
    public record Input(Profile profile, List<String> therapies, Long seed, Long samples, boolean rescues, boolean lenient,
                        boolean includePreclinical) {
        public Input {
            therapies = List.copyOf(therapies);
        }
    }

    public PredictRequest {
        therapies = List.copyOf(therapies);
    }

    /** The predictor's options for this request. */
    public Predictor.Options options(int threads) {
        return new Predictor.Options(samples, threads, rescues, lenient, includePreclinical);
    }

    /**
     * Checks what was asked against the catalog.
     *
     * @throws RequestException naming the field of a bad value
     * @throws ModelException for a profile entry the catalog does not know (located in the profile)
     */
    public static PredictRequest of(Catalog catalog, Input in) {
        if (in.therapies().isEmpty()) {
            throw new RequestException("therapies", "needs at least one therapy (id, name or alias)");
        }
        List<String> ids = new ArrayList<>();
        for (String w : in.therapies()) {
            String id;
            try {
                id = catalog.requireTherapy(w, SourceLocation.of("therapies")).id();
            } catch (ModelException e) {
                throw RequestException.of("therapies", e);
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        long samples = in.samples() == null ? catalog.response().sampleCount() : in.samples();
        if (samples < MIN_SAMPLES) {
            throw new RequestException("samples", "must be at least " + MIN_SAMPLES + ", not " + samples);
        }
        long seed = in.seed() != null ? in.seed() : catalog.config().seed();
        in.profile().resolve(catalog, in.lenient());
        return new PredictRequest(in.profile(), ids, seed, samples, in.rescues(), in.lenient(), in.includePreclinical());
    }
}
