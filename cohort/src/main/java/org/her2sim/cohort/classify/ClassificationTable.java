// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.her2sim.cohort.variant.CopyNumber;
import org.her2sim.cohort.variant.Locus;
import org.her2sim.cohort.variant.Mutation;
import org.her2sim.cohort.variant.Observation;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.model.InputFiles;

/**
 * The classification table ({@code cohort/classification.yaml}): hotspots, loss-of-function
 * consequence classes and copy-number levels to the HER2 model's alteration kinds, each rule with
 * its sources. {@link #classify} gives an {@link Call.Altered} or an {@link Call.Unclassified}
 * with the reason; it never drops a variant. Immutable and thread-safe.
 */
public final class ClassificationTable {
    /** The bundled table's classpath resource. */
    public static final String RESOURCE = "cohort/classification.yaml";

    /** What a consequence term is. */
    enum Effect { TRUNCATING, PROTEIN_ALTERING, NO_PROTEIN_CHANGE }

    /**
     * A hotspot position on GRCh38.
     *
     * @param chrom chromosome without {@code chr}
     */
    public record Site(String chrom, long pos, String ref, String alt, String gene, String change) { }

    private final Map<String, String> sources;
    private final Map<String, Effect> effects;
    private final Map<Integer, String> levels;
    private final Map<String, GeneRules> genes;
    private final List<Site> sites;

    ClassificationTable(Map<String, String> sources, Map<String, Effect> effects, Map<Integer, String> levels, Map<String, GeneRules> genes,
                        List<Site> sites) {
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.effects = Map.copyOf(effects);
        this.levels = Map.copyOf(levels);
        this.genes = Collections.unmodifiableMap(new LinkedHashMap<>(genes));
        this.sites = List.copyOf(sites);
    }

    /** The bundled table. */
    public static ClassificationTable load() throws IOException {
        try (InputStream in = ClassificationTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A table from a file laid out like the bundled one. */
    public static ClassificationTable load(Path file) throws IOException {
        return parse(file.toString(), InputFiles.readText(file));
    }

    /**
     * Parses a table.
     *
     * @param source the name used in messages
     * @throws ModelException for a malformed entry, an unknown source id or a hotspot site whose change is not a hotspot
     */
    public static ClassificationTable parse(String source, String text) {
        return new ClassificationReader(source, text).read();
    }

    /** Source id to citation, in file order. */
    public Map<String, String> sources() {
        return sources;
    }

    /** Gene to rules, in file order. */
    public Map<String, GeneRules> genes() {
        return genes;
    }

    /** The GRCh38 hotspot sites. */
    public List<Site> sites() {
        return sites;
    }

    /** The rules of a gene (any case), or null. */
    public GeneRules gene(String name) {
        GeneRules g = genes.get(name);
        if (g != null) {
            return g;
        }
        for (GeneRules r : genes.values()) {
            if (r.gene().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }

    /** What this table makes of one observation. */
    public Call classify(Observation o) {
        if (o instanceof CopyNumber c) {
            return copyNumber(c);
        }
        return mutation((Mutation) o);
    }

    private Call copyNumber(CopyNumber c) {
        String kind = levels.get(c.level());
        if (kind == null || kind.equals("ignore")) {
            String why = c.level() == -1 ? "shallow deletion (GISTIC -1): ignored, only deep deletions (-2) count as loss"
                : "copy-number level " + c.level() + ": ignored by the table";
            return new Call.Unclassified(c.sample(), c.gene(), c.label(), why, c.at());
        }
        GeneRules g = gene(c.gene());
        if (g == null) {
            return new Call.Unclassified(c.sample(), c.gene(), c.label(), "gene not in the classification table", c.at());
        }
        GeneRules.Rule r = g.copyNumber().get(kind);
        if (r == null) {
            return new Call.Unclassified(c.sample(), g.gene(), c.label(), "no copy-number rule for " + g.gene() + " " + kind
                + (g.copyNumber().isEmpty() ? "" : " (the table counts: " + String.join(", ", g.copyNumber().keySet()) + ")"), c.at());
        }
        return new Call.Altered(c.sample(), g.gene(), kind, c.label(), "copy number", r.sources(), c.at());
    }

    private Call mutation(Mutation m) {
        if (!m.filter().isEmpty()) {
            return unclassified(m, m.gene(), "not PASS (FILTER=" + m.filter() + "): not used");
        }
        String gene = m.gene();
        String protein = m.protein();
        if (gene.isEmpty()) {
            Locus l = m.locus();
            Site s = l == null ? null : site(l);
            if (s == null) {
                return unclassified(m, "", "no gene annotation (no ANN or CSQ) and not one of the table's GRCh38 hotspot positions");
            }
            if (!l.assembly().isEmpty() && !l.assembly().equals("GRCh38")) {
                return unclassified(m, "", "no gene annotation (no ANN or CSQ); the file declares " + l.assembly()
                    + " and the table's hotspot positions are GRCh38");
            }
            gene = s.gene();
            protein = s.change();
        }
        GeneRules g = gene(gene);
        String shown = protein.isEmpty() ? m.label() : "p." + protein;
        if (g == null) {
            return new Call.Unclassified(m.sample(), gene, shown, "gene not in the classification table", m.at());
        }
        GeneRules.Rule hot = protein.isEmpty() ? null : g.hotspot(protein);
        if (hot != null) {
            return new Call.Altered(m.sample(), g.gene(), hot.kind(), shown, "hotspot", hot.sources(), m.at());
        }
        Effect e = effect(m.consequences());
        String terms = String.join("&", m.consequences());
        if (e == Effect.TRUNCATING) {
            if (g.truncating() == null) {
                return new Call.Unclassified(m.sample(), g.gene(), shown, "truncating variant (" + terms + ") in " + g.gene()
                    + ", an oncogene: the table classifies only its hotspots", m.at());
            }
            String where = protein.isEmpty() ? (m.locus() != null ? m.locus().toString() : "") : shown;
            String v = where.isEmpty() ? terms : where + " (" + terms + ")";
            return new Call.Altered(m.sample(), g.gene(), g.truncating().kind(), v, "truncating", g.truncating().sources(), m.at());
        }
        String why;
        if (e == Effect.NO_PROTEIN_CHANGE) {
            why = "no protein change (" + terms + ")";
        } else if (e == Effect.PROTEIN_ALTERING) {
            why = protein.isEmpty() ? "protein-altering variant (" + terms + ") without a protein change to look up"
                : "not among " + g.gene() + "'s hotspots in the table (" + terms + ", unknown significance)";
        } else if (m.consequences().isEmpty()) {
            why = "no consequence given and not among " + g.gene() + "'s hotspots";
        } else {
            why = "consequence '" + terms + "' is not in the table's lists";
        }
        return new Call.Unclassified(m.sample(), g.gene(), shown, why, m.at());
    }

    private static Call.Unclassified unclassified(Mutation m, String gene, String why) {
        return new Call.Unclassified(m.sample(), gene, m.label(), why, m.at());
    }

    /** The most severe effect among the terms (truncating, then protein-altering, then none), or null when no term is known. */
    Effect effect(List<String> terms) {
        Effect best = null;
        for (String t : terms) {
            Effect e = effects.get(t.toLowerCase(Locale.ROOT));
            if (e != null && (best == null || e.ordinal() < best.ordinal())) {
                best = e;
            }
        }
        return best;
    }

    private Site site(Locus l) {
        for (Site s : sites) {
            if (s.chrom().equals(l.bareChrom()) && s.pos() == l.pos() && s.ref().equals(l.ref()) && s.alt().equals(l.alt())) {
                return s;
            }
        }
        return null;
    }

    /** The alteration kinds the table can give for a gene. */
    public Set<String> kinds(GeneRules g) {
        Set<String> out = new java.util.LinkedHashSet<>();
        g.hotspots().values().forEach(r -> out.add(r.kind()));
        if (g.truncating() != null) {
            out.add(g.truncating().kind());
        }
        out.addAll(g.copyNumber().keySet());
        return out;
    }
}
