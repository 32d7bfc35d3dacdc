// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.SourceLocation;

/**
 * One published population PK model of a drug: the typical parameters, covariate effects and
 * between-patient variability, as read from {@code drugs.yaml}.
 *
 * @param typical the typical patient's parameters; null for an on/off exposure model
 * @param variability coefficient of variation of log-normal variability, per parameter name
 * @param halfLifeDays the half-life the source reports, or null
 */
public record DrugModel(String drug, String id, String source, String population, boolean onOff, PkParams typical,
                        List<Covariate> covariates, Map<String, Double> variability, Double halfLifeDays, SourceLocation at) {
    public DrugModel {
        covariates = List.copyOf(covariates);
        variability = Map.copyOf(variability);
    }

    /** True when the model has first-order absorption (SC or oral doses). */
    public boolean absorption() {
        return typical != null && typical.ka() > 0;
    }

    /** The typical parameters adjusted for a patient's covariates. */
    public PkParams individual(Patient p) {
        return individual(p, Map.of());
    }

    /**
     * A patient's parameters: typical value x covariate effects x {@code exp(eta)}. Bioavailability
     * is capped at 1.
     *
     * @param eta random effects per parameter name (absent: 0)
     */
    public PkParams individual(Patient p, Map<String, Double> eta) {
        if (onOff) {
            throw new IllegalStateException("model " + drug + "." + id + " has no PK parameters (on/off exposure)");
        }
        Map<String, Double> v = new HashMap<>();
        for (String name : PkParams.NAMES) {
            v.put(name, typical.get(name));
        }
        for (Covariate c : covariates) {
            v.put(c.parameter(), v.get(c.parameter()) * c.multiplier(p));
        }
        for (Map.Entry<String, Double> e : eta.entrySet()) {
            v.put(e.getKey(), v.get(e.getKey()) * Math.exp(e.getValue()));
        }
        v.put("f", Math.min(1.0, v.get("f")));
        return PkParams.of(v);
    }
}
