// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.GeneMap;
import org.her2sim.her2.catalog.YamlNode;

/** Reads {@code prevalence.yaml} into a {@link PrevalenceModel}, checking every entry. */
final class PrevalenceReader {
    private final String source;
    private final YamlNode root;
    private final Map<String, String> sources = new LinkedHashMap<>();

    PrevalenceReader(String source, String text) {
        this.source = source;
        this.root = YamlNode.parse(source, text);
    }

    PrevalenceModel read() {
        root.allowKeys("prevalence", "sources", "pik3ca_pten", "features", "covariates");
        for (YamlNode.Entry e : root.require("sources", "prevalence").entries("sources")) {
            sources.put(e.key(), e.value().text("source " + e.key()));
        }
        YamlNode pair = root.require("pik3ca_pten", "prevalence");
        String pw = "pik3ca_pten";
        pair.allowKeys(pw, "pik3ca", "pten_loss", "either", "cooccurrence_source");
        cite(pair, "cooccurrence_source", pw);
        YamlNode aNode = pair.require("pik3ca", pw);
        double a = figure(aNode, pw + ", pik3ca");
        double b = figure(pair.require("pten_loss", pw), pw + ", pten_loss");
        YamlNode either = pair.require("either", pw);
        either.allowKeys(pw + ", either", "naive", "pretreated");
        YamlNode naiveNode = either.require("naive", pw + ", either");
        double naive = figure(naiveNode, pw + ", either, naive");
        double both = a + b - naive;
        if (both < -1e-12 || both > Math.min(a, b) + 1e-12) {
            throw naiveNode.error(pw + ": 'either' must lie between max(pik3ca, pten_loss) and pik3ca + pten_loss");
        }
        both = Math.max(0, both);
        Map<Setting, double[]> cells = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            YamlNode n = either.require(s.id(), pw + ", either");
            double e = figure(n, pw + ", either, " + s.id());
            double k = e / naive;
            double[] c = {(a - both) * k, (b - both) * k, both * k, 1 - e};
            if (e < naive - 1e-12 && s == Setting.PRETREATED) {
                throw n.error(pw + ": the pretreated 'either' is below the naive one");
            }
            cells.put(s, c);
        }
        List<Feature> features = new ArrayList<>();
        features.add(new Feature(PrevalenceModel.PIK3CA, marginal(cells, 0), cite(aNode, "source", pw + ", pik3ca"), "PIK3CA",
            "activating", List.of(), ""));
        features.add(new Feature(PrevalenceModel.PTEN_LOSS, marginal(cells, 1), cite(pair.require("pten_loss", pw), "source",
            pw + ", pten_loss"), "PTEN", "loss", List.of(), ""));
        for (YamlNode f : root.list("features", "prevalence")) {
            Feature feature = feature(f);
            if (features.stream().anyMatch(x -> x.id().equals(feature.id()))) {
                throw f.error("feature '" + feature.id() + "': listed twice");
            }
            features.add(feature);
        }
        return new PrevalenceModel(source, sources, cells, features, covariates(root.require("covariates", "prevalence")));
    }

    private static Map<Setting, Double> marginal(Map<Setting, double[]> cells, int only) {
        Map<Setting, Double> m = new EnumMap<>(Setting.class);
        cells.forEach((s, c) -> m.put(s, c[only] + c[2]));
        return m;
    }

    /** {@code {value: 0.22, range: ..., source: [...], note: ...}}. */
    private double figure(YamlNode n, String what) {
        n.allowKeys(what, "value", "range", "source", "note");
        cite(n, "source", what);
        return fraction(n.require("value", what), what);
    }

    private static double fraction(YamlNode v, String what) {
        double x = v.number(what + ", field 'value'");
        if (x < 0 || x > 1) {
            throw v.error(what + ": a prevalence is a fraction in [0, 1], not " + x);
        }
        return x;
    }

    private List<String> cite(YamlNode owner, String key, String what) {
        List<String> ids = new ArrayList<>();
        for (YamlNode n : owner.list(key, what)) {
            String id = n.text(what + ", field '" + key + "'");
            if (!sources.containsKey(id)) {
                throw n.error(what + ": unknown source '" + id + "' (known: " + String.join(", ", sources.keySet()) + ")");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw owner.error(what + ": missing field '" + key + "' (every figure is cited)");
        }
        return ids;
    }

    private Feature feature(YamlNode f) {
        String id = f.string("id", "feature");
        String w = "feature '" + id + "'";
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw f.error(w + ": an id is lower-case letters, digits and '_'");
        }
        f.allowKeys(w, "id", "value", "range", "source", "note", "gene", "kind", "mechanism", "mechanisms", "none");
        Map<Setting, Double> p = perSetting(f.require("value", w), w);
        List<String> cites = cite(f, "source", w);
        String gene = f.string("gene", w, "");
        String kind = f.string("kind", w, "");
        List<String> mechanisms = new ArrayList<>();
        String one = f.string("mechanism", w, "");
        if (!one.isEmpty()) {
            mechanisms.add(one);
        }
        if (f.get("mechanisms", w) != null) {
            List<String> many = f.strings("mechanisms", w);
            if (many.isEmpty()) {
                throw f.require("mechanisms", w).error(w + ": 'mechanisms' lists at least one mechanism id");
            }
            mechanisms.addAll(many);
        }
        String none = f.string("none", w, "");
        boolean bothKeys = !one.isEmpty() && f.get("mechanisms", w) != null;
        int ways = (gene.isEmpty() ? 0 : 1) + (mechanisms.isEmpty() ? 0 : 1) + (none.isEmpty() ? 0 : 1);
        if (ways != 1 || bothKeys) {
            throw f.error(w + ": give exactly one of gene (with kind), mechanism (or a list as mechanisms), or none (with the reason)");
        }
        if (gene.isEmpty() != kind.isEmpty()) {
            throw f.error(w + ": gene and kind go together");
        }
        if (!kind.isEmpty() && !GeneMap.KINDS.contains(kind)) {
            throw f.require("kind", w).error(w + ": kind must be one of " + String.join(", ", GeneMap.KINDS));
        }
        return new Feature(id, p, cites, gene, kind, mechanisms, none);
    }

    /** A prevalence for every setting: one fraction, or {@code {naive: x, pretreated: y}}. */
    private static Map<Setting, Double> perSetting(YamlNode v, String what) {
        Map<Setting, Double> p = new EnumMap<>(Setting.class);
        if (!v.isMap()) {
            double x = fraction(v, what);
            for (Setting s : Setting.values()) {
                p.put(s, x);
            }
            return p;
        }
        String[] ids = java.util.Arrays.stream(Setting.values()).map(Setting::id).toArray(String[]::new);
        v.allowKeys(what + ", field 'value'", ids);
        for (Setting s : Setting.values()) {
            p.put(s, fraction(v.require(s.id(), what + ", field 'value'"), what + ", value for " + s.id()));
        }
        return p;
    }

    private PrevalenceModel.Covariates covariates(YamlNode c) {
        String w = "covariates";
        c.allowKeys(w, "weight_kg", "serum_ecd_ng_ml", "metastatic_sites");
        YamlNode wt = c.require("weight_kg", w);
        String ww = w + ", weight_kg";
        wt.allowKeys(ww, "median", "cv", "min", "max", "source", "note");
        cite(wt, "source", ww);
        double median = positive(wt, "median", ww);
        double cv = positive(wt, "cv", ww);
        double min = positive(wt, "min", ww);
        double max = positive(wt, "max", ww);
        if (!(min < median && median < max)) {
            throw wt.error(ww + ": need min < median < max");
        }
        YamlNode ecd = c.require("serum_ecd_ng_ml", w);
        String ew = w + ", serum_ecd_ng_ml";
        ecd.allowKeys(ew, "elevated", "elevated_fraction", "high", "high_fraction", "source", "note");
        cite(ecd, "source", ew);
        double c1 = positive(ecd, "elevated", ew);
        double f1 = fraction(ecd.require("elevated_fraction", ew), ew + ", elevated_fraction");
        double c2 = positive(ecd, "high", ew);
        double f2 = fraction(ecd.require("high_fraction", ew), ew + ", high_fraction");
        if (!(c1 < c2 && f2 < f1 && f2 > 0 && f1 < 1)) {
            throw ecd.error(ew + ": need elevated < high and 0 < high_fraction < elevated_fraction < 1");
        }
        double z1 = Normal.quantile(1 - f1);
        double z2 = Normal.quantile(1 - f2);
        double sigma = (Math.log(c2) - Math.log(c1)) / (z2 - z1);
        double mu = Math.log(c1) - sigma * z1;
        YamlNode sites = c.require("metastatic_sites", w);
        String sw = w + ", metastatic_sites";
        sites.allowKeys(sw, "extra_mean", "max", "source", "note");
        cite(sites, "source", sw);
        double extra = positive(sites, "extra_mean", sw);
        YamlNode maxNode = sites.require("max", sw);
        int most = maxNode.integer(sw + ", field 'max'");
        if (most < 1) {
            throw maxNode.error(sw + ": max must be at least 1");
        }
        return new PrevalenceModel.Covariates(median, cv, min, max, mu, sigma, c1, f1, extra, most);
    }

    private static double positive(YamlNode owner, String key, String what) {
        YamlNode n = owner.require(key, what);
        double x = n.number(what + ", field '" + key + "'");
        if (x <= 0) {
            throw n.error(what + ": " + key + " must be positive");
        }
        return x;
    }
}
