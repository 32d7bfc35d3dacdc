// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * The rate constants ({@code $k_...} of {@value Catalog#CFG}) and where each value comes from:
 * {@value #FILE} declares each one cited (a measured value with its source) or free (a prior range
 * and a reason, to be fitted by {@code her2sim calibrate}); {@value #FITTED}, written by the fit,
 * holds the fitted values with intervals, the fit's provenance and an ensemble of parameter sets
 * consistent with the training data.
 *
 * @param declared every parameter, in file order
 * @param fitted fitted values (empty before any fit)
 * @param ensemble parameter sets of the ensemble (each maps every fitted parameter to a value); empty before any fit
 * @param provenance what the fit read and did, as written by it
 */
public record Parameters(Map<String, Parameter> declared, Map<String, Fitted> fitted, List<Map<String, Double>> ensemble,
                         Map<String, String> provenance) {
    /** The declarations. */
    public static final String FILE = "network/parameters.yaml";
    /** The fit's output. */
    public static final String FITTED = "network/fitted.yaml";

    public Parameters {
        declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
        fitted = Collections.unmodifiableMap(new LinkedHashMap<>(fitted));
        ensemble = List.copyOf(ensemble.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList());
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /**
     * One declared parameter.
     *
     * @param name the name without {@code $}
     * @param cited true for a measured value, false for a free one
     * @param source the citation (cited) or the reason it is free
     * @param lower prior lower bound (free), NaN when cited
     * @param upper prior upper bound (free), NaN when cited
     * @param at where it is declared
     */
    public record Parameter(String name, boolean cited, String source, double lower, double upper, SourceLocation at) { }

    /**
     * A fitted value.
     *
     * @param value the best fit
     * @param lower the least value in the ensemble
     * @param upper the greatest value in the ensemble
     * @param constrained false when the training data hardly change with it across its prior range
     */
    public record Fitted(double value, double lower, double upper, boolean constrained) {
        /**
         * Reads {@code {value, interval: [lower, upper], constrained}} for a free parameter.
         *
         * @throws ModelException (located) when the value is outside its interval or the parameter's prior
         */
        public static Fitted read(YamlNode f, String w, Parameter p) {
            f.allowKeys(w, "value", "interval", "constrained");
            double v = f.require("value", w).number(w + ", value");
            List<YamlNode> iv = f.require("interval", w).items(w + ", interval");
            if (iv.size() != 2) {
                throw f.require("interval", w).error(w + ": interval is [lower, upper]");
            }
            double lo = iv.get(0).number(w);
            double hi = iv.get(1).number(w);
            if (v < p.lower() || v > p.upper() || lo > v || hi < v) {
                throw f.error(w + ": value " + v + " must lie in its interval [" + lo + ", " + hi + "] and its prior [" + p.lower() + ", "
                    + p.upper() + "]");
            }
            return new Fitted(v, lo, hi, f.require("constrained", w).bool(w + ", constrained"));
        }
    }

    /** The free parameters, in file order. */
    public List<Parameter> free() {
        return declared.values().stream().filter(p -> !p.cited()).toList();
    }

    /**
     * Reads the declarations (required when the configuration has {@code $k_} variables) and the fit
     * (optional), checking both against the configuration's variables.
     */
    static Parameters read(Root root, Map<String, Double> variables) throws IOException {
        Map<String, Parameter> declared = new LinkedHashMap<>();
        if (root.exists(FILE)) {
            YamlNode y = YamlNode.parse(root.display(FILE), root.read(FILE));
            y.allowKeys("parameters file", "parameters");
            for (YamlNode.Entry e : y.require("parameters", "parameters file").entries("parameters")) {
                String w = "parameter " + e.key();
                YamlNode p = e.value();
                p.allowKeys(w, "status", "source", "reason", "prior");
                if (!variables.containsKey(e.key())) {
                    throw e.keyNode().error(w + ": not a variable of " + Catalog.CFG + " (known: " + String.join(", ", variables.keySet()) + ")");
                }
                String status = p.string("status", w);
                if (status.equals("cited")) {
                    declared.put(e.key(), new Parameter(e.key(), true, p.string("source", w), Double.NaN, Double.NaN, e.keyNode().at()));
                } else if (status.equals("free")) {
                    List<YamlNode> prior = p.require("prior", w).items(w + ", prior");
                    if (prior.size() != 2) {
                        throw p.require("prior", w).error(w + ": prior is [lower, upper]");
                    }
                    double lo = prior.get(0).number(w + ", prior");
                    double hi = prior.get(1).number(w + ", prior");
                    double v = variables.get(e.key());
                    if (!(lo > 0 && lo < hi && v >= lo && v <= hi)) {
                        throw p.require("prior", w).error(w + ": prior [" + lo + ", " + hi + "] must be positive, increasing and hold the "
                            + Catalog.CFG + " value " + v);
                    }
                    declared.put(e.key(), new Parameter(e.key(), false, p.string("reason", w), lo, hi, e.keyNode().at()));
                } else {
                    throw p.require("status", w).error(w + ": status is cited or free, not '" + status + "'");
                }
            }
            for (String v : variables.keySet()) {
                if (v.startsWith("k_") && !declared.containsKey(v)) {
                    throw y.error("parameter " + v + " of " + Catalog.CFG + " is neither cited nor free in " + FILE);
                }
            }
        }
        Map<String, Fitted> fitted = new LinkedHashMap<>();
        List<Map<String, Double>> ensemble = new ArrayList<>();
        Map<String, String> provenance = new LinkedHashMap<>();
        if (root.exists(FITTED)) {
            YamlNode y = YamlNode.parse(root.display(FITTED), root.read(FITTED));
            y.allowKeys("fit", "provenance", "parameters", "ensemble");
            YamlNode prov = y.get("provenance", "fit");
            if (prov != null) {
                for (YamlNode.Entry e : prov.entries("provenance")) {
                    provenance.put(e.key(), e.value().text("provenance " + e.key()));
                }
            }
            for (YamlNode.Entry e : y.require("parameters", "fit").entries("fitted parameters")) {
                String w = "fitted parameter " + e.key();
                Parameter p = declared.get(e.key());
                if (p == null || p.cited()) {
                    throw e.keyNode().error(w + ": not a free parameter of " + FILE);
                }
                fitted.put(e.key(), Fitted.read(e.value(), w, p));
            }
            for (YamlNode member : y.list("ensemble", "fit")) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (YamlNode.Entry e : member.entries("ensemble member")) {
                    if (!fitted.containsKey(e.key())) {
                        throw e.keyNode().error("ensemble member: '" + e.key() + "' is not a fitted parameter");
                    }
                    m.put(e.key(), e.value().number("ensemble " + e.key()));
                }
                if (!m.keySet().equals(fitted.keySet())) {
                    throw member.error("ensemble member: needs a value for every fitted parameter (" + String.join(", ", fitted.keySet()) + ")");
                }
                ensemble.add(m);
            }
        }
        return new Parameters(declared, fitted, ensemble, provenance);
    }

    /** The configuration variables (names without {@code $}) the fit sets: fitted values over the cfg's. */
    Map<String, Double> overrides() {
        Map<String, Double> out = new LinkedHashMap<>();
        fitted.forEach((k, f) -> out.put(k, f.value()));
        return out;
    }

    /** Names of the declared parameters. */
    public Set<String> names() {
        return declared.keySet();
    }

    /** An empty declaration (a catalog without parameter files). */
    static Parameters none() {
        return new Parameters(Map.of(), Map.of(), List.of(), Map.of());
    }

    /** Fails for a name that is not declared. */
    public Parameter require(String name) {
        Parameter p = declared.get(name);
        if (p == null) {
            throw new ModelException(SourceLocation.of(FILE), "no parameter '" + name + "' (known: " + String.join(", ", declared.keySet()) + ")");
        }
        return p;
    }
}
