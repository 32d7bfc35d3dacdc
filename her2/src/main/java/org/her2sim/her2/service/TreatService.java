// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import java.util.function.DoubleConsumer;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.tumour.CloneRates;
import org.her2sim.her2.tumour.TreatResult;
import org.her2sim.her2.tumour.TumourSimulation;

/** Runs a checked {@link TreatRequest}: the tumour of clones under the regimen, for {@code her2sim treat} and {@code POST /api/treat}. */
public final class TreatService {
    private final Her2Model model;

    public TreatService(Her2Model model) {
        this.model = model;
    }

    /** Checks what was asked; see {@link TreatRequest#of}. */
    public TreatRequest request(TreatRequest.Input in) {
        return TreatRequest.of(model, in);
    }

    /**
     * Runs the tumour.
     *
     * @param threads engine threads of the clones' cell-model runs (results do not depend on it)
     * @param progress told the fraction of the simulated days done, 0 to 1
     */
    public Treatment run(TreatRequest r, int threads, DoubleConsumer progress) {
        Profile.Resolved p = r.profile();
        CloneRates rates = new CloneRates(model.catalog(), model.tumour(), p.contextFixes(), r.regimen().therapies(), r.seed(), threads);
        TreatResult result = TumourSimulation.run(model.catalog(), model.tumour(), rates, p.profile().name(), p.mechanisms(), p.contextFixes(),
            r.regimen().therapies(), r.exposure(), r.days(), r.seed(), 1, progress);
        return new Treatment(r, result);
    }

    /** A finished run: what was asked and the tumour's course. */
    public record Treatment(TreatRequest request, TreatResult result) { }
}
