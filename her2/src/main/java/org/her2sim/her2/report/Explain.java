// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Bibliography;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Citation;
import org.her2sim.her2.catalog.Evidence;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.ModelGraph;
import org.her2sim.her2.catalog.Names;
import org.her2sim.her2.catalog.Therapy;

/** The evidence behind a node, a mechanism or a therapy, as text ({@code her2sim explain}). */
public final class Explain {
    private Explain() {
    }

    /**
     * Explains a node (exact name, else ignoring case), a mechanism id or a therapy id, name or alias, ending
     * with the cited papers' links from the {@value Bibliography#FILE} beside the model.
     *
     * @throws ModelException when it is none of them, with close matches, or the bibliography is malformed
     */
    public static String of(Catalog c, String word) {
        Optional<Bibliography> b;
        try {
            b = Bibliography.find(c.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(c, b, word);
    }

    /** As {@link #of(Catalog, String)}, with the bibliography given (empty: none). */
    public static String of(Catalog c, Optional<Bibliography> b, String word) {
        Node n = c.network().node(word);
        if (n == null) {
            n = c.network().nodes().stream().filter(x -> x.name().equalsIgnoreCase(word)).findFirst().orElse(null);
        }
        if (n != null) {
            return node(c, n, b);
        }
        Mechanism m = c.mechanism(word);
        if (m == null) {
            m = c.mechanisms().values().stream().filter(x -> x.id().equalsIgnoreCase(word)).findFirst().orElse(null);
        }
        if (m != null) {
            return mechanism(c, m) + Sources.of(b, List.of(m.citation()));
        }
        Therapy t = c.therapy(word);
        if (t != null) {
            return therapy(c, t) + Sources.of(b, List.of(t.citation()));
        }
        List<String> all = new ArrayList<>();
        c.network().nodes().forEach(x -> all.add(x.name()));
        all.addAll(c.mechanisms().keySet());
        all.addAll(c.therapies().keySet());
        List<String> close = Names.close(word, all);
        throw new ModelException(SourceLocation.of("explain"), "'" + word + "' is not a node, mechanism or therapy of the model"
            + (close.isEmpty() ? " (try a node name such as " + c.network().node(0).name() + ", a mechanism id or a therapy)"
                : " (did you mean: " + String.join(", ", close) + "?)"));
    }

    private static String node(Catalog c, Node n, Optional<Bibliography> b) {
        StringBuilder sb = new StringBuilder();
        Evidence.NodeEvidence e = c.evidence().nodes().get(n.name());
        List<Citation> cited = new ArrayList<>();
        if (e != null) {
            cited.add(e.citation());
        }
        for (ModelGraph.Edge g : c.graph().incoming(n.name())) {
            cite(cited, c.evidence().edge(g.from(), g.to()));
        }
        for (ModelGraph.Edge g : c.graph().outgoing(n.name())) {
            cite(cited, c.evidence().edge(g.from(), g.to()));
        }
        sb.append("node ").append(n.name());
        if (e != null && !e.name().equals(n.name())) {
            sb.append(": ").append(e.name());
        }
        sb.append('\n');
        if (e != null) {
            line(sb, "compartment", e.compartment());
            line(sb, "description", e.description());
            line(sb, "citations", e.citation().toString());
        } else {
            line(sb, "evidence", "none in " + Catalog.EVIDENCE);
        }
        if (n.description() != null && !n.description().isEmpty()) {
            line(sb, "in the network", n.description());
        }
        for (Map.Entry<String, Expression> a : n.attributes().entrySet()) {
            line(sb, a.getKey(), ExpressionPrinter.print(a.getValue()));
        }
        if (n.attributes().isEmpty()) {
            line(sb, "logic", "none (an input: it keeps its initial value)");
        }
        edges(sb, c, "incoming", c.graph().incoming(n.name()));
        edges(sb, c, "outgoing", c.graph().outgoing(n.name()));
        List<String> uses = new ArrayList<>();
        for (Mechanism m : c.mechanisms().values()) {
            m.perturb().stream().filter(f -> f.node().equals(n.name())).forEach(f -> uses.add("mechanism " + m.id() + " fixes " + f));
        }
        for (Therapy t : c.therapies().values()) {
            if (t.drugs().contains(n.name())) {
                uses.add("drug node of therapy " + t.id());
            }
        }
        c.context().forEach((k, levels) -> levels.forEach((l, fixes) -> fixes.stream().filter(f -> f.node().equals(n.name()))
            .forEach(f -> uses.add("context " + k + ": " + l + " fixes " + f))));
        if (!uses.isEmpty()) {
            sb.append("used by:\n");
            uses.forEach(u -> sb.append("  ").append(u).append('\n'));
        }
        return sb.append(Sources.of(b, cited)).toString();
    }

    private static void cite(List<Citation> cited, Evidence.EdgeEvidence e) {
        if (e != null) {
            cited.add(e.citation());
        }
    }

    private static void edges(StringBuilder sb, Catalog c, String title, List<ModelGraph.Edge> edges) {
        sb.append(title).append(" edges:");
        if (edges.isEmpty()) {
            sb.append(" none\n");
            return;
        }
        sb.append('\n');
        for (ModelGraph.Edge g : edges) {
            Evidence.EdgeEvidence e = c.evidence().edge(g.from(), g.to());
            sb.append("  ").append(g.from()).append(" -> ").append(g.to())
                .append(" (").append(g.sign().symbol()).append("): ").append(e == null ? "no evidence yet" : e.citation().toString())
                .append(e == null || e.note().isEmpty() ? "" : " (" + e.note() + ")");
            if (e != null && e.sign() != g.sign()) {
                sb.append(" (").append(Catalog.EVIDENCE).append(" says ").append(e.sign().symbol()).append(')');
            }
            sb.append('\n');
        }
    }

    private static String mechanism(Catalog c, Mechanism m) {
        StringBuilder sb = new StringBuilder("mechanism ").append(m.id()).append(": ").append(m.name()).append('\n');
        line(sb, "category", m.category());
        line(sb, "citations", m.citation().toString());
        line(sb, "genes", String.join(", ", m.genes()));
        line(sb, "perturbation", m.perturb().stream().map(Fix::toString).collect(Collectors.joining(", "))
            + (m.isSubpopulation() ? " in a subpopulation of " + ModelDoc.num(m.subpopulation()) + " of the cells" : ""));
        line(sb, "behaviour", m.behaviour());
        if (m.sameAs() != null) {
            line(sb, "same as", m.sameAs().id() + " in the network: " + m.sameAs().why());
        }
        for (var x : m.expect()) {
            line(sb, "expects", x.toString());
        }
        line(sb, "countered by", m.counteredBy().stream().map(id -> id + " (" + c.therapies().get(id).name() + ")")
            .collect(Collectors.joining(", ")));
        List<String> genes = new ArrayList<>();
        c.genes().genes().forEach((g, kinds) -> kinds.forEach((k, id) -> {
            if (id.equals(m.id())) {
                genes.add(g + " " + k);
            }
        }));
        line(sb, "from alterations", String.join(", ", genes));
        line(sb, "defined at", m.at().toString());
        return sb.toString();
    }

    private static String therapy(Catalog c, Therapy t) {
        StringBuilder sb = new StringBuilder("therapy ").append(t.id()).append(": ").append(t.name()).append('\n');
        line(sb, "aliases", String.join(", ", t.aliases()));
        line(sb, "evidence", t.evidence() + " (highest level in HER2-positive or HER2-low breast cancer)");
        if (t.sameAs() != null) {
            line(sb, "same as", t.sameAs().id() + " in the network: " + t.sameAs().why());
        }
        line(sb, "class", t.drugClass());
        line(sb, "target", t.target());
        line(sb, "modes", String.join(", ", t.modes()));
        line(sb, "citations", t.citation().toString());
        line(sb, "drug nodes", String.join(", ", t.drugs()) + " (switched on at t = " + ModelDoc.num(c.response().treatmentStart()) + ")");
        line(sb, "add-on", t.addon() ? "yes (tried as a rescue)" : "no");
        List<String> counters = new ArrayList<>();
        for (Mechanism m : c.mechanisms().values()) {
            if (m.counteredBy().contains(t.id())) {
                counters.add(m.id() + " (" + m.name() + ")");
            }
        }
        line(sb, "counters", counters.isEmpty() ? "no mechanism lists it" : String.join(", ", counters));
        line(sb, "defined at", t.at().toString());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append(String.format("  %-15s %s%n", label + ":", value));
        }
    }
}
