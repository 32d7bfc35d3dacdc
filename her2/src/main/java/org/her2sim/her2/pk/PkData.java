// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Names;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.catalog.YamlNode;

/**
 * The PK data files, {@code pk/drugs.yaml} and {@code pk/regimens.yaml} below a {@link Root},
 * read and cross-checked (regimens name known drugs, models and the therapies of
 * {@code therapies.yaml}). Errors are {@link ModelException}s naming file:line:column and field.
 */
public final class PkData {
    /** The drug file, below the root. */
    public static final String DRUGS = "pk/drugs.yaml";
    /** The regimen file, below the root. */
    public static final String REGIMENS = "pk/regimens.yaml";

    private final Map<String, Drug> drugs;
    private final Map<String, Regimen> regimens;

    PkData(Map<String, Drug> drugs, Map<String, Regimen> regimens) {
        this.drugs = java.util.Collections.unmodifiableMap(drugs);
        this.regimens = java.util.Collections.unmodifiableMap(regimens);
    }

    /** The bundled files. */
    public static PkData load() throws IOException {
        return load(Root.bundled());
    }

    /** The files below a root; the therapy ids come from its {@code therapies.yaml}. */
    public static PkData load(Root root) throws IOException {
        String th = Catalog.THERAPIES;
        YamlNode t = YamlNode.parse(root.display(th), root.read(th));
        Set<String> therapies = new LinkedHashSet<>();
        for (YamlNode item : t.list("therapies", th)) {
            YamlNode id = item.get("id", "therapy");
            if (id != null) {
                therapies.add(id.text("therapy, field 'id'"));
            }
        }
        return parse(root.display(DRUGS), root.read(DRUGS), root.display(REGIMENS), root.read(REGIMENS), therapies);
    }

    /**
     * Reads the two files from text.
     *
     * @param therapyIds the ids regimens may name as their therapy
     */
    public static PkData parse(String drugsFile, String drugsText, String regimensFile, String regimensText, Collection<String> therapyIds) {
        return new PkReader(Set.copyOf(therapyIds)).read(YamlNode.parse(drugsFile, drugsText), YamlNode.parse(regimensFile, regimensText));
    }

    /** Drugs by id, in file order. */
    public Map<String, Drug> drugs() {
        return drugs;
    }

    /** Regimens by id, in file order. */
    public Map<String, Regimen> regimens() {
        return regimens;
    }

    /** The regimens of a drug, in file order. */
    public List<Regimen> regimensOf(Drug d) {
        return regimens.values().stream().filter(r -> r.drug().equals(d.id())).toList();
    }

    /** A drug by id, name or alias. @throws ModelException at {@code where}, with suggestions */
    public Drug drug(String word, SourceLocation where) {
        for (Drug d : drugs.values()) {
            if (d.answersTo(word.strip())) {
                return d;
            }
        }
        List<String> known = new ArrayList<>();
        for (Drug d : drugs.values()) {
            known.add(d.id());
            known.addAll(d.aliases());
        }
        throw new ModelException(where, Names.unknown("drug", word, known));
    }

    /** A regimen of a drug by id or alias; null or blank gives the drug's first regimen. @throws ModelException at {@code where} */
    public Regimen regimen(Drug d, String word, SourceLocation where) {
        List<Regimen> own = regimensOf(d);
        if (own.isEmpty()) {
            throw new ModelException(where, "drug " + d.id() + " has no regimen in " + REGIMENS);
        }
        if (word == null || word.isBlank()) {
            return own.get(0);
        }
        for (Regimen r : own) {
            if (r.answersTo(word.strip())) {
                return r;
            }
        }
        List<String> known = new ArrayList<>();
        for (Regimen r : own) {
            known.add(r.id());
            known.addAll(r.aliases());
        }
        throw new ModelException(where, Names.unknown("regimen of " + d.id(), word, known));
    }

    /** A model of a drug by id; null gives the regimen's model, else the drug's default. @throws ModelException at {@code where} */
    public DrugModel model(Drug d, Regimen r, String word, SourceLocation where) {
        if (word == null || word.isBlank()) {
            return d.models().get(r != null && r.model() != null ? r.model() : d.defaultModel());
        }
        DrugModel m = d.models().get(word.strip().toLowerCase(java.util.Locale.ROOT));
        if (m == null) {
            throw new ModelException(where, Names.unknown("model of " + d.id(), word, d.models().keySet()));
        }
        return m;
    }
}
