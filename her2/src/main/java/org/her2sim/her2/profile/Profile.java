// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.catalog.GeneMap;
import org.her2sim.her2.catalog.Names;

/**
 * A tumour profile as the user writes it: gene-level alterations, extra mechanisms and context
 * settings, each with where it was written. {@link #resolve} turns it into mechanisms and node fixes.
 *
 * @param name the profile's name
 * @param description optional text, empty if none
 * @param alterations gene-level alterations
 * @param mechanisms mechanism ids given directly
 * @param context context key and level settings
 * @param her2 the HER2 test results, or null (then the tumour is HER2-amplified unless an ERBB2 alteration says otherwise)
 */
public record Profile(String name, String description, List<Alteration> alterations, List<Named> mechanisms,
                      List<Setting> context, Her2Status her2) {
    /** A profile without HER2 test results. */
    public Profile(String name, String description, List<Alteration> alterations, List<Named> mechanisms, List<Setting> context) {
        this(name, description, alterations, mechanisms, context, null);
    }

    public Profile {
        alterations = List.copyOf(alterations);
        mechanisms = List.copyOf(mechanisms);
        context = List.copyOf(context);
    }

    /** {@code {gene: PIK3CA, kind: activating, variant: p.H1047R}}; the variant is informative only (may be empty). */
    public record Alteration(String gene, String kind, String variant, SourceLocation at) {
        @Override
        public String toString() {
            return gene + " " + kind + (variant.isEmpty() ? "" : " (" + variant + ")");
        }
    }

    /** A name with where it was written. */
    public record Named(String name, SourceLocation at) { }

    /** A context setting, {@code heregulin: high}, with where its key and its level are written. */
    public record Setting(String key, String level, SourceLocation at, SourceLocation levelAt) { }

    /**
     * A profile in terms of the model.
     *
     * @param profile the profile
     * @param mechanisms active mechanism ids: from the alterations then the explicit list, without repeats, in order
     * @param contextFixes node fixes of the context settings
     * @param warnings alterations the model does not cover ({@code unmodelled} in genes.yaml) and what
     *     lenient resolution ignored, e.g. {@code ignored: gene FOO (not in genes.yaml)}
     */
    public record Resolved(Profile profile, List<String> mechanisms, List<Fix> contextFixes, List<String> warnings) {
        public Resolved {
            mechanisms = List.copyOf(mechanisms);
            contextFixes = List.copyOf(contextFixes);
            warnings = List.copyOf(warnings);
        }
    }

    /** A profile with no alteration: the modelled HER2+ tumour as it is. */
    public static Profile baseline() {
        return new Profile("baseline", "no alteration", List.of(), List.of(), List.of());
    }

    /**
     * Maps alterations, mechanisms and context onto the catalog.
     *
     * @param lenient collect warnings for unknown entries instead of failing
     * @throws ModelException (when not lenient) for an unknown gene, kind, mechanism, context key or
     *     level, naming the profile's file, line and column and the entry
     */
    public Resolved resolve(Catalog catalog, boolean lenient) {
        LinkedHashSet<String> ms = new LinkedHashSet<>();
        List<Fix> fixes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        GeneMap genes = catalog.genes();
        if (her2 != null) {
            Her2Status.Call call = her2.classify();
            for (Alteration a : alterations) {
                if ("ERBB2".equals(genes.gene(a.gene())) && !"activating".equals(a.kind().toLowerCase(Locale.ROOT))) {
                    throw new ModelException(a.at(), "alteration " + a + ": the profile gives ERBB2's status in her2: (" + call.reason()
                        + ") at " + her2.at() + "; give it once");
                }
            }
            List<String> ids = genes.her2Status().get(call.her2Class());
            if (ids == null) {
                throw new ModelException(her2.at(), "her2: class " + call.her2Class() + " has no entry in " + Catalog.GENES + " her2_status");
            }
            ms.addAll(ids);
            if (!call.warning().isEmpty()) {
                warnings.add(call.warning());
            }
        }
        for (Alteration a : alterations) {
            String gene = genes.gene(a.gene());
            String kind = a.kind().toLowerCase(Locale.ROOT);
            if (gene == null) {
                problem(lenient, warnings, a.at(), "alteration " + a + ": " + Names.unknown("gene", a.gene(), genes.genes().keySet())
                    + " in " + Catalog.GENES, "ignored: gene " + a.gene() + " (not in " + Catalog.GENES + ")");
                continue;
            }
            if (!GeneMap.KINDS.contains(kind)) {
                problem(lenient, warnings, a.at(), "alteration " + a + ": " + Names.unknown("kind", a.kind(), GeneMap.KINDS),
                    "ignored: " + a.gene() + " " + a.kind() + " (unknown kind; known: " + String.join(", ", GeneMap.KINDS) + ")");
                continue;
            }
            String target = genes.target(gene, kind);
            if (target == null) {
                problem(lenient, warnings, a.at(), "alteration " + a + ": " + gene + " has no mechanism for kind '" + kind
                    + "' in " + Catalog.GENES + " (known kinds: " + String.join(", ", genes.genes().get(gene).keySet()) + ")",
                    "ignored: " + gene + " " + kind + " (no mechanism in " + Catalog.GENES + ")");
                continue;
            }
            if (target.equals(GeneMap.UNMODELLED)) {
                warnings.add(a.at() + ": not modelled: " + gene + " " + kind + " (named by the review, no mechanism in the model)");
            } else if (!target.equals(GeneMap.BASELINE)) {
                ms.add(target);
            }
        }
        for (Named m : mechanisms) {
            if (catalog.mechanism(m.name()) == null) {
                problem(lenient, warnings, m.at(), Names.unknown("mechanism", m.name(), catalog.mechanisms().keySet()),
                    "ignored: mechanism " + m.name() + " (not in " + Catalog.MECHANISMS + ")");
                continue;
            }
            ms.add(m.name());
        }
        for (Setting s : context) {
            Map<String, List<Fix>> levels = catalog.context().get(s.key());
            if (levels == null) {
                problem(lenient, warnings, s.at(), "context: " + Names.unknown("context key", s.key(), catalog.context().keySet()),
                    "ignored: context " + s.key() + " (not in " + Catalog.CONTEXT + ")");
                continue;
            }
            List<Fix> f = levels.get(s.level());
            if (f == null) {
                problem(lenient, warnings, s.levelAt(), "context " + s.key() + ": " + Names.unknown("level", s.level(), levels.keySet()),
                    "ignored: context " + s.key() + ": " + s.level() + " (unknown level)");
                continue;
            }
            fixes.addAll(f);
        }
        return new Resolved(this, new ArrayList<>(ms), fixes, warnings);
    }

    private static void problem(boolean lenient, List<String> warnings, SourceLocation at, String error, String warning) {
        if (!lenient) {
            throw new ModelException(at, error);
        }
        warnings.add(at + ": " + warning);
    }
}
