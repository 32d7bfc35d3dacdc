// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.her2sim.her2.catalog.Names;
import org.her2sim.her2.catalog.YamlNode;

/** Reads {@code drugs.yaml} and {@code regimens.yaml} into a {@link PkData}, checking every field. */
final class PkReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    /** Canonical units of the parameters. */
    static final Map<String, String> UNITS = Map.of("cl", "L/day", "vc", "L", "q", "L/day", "vp", "L", "vmax", "mg/day",
        "km", "ug/mL", "ka", "1/day", "f", "fraction");
    /** Largest plausible dose per unit. */
    private static final Map<String, Double> MAX_DOSE = Map.of("mg/kg", 50.0, "mg", 5000.0, "mg/m2", 1000.0);

    private final Set<String> therapies;
    private final Map<String, Drug> drugs = new LinkedHashMap<>();
    private final Map<String, Regimen> regimens = new LinkedHashMap<>();
    /** published entries' regimen nodes, checked once regimens are read */
    private final List<Object[]> publishedRegimens = new ArrayList<>();

    PkReader(Set<String> therapies) {
        this.therapies = therapies;
    }

    PkData read(YamlNode drugsYaml, YamlNode regimensYaml) {
        drugs(drugsYaml);
        regimens(regimensYaml);
        for (Object[] p : publishedRegimens) {
            YamlNode n = (YamlNode) p[1];
            Regimen r = regimens.get(n.text("published, field 'regimen'"));
            if (r == null || !r.drug().equals(p[0])) {
                throw n.error("drug '" + p[0] + "', published: " + Names.unknown("regimen", n.text("regimen"),
                    regimens.values().stream().filter(x -> x.drug().equals(p[0])).map(Regimen::id).toList()));
            }
        }
        return new PkData(drugs, regimens);
    }

    private static String id(YamlNode item, String kind) {
        YamlNode idNode = item.require("id", kind);
        String id = idNode.text(kind + ", field 'id'");
        if (!ID.matcher(id).matches()) {
            throw idNode.error(kind + " '" + id + "': an id is lower-case letters, digits and '_'");
        }
        return id;
    }

    private static double positive(YamlNode owner, String key, String what, double max) {
        YamlNode n = owner.require(key, what);
        return positive(n, what + ", field '" + key + "'", max);
    }

    private static double positive(YamlNode n, String what, double max) {
        double v = n.number(what);
        if (!(v > 0)) {
            throw n.error(what + ": must be greater than 0, not " + Patient.num(v));
        }
        if (v > max) {
            throw n.error(what + ": " + Patient.num(v) + " is implausible (at most " + Patient.num(max) + ")");
        }
        return v;
    }

    private static Double optionalPositive(YamlNode owner, String key, String what, double max) {
        YamlNode n = owner.get(key, what);
        return n == null ? null : positive(n, what + ", field '" + key + "'", max);
    }

    // ---- drugs.yaml

    private void drugs(YamlNode y) {
        y.allowKeys("drugs.yaml", "drugs");
        Map<String, String> words = new HashMap<>();
        for (YamlNode d : y.list("drugs", "drugs.yaml")) {
            String id = id(d, "drug");
            String w = "drug '" + id + "'";
            d.allowKeys(w, "id", "name", "aliases", "exposure", "molecular_weight_kda", "binding", "target_trough", "default_model",
                "models", "published");
            if (drugs.containsKey(id)) {
                throw d.error(w + ": duplicate id (first at " + drugs.get(id).at() + ")");
            }
            String name = d.string("name", w);
            List<String> aliases = d.strings("aliases", w);
            List<String> all = new ArrayList<>(aliases);
            all.add(0, name);
            all.add(0, id);
            for (String n : all) {
                String old = words.putIfAbsent(n.toLowerCase(Locale.ROOT), id);
                if (old != null && !old.equals(id)) {
                    throw d.error(w + ": the name '" + n + "' is already used by drug '" + old + "'");
                }
            }
            YamlNode exp = d.require("exposure", w);
            String exposure = exp.text(w + ", field 'exposure'");
            if (!exposure.equals("concentration") && !exposure.equals("on_off")) {
                throw exp.error(w + ": exposure must be concentration or on_off, not '" + exposure + "'");
            }
            boolean onOff = exposure.equals("on_off");
            Double mw = optionalPositive(d, "molecular_weight_kda", w, 1000);
            Double kd = null;
            YamlNode binding = d.get("binding", w);
            if (binding != null) {
                binding.allowKeys(w + ", binding", "kd_nm");
                kd = positive(binding, "kd_nm", w + ", binding", 1e6);
                if (mw == null) {
                    throw binding.error(w + ": binding needs molecular_weight_kda");
                }
            }
            Double target = optionalPositive(d, "target_trough", w, 1e5);
            Map<String, DrugModel> models = new LinkedHashMap<>();
            for (YamlNode m : d.list("models", w)) {
                DrugModel model = model(m, id, w);
                if (models.containsKey(model.id())) {
                    throw m.error(w + ": model '" + model.id() + "' listed twice");
                }
                if (model.onOff() != onOff) {
                    throw m.error(w + ", model '" + model.id() + "': structure must be " + (onOff ? "on_off" : "two_compartment")
                        + " for exposure " + exposure);
                }
                models.put(model.id(), model);
            }
            if (models.isEmpty()) {
                throw d.error(w + ": missing field 'models'");
            }
            YamlNode def = d.require("default_model", w);
            String defaultModel = def.text(w + ", field 'default_model'");
            if (!models.containsKey(defaultModel)) {
                throw def.error(w + ": default_model: " + Names.unknown("model", defaultModel, models.keySet()));
            }
            List<Published> published = new ArrayList<>();
            for (YamlNode p : d.list("published", w)) {
                published.add(published(p, id, models, w + ", published"));
            }
            drugs.put(id, new Drug(id, name, aliases, onOff, mw, kd, target, defaultModel, models, published, d.at()));
        }
    }

    private DrugModel model(YamlNode m, String drug, String dw) {
        String id = id(m, "model");
        String w = dw + ", model '" + id + "'";
        m.allowKeys(w, "id", "source", "population", "structure", "units", "parameters", "covariates", "variability", "half_life_days");
        String source = m.string("source", w);
        YamlNode st = m.require("structure", w);
        String structure = st.text(w + ", field 'structure'");
        if (!structure.equals("two_compartment") && !structure.equals("on_off")) {
            throw st.error(w + ": structure must be two_compartment or on_off, not '" + structure + "'");
        }
        Double halfLife = optionalPositive(m, "half_life_days", w, 1e4);
        if (structure.equals("on_off")) {
            for (String k : List.of("units", "parameters", "covariates", "variability")) {
                if (m.get(k, w) != null) {
                    throw m.get(k, w).error(w + ": an on_off model has no " + k);
                }
            }
            return new DrugModel(drug, id, source, m.string("population", w, ""), true, null, List.of(), Map.of(), halfLife, m.at());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        YamlNode params = m.require("parameters", w);
        for (YamlNode.Entry e : params.entries(w + ", parameters")) {
            String pw = w + ", parameter '" + e.key() + "'";
            if (!PkParams.NAMES.contains(e.key())) {
                throw e.keyNode().error(w + ", parameters: " + Names.unknown("parameter", e.key(), PkParams.NAMES));
            }
            values.put(e.key(), positive(e.value(), pw, e.key().equals("f") ? 1 : 1e6));
        }
        for (String need : List.of("cl", "vc")) {
            if (!values.containsKey(need)) {
                throw params.error(w + ": parameters: missing '" + need + "'");
            }
        }
        pair(values, params, w, "q", "vp");
        pair(values, params, w, "vmax", "km");
        if (values.containsKey("f") && !values.containsKey("ka")) {
            throw params.error(w + ": parameters: f (bioavailability) needs ka (absorption rate)");
        }
        units(m.require("units", w), w, values);
        PkParams typical;
        try {
            typical = PkParams.of(values);
        } catch (IllegalArgumentException e) {
            throw params.error(w + ": " + e.getMessage());
        }
        List<Covariate> covs = new ArrayList<>();
        for (YamlNode c : m.list("covariates", w)) {
            covs.add(covariate(c, w + ", covariate", values));
        }
        Map<String, Double> cv = new LinkedHashMap<>();
        YamlNode var = m.get("variability", w);
        if (var != null) {
            for (YamlNode.Entry e : var.entries(w + ", variability")) {
                if (!values.containsKey(e.key())) {
                    throw e.keyNode().error(w + ", variability: '" + e.key() + "' is not a parameter of this model (" + String.join(", ", values.keySet()) + ")");
                }
                double v = e.value().number(w + ", variability '" + e.key() + "'");
                if (!(v >= 0 && v <= 3)) {
                    throw e.value().error(w + ", variability '" + e.key() + "': a coefficient of variation is a fraction from 0 to 3 (0.4 = 40%), not " + Patient.num(v));
                }
                cv.put(e.key(), v);
            }
        }
        return new DrugModel(drug, id, source, m.string("population", w, ""), false, typical, covs, cv, halfLife, m.at());
    }

    private static void pair(Map<String, Double> values, YamlNode at, String w, String a, String b) {
        if (values.containsKey(a) != values.containsKey(b)) {
            throw at.error(w + ": parameters: " + a + " and " + b + " go together (" + (values.containsKey(a) ? b : a) + " is missing)");
        }
    }

    private static void units(YamlNode u, String w, Map<String, Double> values) {
        Map<String, String> given = new HashMap<>();
        for (YamlNode.Entry e : u.entries(w + ", units")) {
            String unit = e.value().text(w + ", units '" + e.key() + "'");
            String want = UNITS.get(e.key());
            if (want == null || !values.containsKey(e.key())) {
                throw e.keyNode().error(w + ", units: '" + e.key() + "' is not a parameter of this model");
            }
            if (!want.equals(unit)) {
                throw e.value().error(w + ", units: " + e.key() + " must be given in " + want + ", not '" + unit + "'");
            }
            given.put(e.key(), unit);
        }
        for (String k : values.keySet()) {
            if (!given.containsKey(k)) {
                throw u.error(w + ", units: missing the unit of '" + k + "' (" + UNITS.get(k) + ")");
            }
        }
    }

    private static Covariate covariate(YamlNode c, String w, Map<String, Double> values) {
        c.allowKeys(w, "parameter", "covariate", "kind", "reference", "exponent", "cap", "factor", "at_least");
        YamlNode pn = c.require("parameter", w);
        String parameter = pn.text(w + ", field 'parameter'");
        if (!values.containsKey(parameter)) {
            throw pn.error(w + ": '" + parameter + "' is not a parameter of this model (" + String.join(", ", values.keySet()) + ")");
        }
        YamlNode cn = c.require("covariate", w);
        String covariate = cn.text(w + ", field 'covariate'");
        if (!Patient.COVARIATES.contains(covariate)) {
            throw cn.error(w + ": " + Names.unknown("covariate", covariate, Patient.COVARIATES));
        }
        String cw = w + " " + covariate + " on " + parameter;
        YamlNode kn = c.require("kind", cw);
        String kind = kn.text(cw + ", field 'kind'");
        if (kind.equals("power")) {
            double ref = positive(c, "reference", cw, 1e6);
            YamlNode en = c.require("exponent", cw);
            double exponent = en.number(cw + ", field 'exponent'");
            if (Math.abs(exponent) > 5) {
                throw en.error(cw + ": exponent " + Patient.num(exponent) + " is implausible (at most 5 in size)");
            }
            Double cap = optionalPositive(c, "cap", cw, 1e6);
            return new Covariate(parameter, covariate, Covariate.Kind.POWER, ref, exponent, cap, 0, 1, c.at());
        }
        if (kind.equals("factor")) {
            double factor = positive(c, "factor", cw, 10);
            YamlNode al = c.get("at_least", cw);
            double atLeast = al == null ? 1 : al.number(cw + ", field 'at_least'");
            return new Covariate(parameter, covariate, Covariate.Kind.FACTOR, 0, 0, null, atLeast, factor, c.at());
        }
        throw kn.error(cw + ": kind must be power or factor, not '" + kind + "'");
    }

    private Published published(YamlNode p, String drug, Map<String, DrugModel> models, String w) {
        p.allowKeys(w, "metric", "regimen", "population", "model", "median", "range", "source");
        YamlNode mn = p.require("metric", w);
        String metric = mn.text(w + ", field 'metric'");
        if (!Published.METRICS.contains(metric)) {
            throw mn.error(w + ": " + Names.unknown("metric", metric, Published.METRICS));
        }
        YamlNode rn = p.get("regimen", w);
        if (rn != null) {
            publishedRegimens.add(new Object[] {drug, rn});
        } else if (!metric.equals("half_life_days")) {
            throw p.error(w + ": missing field 'regimen'");
        }
        Population pop = null;
        YamlNode pn = p.get("population", w);
        if (pn != null) {
            pop = Population.parse(pn.text(w));
            if (pop == null) {
                throw pn.error(w + ": population must be ebc or mbc, not '" + pn.text(w) + "'");
            }
        }
        YamlNode modelNode = p.get("model", w);
        String model = null;
        if (modelNode != null) {
            model = modelNode.text(w + ", field 'model'");
            if (!models.containsKey(model)) {
                throw modelNode.error(w + ": " + Names.unknown("model", model, models.keySet()));
            }
        }
        double median = positive(p, "median", w, 1e6);
        double lo = Double.NaN;
        double hi = Double.NaN;
        YamlNode range = p.get("range", w);
        if (range != null) {
            List<YamlNode> r = range.items(w + ", field 'range'");
            if (r.size() != 2) {
                throw range.error(w + ": range is [5th percentile, 95th percentile]");
            }
            lo = r.get(0).number(w + ", range");
            hi = r.get(1).number(w + ", range");
            if (!(lo <= median && median <= hi)) {
                throw range.error(w + ": range must hold the median (" + Patient.num(lo) + " <= " + Patient.num(median) + " <= " + Patient.num(hi) + ")");
            }
        }
        return new Published(metric, rn == null ? null : rn.text(w), pop, model, median, lo, hi, p.string("source", w));
    }

    // ---- regimens.yaml

    private void regimens(YamlNode y) {
        y.allowKeys("regimens.yaml", "regimens");
        for (YamlNode r : y.list("regimens", "regimens.yaml")) {
            Regimen reg = regimen(r);
            for (Regimen old : regimens.values()) {
                if (old.drug().equals(reg.drug())) {
                    for (String a : reg.aliases()) {
                        if (old.answersTo(a)) {
                            throw r.error("regimen '" + reg.id() + "': alias '" + a + "' is already used by regimen '" + old.id() + "' of " + reg.drug());
                        }
                    }
                }
            }
            regimens.put(reg.id(), reg);
        }
    }

    private Regimen regimen(YamlNode r) {
        String id = id(r, "regimen");
        String w = "regimen '" + id + "'";
        r.allowKeys(w, "id", "drug", "therapy", "aliases", "route", "loading_dose", "dose", "unit", "interval_days", "doses_per_day",
            "loading_infusion_min", "infusion_min", "cycles", "model");
        if (regimens.containsKey(id)) {
            throw r.error(w + ": duplicate id (first at " + regimens.get(id).at() + ")");
        }
        YamlNode dn = r.require("drug", w);
        Drug drug = drugs.get(dn.text(w + ", field 'drug'"));
        if (drug == null) {
            throw dn.error(w + ": " + Names.unknown("drug", dn.text(w), drugs.keySet()));
        }
        YamlNode tn = r.require("therapy", w);
        String therapy = tn.text(w + ", field 'therapy'");
        if (!therapies.contains(therapy)) {
            throw tn.error(w + ": " + Names.unknown("therapy", therapy, therapies));
        }
        YamlNode rn = r.require("route", w);
        Dose.Route route = switch (rn.text(w + ", field 'route'")) {
            case "iv" -> Dose.Route.IV;
            case "sc" -> Dose.Route.SC;
            case "oral" -> Dose.Route.ORAL;
            default -> throw rn.error(w + ": route must be iv, sc or oral, not '" + rn.text(w) + "'");
        };
        YamlNode un = r.require("unit", w);
        String unit = un.text(w + ", field 'unit'");
        if (!MAX_DOSE.containsKey(unit)) {
            throw un.error(w + ": unit must be mg/kg, mg or mg/m2, not '" + unit + "'");
        }
        if (unit.equals("mg/m2") && !drug.onOff()) {
            throw un.error(w + ": doses in mg/m2 need the body surface area, which is not modelled: use mg/kg or mg for "
                + drug.id() + " (only on/off exposure models accept mg/m2)");
        }
        double maxDose = MAX_DOSE.get(unit);
        Double loading = optionalPositive(r, "loading_dose", w + " (" + unit + ")", maxDose);
        double dose = positive(r, "dose", w + " (" + unit + ")", maxDose);
        double interval = positive(r, "interval_days", w, 365);
        int perDay = 1;
        YamlNode pd = r.get("doses_per_day", w);
        if (pd != null) {
            perDay = pd.integer(w + ", field 'doses_per_day'");
            if (route != Dose.Route.ORAL || perDay < 1 || perDay > 4 || interval != 1) {
                throw pd.error(w + ": doses_per_day (1 to 4) is for oral regimens taken every day (interval_days: 1)");
            }
        }
        double infusion = minutes(r, "infusion_min", w, route, interval, 0);
        double loadingInfusion = minutes(r, "loading_infusion_min", w, route, interval, infusion);
        int cycles = 0;
        YamlNode cn = r.require("cycles", w);
        if (!cn.text(w).equals("open")) {
            cycles = cn.integer(w + ", field 'cycles' (a number, or open)");
            if (cycles < 1 || cycles > 1000) {
                throw cn.error(w + ": cycles must be 1 to 1000, or open, not " + cycles);
            }
        }
        String model = null;
        YamlNode mn = r.get("model", w);
        if (mn != null) {
            model = mn.text(w + ", field 'model'");
            if (!drug.models().containsKey(model)) {
                throw mn.error(w + ": " + Names.unknown("model of " + drug.id(), model, drug.models().keySet()));
            }
        }
        DrugModel used = drug.models().get(model != null ? model : drug.defaultModel());
        if (route.absorbed() && !used.onOff() && !used.absorption()) {
            throw rn.error(w + ": route " + rn.text(w) + " needs a model with first-order absorption (ka, f), and "
                + drug.id() + " model '" + used.id() + "' has none (set 'model')");
        }
        return new Regimen(id, drug.id(), therapy, r.strings("aliases", w), route, loading, dose, unit, interval, perDay, loadingInfusion,
            infusion, cycles, model, r.at());
    }

    private static double minutes(YamlNode r, String key, String w, Dose.Route route, double intervalDays, double fallback) {
        YamlNode n = r.get(key, w);
        if (n == null) {
            return fallback;
        }
        if (route != Dose.Route.IV) {
            throw n.error(w + ": " + key + " is for iv regimens");
        }
        double v = n.number(w + ", field '" + key + "'");
        if (!(v >= 0 && v < intervalDays * 1440)) {
            throw n.error(w + ", field '" + key + "': an infusion lasts 0 or more minutes and less than the interval, not " + Patient.num(v));
        }
        return v;
    }
}
