// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.her2.catalog.GeneMap;
import org.her2sim.her2.catalog.YamlNode;

/** Reads {@code classification.yaml} into a {@link ClassificationTable}, checking every entry. */
final class ClassificationReader {
    private static final List<String> ROLES = List.of("oncogene", "tumour_suppressor");

    private final YamlNode root;
    private final Map<String, String> sources = new LinkedHashMap<>();

    ClassificationReader(String source, String text) {
        this.root = YamlNode.parse(source, text);
    }

    ClassificationTable read() {
        root.allowKeys("classification", "sources", "consequences", "copy_number", "genes", "grch38");
        for (YamlNode.Entry e : root.require("sources", "classification").entries("sources")) {
            sources.put(e.key(), e.value().text("source " + e.key()));
        }
        YamlNode c = root.require("consequences", "classification");
        c.allowKeys("consequences", "source", "truncating", "protein_altering", "no_protein_change");
        Map<String, ClassificationTable.Effect> effects = new LinkedHashMap<>();
        effects(c, "truncating", ClassificationTable.Effect.TRUNCATING, effects);
        effects(c, "protein_altering", ClassificationTable.Effect.PROTEIN_ALTERING, effects);
        effects(c, "no_protein_change", ClassificationTable.Effect.NO_PROTEIN_CHANGE, effects);
        cite(c, "consequences");

        YamlNode cn = root.require("copy_number", "classification");
        cn.allowKeys("copy_number", "source", "levels");
        Map<Integer, String> levels = new LinkedHashMap<>();
        for (YamlNode.Entry e : cn.require("levels", "copy_number").entries("copy_number levels")) {
            int level;
            try {
                level = Integer.parseInt(e.key().strip());
            } catch (NumberFormatException x) {
                throw e.keyNode().error("copy_number levels: '" + e.key() + "' is not a whole number");
            }
            String kind = e.value().text("copy_number level " + level);
            if (!kind.equals("ignore") && !GeneMap.KINDS.contains(kind)) {
                throw e.value().error("copy_number level " + level + ": kind must be ignore or one of " + String.join(", ", GeneMap.KINDS));
            }
            levels.put(level, kind);
        }
        cite(cn, "copy_number");

        Map<String, GeneRules> genes = new LinkedHashMap<>();
        for (YamlNode.Entry e : root.require("genes", "classification").entries("genes")) {
            genes.put(e.key(), gene(e.key(), e.value(), levels));
        }
        List<ClassificationTable.Site> sites = new ArrayList<>();
        YamlNode g38 = root.get("grch38", "classification");
        if (g38 != null) {
            g38.allowKeys("grch38", "source", "sites");
            cite(g38, "grch38");
            for (YamlNode s : g38.list("sites", "grch38")) {
                sites.add(site(s, genes));
            }
        }
        return new ClassificationTable(sources, effects, levels, genes, sites);
    }

    private static void effects(YamlNode c, String key, ClassificationTable.Effect effect, Map<String, ClassificationTable.Effect> out) {
        for (YamlNode n : c.list(key, "consequences")) {
            String t = n.text("consequences " + key);
            ClassificationTable.Effect old = out.put(t.toLowerCase(Locale.ROOT), effect);
            if (old != null) {
                throw n.error("consequences: '" + t + "' is listed twice");
            }
        }
    }

    private List<String> cite(YamlNode owner, String what) {
        List<String> ids = new ArrayList<>();
        for (YamlNode n : owner.list("source", what)) {
            String id = n.text(what + ", field 'source'");
            if (!sources.containsKey(id)) {
                throw n.error(what + ": unknown source '" + id + "' (known: " + String.join(", ", sources.keySet()) + ")");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw owner.error(what + ": missing field 'source' (every rule is cited)");
        }
        return ids;
    }

    private GeneRules gene(String name, YamlNode g, Map<Integer, String> levels) {
        String w = "gene " + name;
        g.allowKeys(w, "role", "hotspots", "truncating", "copy_number", "note");
        YamlNode roleNode = g.require("role", w);
        String role = roleNode.text(w + ", field 'role'");
        if (!ROLES.contains(role)) {
            throw roleNode.error(w + ": role must be one of " + String.join(", ", ROLES));
        }
        Map<String, GeneRules.Rule> hotspots = new LinkedHashMap<>();
        for (YamlNode h : g.list("hotspots", w)) {
            String hw = w + ", hotspots";
            h.allowKeys(hw, "kind", "changes", "source");
            String kind = kind(h, hw);
            GeneRules.Rule rule = new GeneRules.Rule(kind, cite(h, hw));
            for (YamlNode c : h.list("changes", hw)) {
                String change = c.text(hw + ", changes");
                if (!change.matches("[A-Z]\\d+[A-Z*]?")) {
                    throw c.error(hw + ": '" + change + "' is not a one-letter protein change (H1047R) or codon (R248)");
                }
                if (hotspots.put(change, rule) != null) {
                    throw c.error(hw + ": '" + change + "' is listed twice");
                }
            }
        }
        GeneRules.Rule truncating = null;
        YamlNode t = g.get("truncating", w);
        if (t != null) {
            t.allowKeys(w + ", truncating", "kind", "source");
            truncating = new GeneRules.Rule(kind(t, w + ", truncating"), cite(t, w + ", truncating"));
        }
        Map<String, GeneRules.Rule> cn = new LinkedHashMap<>();
        YamlNode c = g.get("copy_number", w);
        if (c != null) {
            String cw = w + ", copy_number";
            c.allowKeys(cw, "kinds", "source");
            List<String> cites = cite(c, cw);
            for (YamlNode k : c.list("kinds", cw)) {
                String kind = k.text(cw + ", kinds");
                if (!levels.containsValue(kind) || kind.equals("ignore")) {
                    throw k.error(cw + ": '" + kind + "' is not a kind of any copy-number level (levels give: "
                        + String.join(", ", levels.values()) + ")");
                }
                cn.put(kind, new GeneRules.Rule(kind, cites));
            }
        }
        return new GeneRules(name, role, hotspots, truncating, cn, g.string("note", w, ""));
    }

    private static String kind(YamlNode owner, String what) {
        YamlNode k = owner.require("kind", what);
        String kind = k.text(what + ", field 'kind'");
        if (!GeneMap.KINDS.contains(kind)) {
            throw k.error(what + ": kind must be one of " + String.join(", ", GeneMap.KINDS) + ", not '" + kind + "'");
        }
        return kind;
    }

    private static ClassificationTable.Site site(YamlNode s, Map<String, GeneRules> genes) {
        String w = "grch38 site";
        s.allowKeys(w, "chrom", "pos", "ref", "alt", "gene", "change");
        String chrom = s.string("chrom", w);
        YamlNode posNode = s.require("pos", w);
        long pos = posNode.integer(w + ", field 'pos'");
        if (pos < 1) {
            throw posNode.error(w + ": pos must be at least 1");
        }
        String gene = s.string("gene", w);
        String change = s.string("change", w);
        GeneRules g = genes.get(gene);
        if (g == null || g.hotspot(change) == null) {
            throw s.error(w + ": " + gene + " " + change + " is not a hotspot of the table's genes");
        }
        return new ClassificationTable.Site(chrom.replaceFirst("(?i)^chr", ""), pos, s.string("ref", w).toUpperCase(Locale.ROOT),
            s.string("alt", w).toUpperCase(Locale.ROOT), gene, change);
    }
}
