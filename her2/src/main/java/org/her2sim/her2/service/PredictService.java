// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;

/** Runs a checked {@link PredictRequest}, for {@code her2sim predict} and {@code POST /api/predict}. */
public final class PredictService {
    private final Catalog catalog;

    public PredictService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Checks what was asked; see {@link PredictRequest#of}. */
    public PredictRequest request(PredictRequest.Input in) {
        return PredictRequest.of(catalog, in);
    }

    /**
     * Runs the prediction.
     *
     * @param threads engine threads (results do not depend on it)
     * @param listener told of each simulation as it finishes
     */
    public Prediction run(PredictRequest r, int threads, Predictor.Listener listener) {
        return new Predictor(catalog).predict(r.profile(), r.therapies(), r.seed(), r.options(threads), listener);
    }
}
