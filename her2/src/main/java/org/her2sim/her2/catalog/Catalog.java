// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;

/**
 * The HER2 model as data: the network and its configuration, the response definition,
 * mechanisms, therapies, the gene map, context settings and the evidence, read from a
 * {@link Root} and cross-checked (every node, therapy and mechanism referred to exists). Errors
 * are {@link ModelException}s naming {@code file:line:column} and the entry. Immutable.
 */
public final class Catalog {
    /** The network. */
    public static final String BND = "network/her2.bnd";
    /** Its configuration. */
    public static final String CFG = "network/her2.cfg";
    /** Phenotypes, readouts, schedule and score. */
    public static final String RESPONSE = "response.yaml";
    /** Mechanisms. */
    public static final String MECHANISMS = "mechanisms.yaml";
    /** Therapies. */
    public static final String THERAPIES = "therapies.yaml";
    /** Gene and alteration kind to mechanism. */
    public static final String GENES = "genes.yaml";
    /** Profile context settings. */
    public static final String CONTEXT = "context.yaml";
    /** Citations for nodes and edges. */
    public static final String EVIDENCE = "evidence.yaml";
    /** The folder of example profiles. */
    public static final String PROFILES = "profiles";

    private final Root root;
    private final Network network;
    private final RunConfig config;
    private final Response response;
    private final Map<String, Mechanism> mechanisms;
    private final Map<String, Therapy> therapies;
    private final GeneMap genes;
    private final Map<String, Map<String, List<Fix>>> context;
    private final Evidence evidence;
    private final ModelGraph graph;
    private final Parameters parameters;
    private final Map<String, double[]> cellCache;

    Catalog(Root root, Network network, RunConfig config, Response response, Map<String, Mechanism> mechanisms,
            Map<String, Therapy> therapies, GeneMap genes, Map<String, Map<String, List<Fix>>> context, Evidence evidence,
            ModelGraph graph, Parameters parameters) {
        this(root, network, config, response, mechanisms, therapies, genes, context, evidence, graph, parameters, new ConcurrentHashMap<>());
    }

    private Catalog(Root root, Network network, RunConfig config, Response response, Map<String, Mechanism> mechanisms,
            Map<String, Therapy> therapies, GeneMap genes, Map<String, Map<String, List<Fix>>> context, Evidence evidence,
            ModelGraph graph, Parameters parameters, Map<String, double[]> cellCache) {
        this.root = root;
        this.cellCache = cellCache;
        this.parameters = parameters;
        this.network = network;
        this.config = config;
        this.response = response;
        this.mechanisms = Collections.unmodifiableMap(new LinkedHashMap<>(mechanisms));
        this.therapies = Collections.unmodifiableMap(new LinkedHashMap<>(therapies));
        this.genes = genes;
        Map<String, Map<String, List<Fix>>> c = new LinkedHashMap<>();
        context.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.context = Collections.unmodifiableMap(c);
        this.evidence = evidence;
        this.graph = graph;
    }

    /** The bundled model ({@code her2/} on the classpath). */
    public static Catalog load() throws IOException {
        return load(Root.bundled());
    }

    /** The model in a directory laid out like {@code her2/}. */
    public static Catalog load(Path dir) throws IOException {
        return load(Root.directory(dir));
    }

    /**
     * Reads and checks every file.
     *
     * @throws ModelException for any error in the files, naming file, line and column
     * @throws IOException when a file cannot be read (a missing file is a {@link java.nio.file.NoSuchFileException})
     */
    public static Catalog load(Root root) throws IOException {
        return new CatalogReader(root).read();
    }

    /** Where the files were read from. */
    public Root root() {
        return root;
    }

    /** The network as read from {@value #BND}. */
    public Network network() {
        return network;
    }

    /** The configuration as read from {@value #CFG} (before the response's overrides). */
    public RunConfig config() {
        return config;
    }

    /** The rate constants' declarations ({@value Parameters#FILE}) and fit ({@value Parameters#FITTED}). */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The same model with some rate constants set (names without {@code $}), e.g. a fit's candidate or
     * an ensemble member. @throws ModelException for a name that is not a declared parameter
     */
    public Catalog withParameters(Map<String, Double> values) {
        RunConfig.Builder cb = config.toBuilder();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            parameters.require(e.getKey());
            cb.variable(e.getKey(), e.getValue());
        }
        RunConfig c = cb.build();
        return new Catalog(root, network, c, response, mechanisms, therapies, genes, context, evidence, ModelGraph.of(network, c.variables()),
            parameters);
    }

    /**
     * The same model read from a root with some files replaced ({@link Root#overlay}). Only files read
     * after loading see the change (tumour.yaml and its fit, pk/, validation/): the network,
     * configuration and YAML files parsed here are shared, so cell-model results stay the same.
     */
    public Catalog withFiles(Map<String, String> files) {
        return new Catalog(Root.overlay(root, files), network, config, response, mechanisms, therapies, genes, context, evidence, graph,
            parameters, cellCache);
    }

    /**
     * A store of cell-model results (e.g. phenotype probabilities of a clone under a set of
     * therapies, keyed by everything else they depend on: scenario, seed, samples), shared by the
     * catalogs of one cell model ({@link #withFiles}), so a tumour-level fit reruns no cell model.
     * Thread-safe; callers keep it small (a tumour run adds a few hundred entries).
     */
    public Map<String, double[]> cellCache() {
        return cellCache;
    }

    /** {@value #RESPONSE}. */
    public Response response() {
        return response;
    }

    /** Mechanisms by id, in file order. */
    public Map<String, Mechanism> mechanisms() {
        return mechanisms;
    }

    /** A mechanism by id, or null. */
    public Mechanism mechanism(String id) {
        return mechanisms.get(id);
    }

    /** Therapies by id, in file order. */
    public Map<String, Therapy> therapies() {
        return therapies;
    }

    /** The therapy whose id, name or alias is {@code word} (any case), or null. */
    public Therapy therapy(String word) {
        for (Therapy t : therapies.values()) {
            if (t.answersTo(word)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The therapy named {@code word}.
     *
     * @param where names the option or field, for the error
     * @throws ModelException {@code unknown therapy 'X' (known: ...)} with close matches
     */
    public Therapy requireTherapy(String word, SourceLocation where) {
        Therapy t = therapy(word);
        if (t == null) {
            List<String> names = new ArrayList<>();
            for (Therapy th : therapies.values()) {
                names.add(th.id());
                th.aliases().forEach(names::add);
            }
            List<String> close = Names.close(word, names);
            StringBuilder msg = new StringBuilder("unknown therapy '").append(word).append("' (");
            if (!close.isEmpty()) {
                msg.append("did you mean: ").append(String.join(", ", close)).append("? ");
            }
            msg.append("known: ").append(String.join(", ", therapies.keySet())).append(')');
            throw new ModelException(where, msg.toString());
        }
        return t;
    }

    /** {@value #GENES}. */
    public GeneMap genes() {
        return genes;
    }

    /** Context key to level to node fixes, in file order. */
    public Map<String, Map<String, List<Fix>>> context() {
        return context;
    }

    /** {@value #EVIDENCE}. */
    public Evidence evidence() {
        return evidence;
    }

    /** The network's signed influence graph. */
    public ModelGraph graph() {
        return graph;
    }

    /** The names of the profiles under {@code profiles/} (file names without {@code .yaml}), sorted. */
    public List<String> profileNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : root.list(PROFILES, ".yaml")) {
            String base = f.substring(f.lastIndexOf('/') + 1);
            out.add(base.substring(0, base.length() - ".yaml".length()));
        }
        return out;
    }

    /**
     * What the evidence does not cover yet, one line each: nodes, mechanisms and therapies without
     * references or papers, nodes without evidence, network edges without evidence or citation, evidence edges that are not in the network or
     * whose sign differs from the network's, and drug nodes that are not fixed inputs
     * ({@code rate_up = 0; rate_down = 0;}). Empty when everything is covered.
     */
    public List<String> check() {
        List<String> out = new ArrayList<>();
        for (Node n : network.nodes()) {
            Evidence.NodeEvidence e = evidence.nodes().get(n.name());
            if (e == null) {
                out.add("node " + n.name() + ": no evidence in " + EVIDENCE);
            } else if (e.citation().isEmpty()) {
                out.add("node " + n.name() + ": no references or papers (" + e.at() + ")");
            }
        }
        for (ModelGraph.Edge g : graph.edges()) {
            Evidence.EdgeEvidence e = evidence.edge(g.from(), g.to());
            if (e == null) {
                out.add("edge " + g.from() + " -> " + g.to() + " (" + g.sign().symbol() + "): no evidence in " + EVIDENCE);
            } else if (e.citation().isEmpty()) {
                out.add("edge " + g.from() + " -> " + g.to() + ": no references or papers (" + e.at() + ")");
            }
        }
        for (Evidence.EdgeEvidence e : evidence.edges()) {
            ModelGraph.Edge g = graph.edge(e.from(), e.to());
            if (g == null) {
                out.add("edge " + e.from() + " -> " + e.to() + ": not in the network (" + e.at() + ")");
            } else if (g.sign() != e.sign()) {
                out.add("edge " + e.from() + " -> " + e.to() + ": sign " + e.sign().symbol() + " in " + EVIDENCE
                    + " but " + g.sign().symbol() + " in the network (" + e.at() + ")");
            }
        }
        for (Mechanism m : mechanisms.values()) {
            if (m.citation().isEmpty()) {
                out.add("mechanism " + m.id() + ": no references or papers (" + m.at() + ")");
            }
        }
        for (Therapy t : therapies.values()) {
            if (t.citation().isEmpty()) {
                out.add("therapy " + t.id() + ": no references or papers (" + t.at() + ")");
            }
            for (String d : t.drugs()) {
                if (!isFixedInput(network.node(d))) {
                    out.add("therapy " + t.id() + ": drug node " + d + " is not a fixed input (rate_up = 0; rate_down = 0;)");
                }
            }
        }
        return out;
    }

    private static boolean isFixedInput(Node n) {
        Expression up = n.attribute(Node.RATE_UP);
        Expression down = n.attribute(Node.RATE_DOWN);
        boolean noLogic = n.logic() == null;
        return (up == null ? noLogic : isZero(up)) && (down == null ? noLogic : isZero(down));
    }

    private static boolean isZero(Expression e) {
        return e instanceof Expression.Constant c && c.value() == 0;
    }
}
