// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.model.Node;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Citation;
import org.her2sim.her2.catalog.Evidence;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.ModelGraph;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.report.Explain;
import org.her2sim.her2.service.Her2Model;
import org.her2sim.her2.service.TreatRequest;
import org.her2sim.her2.tumour.TumourParams;

/** The bundled model, read once: its description for the pages, the evidence of each part, and its bundled profiles. */
final class ModelService {
    /** Compartments in reading order: drugs, then the cell from membrane to phenotype, then inputs. */
    static final List<String> COMPARTMENTS = List.of("drug", "membrane", "signalling", "cell cycle", "death", "stress", "autophagy",
        "ADC processing", "immune microenvironment", "angiogenesis", "migration", "phenotype", "alteration", "context");

    private final Her2Model her2;
    private final Catalog catalog;
    private final TumourParams tumour;
    private final PkData pk;
    private final PrevalenceModel prevalence;
    private final ModelRef ref;
    private final String hash;
    private final List<String> profiles;
    private final Map<String, Object> model;

    ModelService(Catalog catalog, WebConfig config) throws IOException {
        this.her2 = Her2Model.of(catalog);
        this.catalog = catalog;
        this.tumour = her2.tumour();
        this.pk = her2.pk();
        this.ref = ModelRef.bundled().with(her2);
        this.prevalence = ref.prevalence();
        this.hash = her2.sha256();
        this.profiles = catalog.profileNames();
        this.model = describe(config);
    }

    /** The bundled model. */
    static ModelService bundled(WebConfig config) throws IOException {
        return new ModelService(Catalog.load(), config);
    }

    /** The HER2 model the predict and treat services run. */
    Her2Model her2() {
        return her2;
    }

    Catalog catalog() {
        return catalog;
    }

    TumourParams tumour() {
        return tumour;
    }

    /** The prevalences virtual cohorts are drawn from. */
    PrevalenceModel prevalence() {
        return prevalence;
    }

    /** The model for the cohort module (the bundled one, already loaded). */
    ModelRef ref() {
        return ref;
    }

    /** The dosing regimens and drug models ({@code pk/}). */
    PkData pk() {
        return pk;
    }

    /** SHA-256 of the data files. */
    String hash() {
        return hash;
    }

    /** Names of the bundled profiles. */
    List<String> profiles() {
        return profiles;
    }

    /** What {@code GET /api/model} returns. */
    Map<String, Object> model() {
        return model;
    }

    /** The YAML text of a bundled profile; the name is checked against the list, never used as a path. */
    String profileText(String name, String field) {
        if (!profiles.contains(name)) {
            throw ApiException.notFound(field, "no bundled profile '" + name + "' (bundled: " + String.join(", ", profiles) + ")");
        }
        try {
            return catalog.root().read(Catalog.PROFILES + "/" + name + ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled profile " + name, e);
        }
    }

    private Map<String, Object> describe(WebConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modelHash", hash);
        List<String> outputs = catalog.response().outputs();
        List<Object> nodes = new ArrayList<>();
        LinkedHashSet<String> used = new LinkedHashSet<>();
        for (Node n : catalog.network().nodes()) {
            Evidence.NodeEvidence e = catalog.evidence().nodes().get(n.name());
            String compartment = e == null || e.compartment().isEmpty() ? "other" : e.compartment();
            used.add(compartment);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", n.name());
            o.put("name", e == null ? n.name() : e.name());
            o.put("compartment", compartment);
            o.put("kind", catalog.response().phenotypes().contains(n.name()) ? "phenotype" : outputs.contains(n.name()) ? "readout" : "node");
            nodes.add(o);
        }
        List<String> compartments = new ArrayList<>();
        COMPARTMENTS.stream().filter(used::contains).forEach(compartments::add);
        used.stream().filter(c -> !compartments.contains(c)).forEach(compartments::add);
        m.put("compartments", compartments);
        m.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (ModelGraph.Edge g : catalog.graph().edges()) {
            edges.add(Map.of("source", g.from(), "target", g.to(), "sign", g.sign().symbol()));
        }
        m.put("edges", edges);
        List<Object> mechs = new ArrayList<>();
        for (Mechanism x : catalog.mechanisms().values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", x.id());
            o.put("name", x.name());
            o.put("category", x.category());
            o.put("nodes", x.perturb().stream().map(Fix::node).distinct().toList());
            o.put("counteredBy", x.counteredBy());
            mechs.add(o);
        }
        m.put("mechanisms", mechs);
        List<Object> ths = new ArrayList<>();
        for (Therapy t : catalog.therapies().values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", t.id());
            o.put("name", t.name());
            o.put("class", t.drugClass());
            o.put("drugs", t.drugs());
            o.put("addon", t.addon());
            ths.add(o);
        }
        m.put("therapies", ths);
        List<Object> regimens = new ArrayList<>();
        for (Regimen x : pk.regimens().values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", x.id());
            o.put("therapy", x.therapy());
            o.put("drug", x.drug());
            o.put("description", x.describe());
            regimens.add(o);
        }
        m.put("regimens", regimens);
        m.put("profiles", profiles);
        m.put("settings", List.of("naive", "pretreated"));
        m.put("phenotypes", catalog.response().phenotypes());
        m.put("readouts", catalog.response().readouts());
        m.put("defaults", Map.of("seed", catalog.config().seed(), "samples", Math.min(catalog.response().sampleCount(), config.maxSamples()),
            "months", Math.min(TreatRequest.WEB_MONTHS, config.maxMonths())));
        m.put("limits", Map.of("maxSamples", config.maxSamples(), "maxMonths", config.maxMonths(), "maxProfileChars", config.maxProfileChars(),
            "maxRequestBytes", config.maxRequestBytes(), "maxCohortSize", config.maxCohortSize(), "maxScreenWork", config.maxScreenWork()));
        return m;
    }

    /** What {@code GET /api/evidence/{name}} returns: the explain text and its fields. */
    Map<String, Object> evidence(String name) {
        String text;
        try {
            text = Explain.of(catalog, name);
        } catch (ModelException e) {
            throw ApiException.notFound("name", e.getMessage().replaceFirst("^explain: ", ""));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Node n = catalog.network().node(name);
        if (n == null) {
            n = catalog.network().nodes().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
        Mechanism mech = n != null ? null : catalog.mechanisms().values().stream().filter(x -> x.id().equalsIgnoreCase(name)).findFirst()
            .orElse(null);
        if (n != null) {
            node(m, n);
        } else if (mech != null) {
            mechanism(m, mech);
        } else {
            therapy(m, catalog.therapy(name));
        }
        m.put("text", text);
        return m;
    }

    private void node(Map<String, Object> m, Node n) {
        Evidence.NodeEvidence e = catalog.evidence().nodes().get(n.name());
        m.put("kind", "node");
        m.put("id", n.name());
        m.put("name", e == null ? n.name() : e.name());
        m.put("compartment", e == null ? "" : e.compartment());
        m.put("description", e == null ? "" : e.description());
        cite(m, e == null ? new Citation("", List.of(), List.of()) : e.citation());
        m.put("incoming", edges(catalog.graph().incoming(n.name())));
        m.put("outgoing", edges(catalog.graph().outgoing(n.name())));
    }

    private List<Object> edges(List<ModelGraph.Edge> list) {
        List<Object> out = new ArrayList<>();
        for (ModelGraph.Edge g : list) {
            Evidence.EdgeEvidence e = catalog.evidence().edge(g.from(), g.to());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("source", g.from());
            o.put("target", g.to());
            o.put("sign", g.sign().symbol());
            o.put("citation", e == null ? "" : e.citation().toString());
            o.put("note", e == null ? "" : e.note());
            out.add(o);
        }
        return out;
    }

    private void mechanism(Map<String, Object> m, Mechanism x) {
        m.put("kind", "mechanism");
        m.put("id", x.id());
        m.put("name", x.name());
        m.put("category", x.category());
        m.put("description", x.behaviour());
        cite(m, x.citation());
        m.put("genes", x.genes());
        m.put("perturbation", x.perturb().stream().map(Fix::toString).toList());
        m.put("subpopulation", x.subpopulation());
        m.put("counteredBy", x.counteredBy());
    }

    private void therapy(Map<String, Object> m, Therapy t) {
        m.put("kind", "therapy");
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("aliases", t.aliases());
        m.put("class", t.drugClass());
        m.put("target", t.target());
        m.put("modes", t.modes());
        cite(m, t.citation());
        m.put("drugs", t.drugs());
        m.put("addon", t.addon());
    }

    private static void cite(Map<String, Object> m, Citation c) {
        m.put("section", c.section());
        m.put("references", c.references());
        m.put("papers", c.papers());
        m.put("citation", c.toString());
    }
}
