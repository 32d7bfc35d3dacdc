// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.pk.Dose;
import org.her2sim.her2.pk.Drug;
import org.her2sim.her2.pk.DrugModel;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.PkModel;
import org.her2sim.her2.pk.PkRequest;
import org.her2sim.her2.pk.Regimen;

/**
 * Exposure from dosing regimens through the PK models: each therapy's effect on a day is taken at
 * the middle of the day. For a drug with a concentration model (the antibodies and ADCs), effect =
 * C / (C + ec50) with C in ug/mL: {@code ec50} is tumour.yaml's {@code antibody_ec50} (the labels'
 * 20 ug/mL trough target read as the 90% effect level, so ec50 = 20/9). For an on/off drug (taxane,
 * oral kinase inhibitors) the effect is 1 on a dosing day and then halves every
 * {@code on_off_effect_half_life_days}.
 */
public final class RegimenExposure implements Exposure {
    private final Map<String, double[]> daily = new HashMap<>();
    private final Map<String, Double> troughs = new HashMap<>();

    private RegimenExposure() {
    }

    /**
     * Daily effects of each regimen's therapy for a patient over {@code days}.
     *
     * @throws org.her2sim.engine.error.ModelException for two regimens driving one therapy
     */
    public static RegimenExposure of(PkData data, List<Regimen> regimens, Patient patient, double days, Modifications mods,
                                     TumourParams params) {
        return of(data, regimens, patient, m -> Map.of(), days, mods, params);
    }

    /**
     * As {@link #of(PkData, List, Patient, double, Modifications, TumourParams)} for a patient whose
     * PK parameters also carry random effects: {@code eta} gives them per drug model (parameter name
     * to eta; absent names 0).
     */
    public static RegimenExposure of(PkData data, List<Regimen> regimens, Patient patient, Function<DrugModel, Map<String, Double>> eta,
                                     double days, Modifications mods, TumourParams params) {
        RegimenExposure e = new RegimenExposure();
        int n = (int) Math.ceil(days) + 1;
        for (Regimen r : regimens) {
            Drug d = data.drugs().get(r.drug());
            DrugModel model = data.model(d, r, null, SourceLocation.of("regimen " + r.id()));
            new PkRequest(d, model, r, patient, days, mods);   // checks the request
            double[] eff = new double[n];
            if (model.onOff()) {
                double last = Double.NEGATIVE_INFINITY;
                List<Dose> doses = r.schedule(patient.weight(), days, mods).doses();
                int k = 0;
                for (int day = 0; day < n; day++) {
                    while (k < doses.size() && doses.get(k).time() <= day + 0.5) {
                        last = doses.get(k).time();
                        k++;
                    }
                    eff[day] = Double.isInfinite(last) ? 0 : Math.pow(0.5, (day + 0.5 - last) / params.onOffEffectHalfLifeDays());
                }
            } else {
                List<Dose> doses = r.schedule(patient.weight(), days, mods).doses();
                // mid-days, and the second dose's start (the cycle-1 trough: concentrations are left-continuous)
                double second = doses.size() > 1 ? doses.get(1).time() : Double.NaN;
                int at = Double.isNaN(second) ? -1 : (int) Math.min(n, Math.max(0, Math.ceil(second - 0.5)));
                double[] times = new double[at < 0 ? n : n + 1];
                for (int day = 0, i = 0; i < times.length; i++) {
                    times[i] = i == at ? second : day++ + 0.5;
                }
                double[] c = PkModel.concentrations(model.individual(patient, eta.apply(model)), doses, times);
                for (int day = 0, i = 0; i < times.length; i++) {
                    if (i == at) {
                        e.troughs.put(r.therapy(), Math.max(0, c[i]));
                        continue;
                    }
                    double x = Math.max(0, c[i]);
                    eff[day++] = x / (x + params.antibodyEc50());
                }
            }
            if (e.daily.put(r.therapy(), eff) != null) {
                throw new org.her2sim.engine.error.ModelException(SourceLocation.of("--regimen"), "two regimens drive therapy '" + r.therapy() + "'");
            }
        }
        return e;
    }

    /**
     * The concentration of a therapy's drug just before its second dose (the cycle-1 trough,
     * ug/mL), or NaN for an on/off drug, a therapy not in the regimens, or a single dose.
     */
    public double cycleOneTrough(String therapy) {
        return troughs.getOrDefault(therapy, Double.NaN);
    }

    @Override
    public double effect(String therapy, double day) {
        double[] eff = daily.get(therapy);
        if (eff == null || day < 0) {
            return 0;
        }
        int i = (int) Math.floor(day);
        return i < eff.length ? eff[i] : 0;
    }
}
