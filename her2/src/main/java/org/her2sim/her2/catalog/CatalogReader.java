// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.Network;

/** Reads and cross-checks the data files of a {@link Root} into a {@link Catalog}. */
final class CatalogReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");

    private final Root root;
    private Network network;
    private Response response;
    private final Map<String, Therapy> therapies = new LinkedHashMap<>();
    private final Map<String, Mechanism> mechanisms = new LinkedHashMap<>();
    /** Mechanism ids named in {@code expect: with}, checked once every mechanism is read. */
    private final List<YamlNode> withIds = new ArrayList<>();

    CatalogReader(Root root) {
        this.root = root;
    }

    Catalog read() throws IOException {
        network = BndParser.parse(root.display(Catalog.BND), root.read(Catalog.BND));
        RunConfig.Builder cb = new RunConfig.Builder();
        CfgParser.apply(root.display(Catalog.CFG), root.read(Catalog.CFG), network, cb);
        Parameters parameters = Parameters.read(root, cb.variables());
        parameters.overrides().forEach(cb::variable);
        RunConfig config = cb.build();
        response = response(yaml(Catalog.RESPONSE));
        therapies(yaml(Catalog.THERAPIES));
        mechanisms(yaml(Catalog.MECHANISMS));
        GeneMap genes = genes(yaml(Catalog.GENES));
        Map<String, Map<String, List<Fix>>> context = context(yaml(Catalog.CONTEXT));
        Evidence evidence = evidence(yaml(Catalog.EVIDENCE));
        ModelGraph graph = ModelGraph.of(network, config.variables());
        return new Catalog(root, network, config, response, mechanisms, therapies, genes, context, evidence, graph, parameters);
    }

    private YamlNode yaml(String name) throws IOException {
        return YamlNode.parse(root.display(name), root.read(name));
    }

    private void node(String node, SourceLocation at, String message) {
        if (network.node(node) == null) {
            throw new ModelException(at, message + ": " + Names.unknown("node", node, network.nodes().stream().map(n -> n.name()).toList()));
        }
    }

    private void fixes(List<Fix> fixes, String what) {
        for (Fix f : fixes) {
            node(f.node(), f.at(), what);
        }
    }

    private static String id(YamlNode item, String kind) {
        YamlNode idNode = item.require("id", kind);
        String id = idNode.text(kind + ", field 'id'");
        if (!ID.matcher(id).matches()) {
            throw idNode.error(kind + " '" + id + "': an id is lower-case letters, digits and '_'");
        }
        return id;
    }

    private Response response(YamlNode y) {
        String w = "response";
        y.allowKeys(w, "phenotypes", "readouts", "treatment_start", "max_time", "readout_window", "sample_count", "score", "thresholds");
        List<String> phenotypes = y.strings("phenotypes", w);
        List<String> readouts = y.strings("readouts", w);
        if (phenotypes.isEmpty()) {
            throw y.error(w + ": missing field 'phenotypes'");
        }
        for (String key : List.of("phenotypes", "readouts")) {
            for (YamlNode n : y.list(key, w)) {
                node(n.text(w), n.at(), w + ": " + key);
            }
        }
        double start = y.require("treatment_start", w).number(w + ", field 'treatment_start'");
        YamlNode maxNode = y.require("max_time", w);
        double max = maxNode.number(w + ", field 'max_time'");
        YamlNode winNode = y.require("readout_window", w);
        double window = winNode.number(w + ", field 'readout_window'");
        YamlNode samplesNode = y.require("sample_count", w);
        int samples = samplesNode.integer(w + ", field 'sample_count'");
        if (start < 0 || start >= max) {
            throw maxNode.error(w + ": max_time must be greater than treatment_start (" + start + ") and treatment_start not negative");
        }
        if (window <= 0 || window > max) {
            throw winNode.error(w + ": readout_window must be in (0, max_time]");
        }
        if (samples < 1) {
            throw samplesNode.error(w + ": sample_count must be at least 1");
        }
        YamlNode score = y.require("score", w);
        String sw = w + ", score";
        score.allowKeys(sw, "growth", "death");
        YamlNode growthNode = score.require("growth", sw);
        String growth = growthNode.text(sw + ", field 'growth'");
        if (!phenotypes.contains(growth)) {
            throw growthNode.error(sw + ": growth '" + growth + "' is not one of the phenotypes");
        }
        List<String> death = new ArrayList<>();
        for (YamlNode d : score.list("death", sw)) {
            String p = d.text(sw + ", field 'death'");
            if (!phenotypes.contains(p)) {
                throw d.error(sw + ": death '" + p + "' is not one of the phenotypes");
            }
            death.add(p);
        }
        YamlNode th = y.require("thresholds", w);
        String tw = w + ", thresholds";
        th.allowKeys(tw, "sensitive", "partial");
        YamlNode sensNode = th.require("sensitive", tw);
        double sensitive = sensNode.number(tw + ", field 'sensitive'");
        double partial = th.require("partial", tw).number(tw + ", field 'partial'");
        if (partial < 0 || partial > sensitive || sensitive > 1) {
            throw sensNode.error(tw + ": need 0 <= partial <= sensitive <= 1");
        }
        return new Response(phenotypes, readouts, start, max, window, samples, growth, death, sensitive, partial);
    }

    private void therapies(YamlNode y) {
        y.allowKeys("therapies.yaml", "therapies");
        Map<String, String> words = new LinkedHashMap<>();
        for (YamlNode t : y.list("therapies", "therapies.yaml")) {
            String id = id(t, "therapy");
            String w = "therapy '" + id + "'";
            t.allowKeys(w, "id", "name", "aliases", "class", "target", "modes", "section", "references", "papers", "drugs", "addon",
                "evidence", "same_as");
            if (therapies.containsKey(id)) {
                throw t.error(w + ": duplicate id (first at " + therapies.get(id).at() + ")");
            }
            List<String> drugs = new ArrayList<>();
            for (YamlNode d : t.list("drugs", w)) {
                String node = d.text(w + ", field 'drugs'");
                node(node, d.at(), w + ": drugs");
                drugs.add(node);
            }
            if (drugs.isEmpty()) {
                throw t.error(w + ": missing field 'drugs' (its drug nodes)");
            }
            YamlNode addon = t.get("addon", w);
            YamlNode ev = t.require("evidence", w);
            String evidence = ev.text(w + ", field 'evidence'");
            if (!Therapy.EVIDENCE.contains(evidence)) {
                throw ev.error(w + ": evidence '" + evidence + "' is not one of " + String.join(", ", Therapy.EVIDENCE));
            }
            Therapy th = new Therapy(id, t.string("name", w), t.strings("aliases", w), t.string("class", w, ""),
                t.string("target", w, ""), t.strings("modes", w), Citation.read(t, w), drugs,
                addon == null || addon.bool(w + ", field 'addon'"), evidence, SameAs.read(t, w), t.at());
            List<String> names = new ArrayList<>(th.aliases());
            names.add(0, th.name());
            names.add(0, id);
            for (String n : names) {
                String old = words.putIfAbsent(n.toLowerCase(java.util.Locale.ROOT), id);
                if (old != null && !old.equals(id)) {
                    throw t.error(w + ": the name '" + n + "' is already used by therapy '" + old + "'");
                }
            }
            therapies.put(id, th);
        }
        for (Therapy th : therapies.values()) {
            SameAs.check(th.sameAs(), "therapy", th.id(), therapies.keySet());
        }
    }

    private void therapyIds(YamlNode owner, String key, String what, List<String> out) {
        for (YamlNode n : owner.list(key, what)) {
            String id = n.text(what + ", field '" + key + "'");
            if (!therapies.containsKey(id)) {
                throw n.error(what + ": " + key + ": " + Names.unknown("therapy", id, therapies.keySet()));
            }
            out.add(id);
        }
    }

    private void mechanisms(YamlNode y) {
        y.allowKeys("mechanisms.yaml", "mechanisms");
        for (YamlNode m : y.list("mechanisms", "mechanisms.yaml")) {
            String id = id(m, "mechanism");
            String w = "mechanism '" + id + "'";
            m.allowKeys(w, "id", "name", "category", "section", "references", "papers", "genes", "perturb", "subpopulation",
                "behaviour", "expect", "countered_by", "same_as");
            if (mechanisms.containsKey(id)) {
                throw m.error(w + ": duplicate id (first at " + mechanisms.get(id).at() + ")");
            }
            Citation cite = Citation.read(m, w);
            List<Fix> perturb = new ArrayList<>();
            for (YamlNode f : m.list("perturb", w)) {
                perturb.add(Fix.read(f, w + ", perturb"));
            }
            if (perturb.isEmpty()) {
                throw m.error(w + ": missing field 'perturb' (its node fixes)");
            }
            for (Fix f : perturb) {
                if (network.node(f.node()) == null) {
                    throw new ModelException(f.at(), w + ": unknown node '" + f.node() + "' in perturb"
                        + suggestion(f.node()));
                }
            }
            double sub = 1;
            YamlNode subNode = m.get("subpopulation", w);
            if (subNode != null) {
                sub = subNode.number(w + ", field 'subpopulation'");
                if (sub <= 0 || sub > 1) {
                    throw subNode.error(w + ": subpopulation must be a fraction in (0, 1]");
                }
            }
            List<Expectation> expect = new ArrayList<>();
            for (YamlNode e : m.list("expect", w)) {
                expect.add(expectation(e, w + ", expect"));
            }
            List<String> countered = new ArrayList<>();
            therapyIds(m, "countered_by", w, countered);
            mechanisms.put(id, new Mechanism(id, m.string("name", w), m.string("category", w, ""), cite, m.strings("genes", w),
                perturb, sub, m.string("behaviour", w, ""), expect, countered, SameAs.read(m, w), m.at()));
        }
        for (Mechanism mm : mechanisms.values()) {
            SameAs.check(mm.sameAs(), "mechanism", mm.id(), mechanisms.keySet());
        }
        for (YamlNode n : withIds) {
            String id = n.text("expect, field 'with'");
            if (!mechanisms.containsKey(id)) {
                throw n.error("expect: with: " + Names.unknown("mechanism", id, mechanisms.keySet()));
            }
        }
    }

    private String suggestion(String node) {
        List<String> close = Names.close(node, network.nodes().stream().map(n -> n.name()).toList());
        return close.isEmpty() ? "" : " (did you mean: " + String.join(", ", close) + "?)";
    }

    private Expectation expectation(YamlNode e, String w) {
        e.allowKeys(w, "phenotype", "under", "with", "direction");
        YamlNode p = e.require("phenotype", w);
        String phenotype = p.text(w + ", field 'phenotype'");
        if (!response.outputs().contains(phenotype)) {
            throw p.error(w + ": '" + phenotype + "' is not a phenotype or readout of response.yaml");
        }
        List<String> under = new ArrayList<>();
        therapyIds(e, "under", w, under);
        YamlNode d = e.require("direction", w);
        String dir = d.text(w + ", field 'direction'");
        Expectation.Direction direction = switch (dir) {
            case "up" -> Expectation.Direction.UP;
            case "down" -> Expectation.Direction.DOWN;
            default -> throw d.error(w + ": direction must be up or down, not '" + dir + "'");
        };
        List<String> with = new ArrayList<>();
        for (YamlNode n : e.list("with", w)) {
            with.add(n.text(w + ", field 'with'"));
            withIds.add(n);
        }
        return new Expectation(phenotype, under, with, direction, e.at());
    }

    private GeneMap genes(YamlNode y) {
        y.allowKeys("genes.yaml", "genes", "aliases", "her2_status");
        Map<String, Map<String, String>> genes = new LinkedHashMap<>();
        YamlNode g = y.require("genes", "genes.yaml");
        for (YamlNode.Entry e : g.entries("genes")) {
            String w = "gene " + e.key();
            for (String old : genes.keySet()) {
                if (old.equalsIgnoreCase(e.key())) {
                    throw e.keyNode().error(w + ": listed twice (as " + old + ")");
                }
            }
            Map<String, String> kinds = new LinkedHashMap<>();
            for (YamlNode.Entry k : e.value().entries(w)) {
                if (!GeneMap.KINDS.contains(k.key())) {
                    throw k.keyNode().error(w + ": " + Names.unknown("alteration kind", k.key(), GeneMap.KINDS));
                }
                String target = k.value().text(w + ", " + k.key());
                if (!target.equals(GeneMap.BASELINE) && !target.equals(GeneMap.UNMODELLED) && !mechanisms.containsKey(target)) {
                    throw k.value().error(w + ", " + k.key() + ": " + Names.unknown("mechanism", target, mechanisms.keySet()));
                }
                kinds.put(k.key(), target);
            }
            genes.put(e.key(), kinds);
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        YamlNode a = y.get("aliases", "genes.yaml");
        if (a != null) {
            for (YamlNode.Entry e : a.entries("aliases")) {
                String gene = e.value().text("alias " + e.key());
                String canonical = genes.keySet().stream().filter(k -> k.equalsIgnoreCase(gene)).findFirst().orElse(null);
                if (canonical == null) {
                    throw e.value().error("alias " + e.key() + ": " + Names.unknown("gene", gene, genes.keySet()));
                }
                aliases.put(e.key(), canonical);
            }
        }
        Map<String, List<String>> status = new LinkedHashMap<>();
        YamlNode hs = y.get("her2_status", "genes.yaml");
        if (hs != null) {
            for (YamlNode.Entry e : hs.entries("her2_status")) {
                String w = "her2_status " + e.key();
                if (!GeneMap.HER2_CLASSES.contains(e.key())) {
                    throw e.keyNode().error(w + ": " + Names.unknown("HER2 class", e.key(), GeneMap.HER2_CLASSES));
                }
                List<String> ids = new ArrayList<>();
                for (YamlNode n : e.value().items(w)) {
                    String id = n.text(w);
                    if (!mechanisms.containsKey(id)) {
                        throw n.error(w + ": " + Names.unknown("mechanism", id, mechanisms.keySet()));
                    }
                    ids.add(id);
                }
                status.put(e.key(), ids);
            }
        }
        return new GeneMap(genes, aliases, status);
    }

    private Map<String, Map<String, List<Fix>>> context(YamlNode y) {
        y.allowKeys("context.yaml", "context");
        Map<String, Map<String, List<Fix>>> out = new LinkedHashMap<>();
        YamlNode c = y.get("context", "context.yaml");
        if (c == null) {
            return out;
        }
        for (YamlNode.Entry key : c.entries("context")) {
            Map<String, List<Fix>> levels = new LinkedHashMap<>();
            for (YamlNode.Entry level : key.value().entries("context " + key.key())) {
                String w = "context " + key.key() + ": " + level.key();
                List<Fix> fixes = new ArrayList<>();
                for (YamlNode f : level.value().items(w)) {
                    fixes.add(Fix.read(f, w));
                }
                fixes(fixes, w);
                levels.put(level.key(), List.copyOf(fixes));
            }
            out.put(key.key(), levels);
        }
        return out;
    }

    private Evidence evidence(YamlNode y) {
        y.allowKeys("evidence.yaml", "nodes", "edges");
        Map<String, Evidence.NodeEvidence> nodes = new LinkedHashMap<>();
        YamlNode ns = y.get("nodes", "evidence.yaml");
        if (ns != null) {
            for (YamlNode.Entry e : ns.entries("nodes")) {
                String w = "node " + e.key();
                node(e.key(), e.keyNode().at(), "evidence");
                YamlNode v = e.value();
                v.allowKeys(w, "name", "compartment", "description", "section", "references", "papers");
                nodes.put(e.key(), new Evidence.NodeEvidence(e.key(), v.string("name", w, e.key()), v.string("compartment", w, ""),
                    v.string("description", w, ""), Citation.read(v, w), e.keyNode().at()));
            }
        }
        List<Evidence.EdgeEvidence> edges = new ArrayList<>();
        for (YamlNode e : y.list("edges", "evidence.yaml")) {
            String w = "edge";
            e.allowKeys(w, "from", "to", "sign", "section", "references", "papers", "note");
            YamlNode from = e.require("from", w);
            YamlNode to = e.require("to", w);
            w = "edge " + from.text(w) + " -> " + to.text(w);
            node(from.text(w), from.at(), w);
            node(to.text(w), to.at(), w);
            YamlNode s = e.require("sign", w);
            ModelGraph.Sign sign = ModelGraph.Sign.of(s.text(w));
            if (sign == null || sign == ModelGraph.Sign.NONE) {
                throw s.error(w + ": sign must be \"+\", \"-\" or \"+/-\", not '" + s.text(w) + "'");
            }
            for (Evidence.EdgeEvidence old : edges) {
                if (old.from().equals(from.text(w)) && old.to().equals(to.text(w))) {
                    throw e.error(w + ": listed twice (first at " + old.at() + ")");
                }
            }
            edges.add(new Evidence.EdgeEvidence(from.text(w), to.text(w), sign, Citation.read(e, w), e.string("note", w, ""), e.at()));
        }
        return new Evidence(nodes, edges);
    }
}
