// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.pk.Drug;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.PkRequest;
import org.her2sim.her2.pk.PkSimulator;
import org.her2sim.her2.pk.Profile;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.tumour.Exposure;

/**
 * The drug side of a tumour run for the pages: each dosing regimen's concentration over time
 * ({@code org.her2sim.her2.pk}, thinned to at most {@value #POINTS} points), and every therapy's
 * daily effect on the tumour (0 to 1; 1 throughout for a therapy given continuously).
 */
final class PkSeries {
    static final int POINTS = 1500;

    private PkSeries() {
    }

    static Map<String, Object> of(PkData pk, List<Regimen> dosed, List<String> therapies, Patient patient, double days, Modifications mods,
                                  Exposure exposure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weightKg", patient.weight());
        m.put("serumEcdNgMl", patient.ecd());
        m.put("metastaticSites", patient.metastaticSites());
        List<Object> drugs = new ArrayList<>();
        for (Regimen r : dosed) {
            Drug d = pk.drugs().get(r.drug());
            Profile p = PkSimulator.profile(new PkRequest(d, pk.model(d, r, null, SourceLocation.of("regimen " + r.id())), r, patient, days,
                mods));
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("regimen", r.id());
            x.put("description", r.describe());
            x.put("drug", d.id());
            x.put("therapy", r.therapy());
            x.put("model", p.model());
            x.put("unit", p.unit());
            int step = Math.max(1, (int) Math.ceil(p.times().length / (double) POINTS));
            List<Double> t = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < p.times().length; i += step) {
                t.add(p.times()[i]);
                v.add(Double.isFinite(p.values()[i]) ? p.values()[i] : 0.0);
            }
            x.put("days", t);
            x.put("values", v);
            drugs.add(x);
        }
        m.put("concentrations", drugs);
        int n = (int) Math.ceil(days) + 1;
        List<Integer> day = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            day.add(i);
        }
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("days", day);
        Map<String, Object> series = new LinkedHashMap<>();
        for (String th : therapies) {
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = Math.round(exposure.effect(th, i) * 1e4) / 1e4;
            }
            series.put(th, e);
        }
        effect.put("therapies", series);
        m.put("effect", effect);
        return m;
    }
}
