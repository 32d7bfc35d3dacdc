// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.her2sim.cohort.validate.ValidationRow.Arm;
import org.her2sim.cohort.validate.ValidationRow.Comparison;
import org.her2sim.cohort.validate.ValidationRow.Published;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.catalog.YamlNode;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;

/**
 * The validation data set: {@code validation/rows/*.yaml} of the model's root (one list of rows per
 * file) and {@code validation/floors.yaml} (the least figures {@code validate --quick} accepts).
 *
 * @param rows every row, files in name order
 * @param floors split ({@code training}, {@code test}) to summary figure to its floor
 */
public record ValidationData(List<ValidationRow> rows, Map<String, Map<String, Double>> floors) {
    /** The folder of the row files. */
    public static final String ROWS = "validation/rows";
    /** The floors file. */
    public static final String FLOORS = "validation/floors.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("\\d{5,9}");

    public ValidationData {
        rows = List.copyOf(rows);
    }

    /** Reads the data set of a model; every profile and therapy is checked against its catalog. */
    public static ValidationData load(Catalog catalog) throws IOException {
        Root root = catalog.root();
        List<ValidationRow> rows = new ArrayList<>();
        Map<String, ValidationRow> seen = new HashMap<>();
        for (String file : root.list(ROWS, ".yaml")) {
            YamlNode y = YamlNode.parse(root.display(file), root.read(file));
            for (YamlNode item : y.items("validation rows")) {
                ValidationRow r = row(item, catalog);
                ValidationRow old = seen.put(r.id(), r);
                if (old != null) {
                    throw new ModelException(r.at(), "row id '" + r.id() + "' is used twice (first at " + old.at() + ")");
                }
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new ModelException(org.her2sim.engine.error.SourceLocation.of(root.display(ROWS)), "no validation rows");
        }
        Map<String, Map<String, Double>> floors = new LinkedHashMap<>();
        if (root.exists(FLOORS)) {
            YamlNode f = YamlNode.parse(root.display(FLOORS), root.read(FLOORS));
            f.allowKeys("floors", "quick");
            YamlNode q = f.get("quick", "floors");
            if (q != null) {
                for (YamlNode.Entry split : q.entries("floors")) {
                    split(split.key(), split.keyNode());
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (YamlNode.Entry e : split.value().entries("floors of " + split.key())) {
                        if (!Scorecard.FIGURES.contains(e.key())) {
                            throw e.keyNode().error("floors: unknown figure '" + e.key() + "' (known: " + String.join(", ", Scorecard.FIGURES) + ")");
                        }
                        double v = e.value().number("floor " + e.key());
                        if (v < 0 || v > 1) {
                            throw e.value().error("floor " + e.key() + ": a fraction in [0, 1], not " + v);
                        }
                        m.put(e.key(), v);
                    }
                    floors.put(split.key(), m);
                }
            }
        }
        return new ValidationData(rows, floors);
    }

    /** SHA-256 over the names and contents of the row files and the floors, in hex: the data version a fit records. */
    public String sha256(Catalog catalog) throws IOException {
        Root root = catalog.root();
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            List<String> files = new ArrayList<>(root.list(ROWS, ".yaml"));
            files.add(FLOORS);
            for (String f : files) {
                if (root.exists(f)) {
                    md.update((f + "\n" + root.read(f)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of one split, or every row for null. */
    public List<ValidationRow> rows(String split) {
        return split == null ? rows : rows.stream().filter(r -> r.split().equals(split)).toList();
    }

    private static ValidationRow row(YamlNode y, Catalog catalog) {
        String w = "validation row";
        y.allowKeys(w, "id", "split", "group", "quick", "source", "system", "features", "scenario", "reference", "endpoint", "comparison",
            "published", "note", "flag");
        YamlNode idNode = y.require("id", w);
        String id = idNode.text(w + ", field 'id'");
        if (!ID.matcher(id).matches()) {
            throw idNode.error("row id '" + id + "': lower-case letters, digits, '-', '_' and '.' only");
        }
        w = "row " + id;
        YamlNode splitNode = y.require("split", w);
        String split = split(splitNode.text(w + ", field 'split'"), splitNode);
        YamlNode groupNode = y.require("group", w);
        String group = groupNode.text(w + ", field 'group'");
        if (!List.of("cell_line", "clinical", "mechanistic").contains(group)) {
            throw groupNode.error(w + ": group is cell_line, clinical or mechanistic, not '" + group + "'");
        }
        YamlNode s = y.require("source", w);
        s.allowKeys(w + ", source", "citation", "doi", "pmid", "where");
        ValidationRow.Source source = new ValidationRow.Source(s.string("citation", w + ", source"), s.string("doi", w + ", source", "").strip(),
            s.string("pmid", w + ", source", "").strip(), s.string("where", w + ", source", ""));
        if (source.doi().isEmpty() && source.pmid().isEmpty()) {
            throw s.error(w + ": the source needs a doi or a pmid");
        }
        if (!source.doi().isEmpty() && !DOI.matcher(source.doi()).matches()) {
            throw s.require("doi", w).error(w + ": '" + source.doi() + "' is not a DOI (10.NNNN/...)");
        }
        if (!source.pmid().isEmpty() && !PMID.matcher(source.pmid()).matches()) {
            throw s.require("pmid", w).error(w + ": '" + source.pmid() + "' is not a PubMed id");
        }
        YamlNode cmpNode = y.require("comparison", w);
        Comparison cmp;
        try {
            cmp = Comparison.valueOf(cmpNode.text(w).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw cmpNode.error(w + ": comparison is class, direction, ratio or difference, not '" + cmpNode.text(w) + "'");
        }
        boolean inVitro = group.equals("cell_line");
        Arm scenario = arm(y.require("scenario", w), w + ", scenario", catalog, id, inVitro);
        YamlNode refNode = y.get("reference", w);
        Arm reference = refNode == null ? null : arm(refNode, w + ", reference", catalog, id + "-reference", inVitro);
        if (cmp == Comparison.CLASS && reference != null) {
            throw refNode.error(w + ": a class row has no reference");
        }
        if (cmp != Comparison.CLASS && reference == null) {
            throw y.error(w + ": a " + cmp.name().toLowerCase(Locale.ROOT) + " row needs a reference");
        }
        if (reference != null && scenario.getClass() != reference.getClass()) {
            throw refNode.error(w + ": scenario and reference must both be cell profiles or both cohorts");
        }
        if (cmp == Comparison.CLASS && !(scenario instanceof ValidationRow.CellArm)) {
            throw y.require("scenario", w).error(w + ": a class row's scenario is a profile");
        }
        Published published = published(y.require("published", w), w, cmp);
        String endpoint = y.string("endpoint", w);
        boolean quick = y.get("quick", w) != null && y.get("quick", w).bool(w + ", field 'quick'");
        return new ValidationRow(id, split, group, source, y.string("system", w), scenario, reference, endpoint, published, quick,
            y.string("note", w, ""), y.at());
    }

    /** The in-vitro context entries a cell-line profile gets unless it sets them. */
    static final List<String> IN_VITRO = List.of("nk_cells", "t_cells");

    private static Profile inVitro(Profile p, org.her2sim.engine.error.SourceLocation at) {
        List<Profile.Setting> context = new ArrayList<>(p.context());
        for (String key : IN_VITRO) {
            if (context.stream().noneMatch(c -> c.key().equals(key))) {
                context.add(new Profile.Setting(key, "absent", at, at));
            }
        }
        return new Profile(p.name(), p.description(), p.alterations(), p.mechanisms(), context, p.her2());
    }

    private static String split(String split, YamlNode at) {
        if (!split.equals(ValidationRow.TRAINING) && !split.equals(ValidationRow.TEST)) {
            throw at.error("split is training or test, not '" + split + "'");
        }
        return split;
    }

    private static Published published(YamlNode p, String w, Comparison cmp) {
        w = w + ", published";
        p.allowKeys(w, "value", "lower", "upper", "se", "n", "measure");
        YamlNode v = p.require("value", w);
        String label = "";
        double value = Double.NaN;
        switch (cmp) {
            case CLASS -> {
                label = v.text(w);
                if (!label.equals("sensitive") && !label.equals("resistant")) {
                    throw v.error(w + ": a class row's value is sensitive or resistant, not '" + label + "'");
                }
            }
            case DIRECTION -> {
                label = v.text(w);
                if (!label.equals("higher") && !label.equals("lower")) {
                    throw v.error(w + ": a direction row's value is higher or lower, not '" + label + "'");
                }
            }
            case RATIO -> {
                value = v.number(w);
                if (value <= 0) {
                    throw v.error(w + ": a ratio is positive, not " + value);
                }
            }
            case DIFFERENCE -> value = v.number(w);
            default -> throw new IllegalStateException();
        }
        double lower = p.get("lower", w) == null ? Double.NaN : p.get("lower", w).number(w + ", lower");
        double upper = p.get("upper", w) == null ? Double.NaN : p.get("upper", w).number(w + ", upper");
        double se = p.get("se", w) == null ? Double.NaN : p.get("se", w).number(w + ", se");
        if (Double.isNaN(lower) && !Double.isNaN(se)) {
            lower = cmp == Comparison.RATIO ? value * Math.exp(-1.96 * se / value) : value - 1.96 * se;
            upper = cmp == Comparison.RATIO ? value * Math.exp(1.96 * se / value) : value + 1.96 * se;
        }
        if (!Double.isNaN(lower) && !Double.isNaN(upper) && !Double.isNaN(value) && (lower > value || upper < value)) {
            throw p.error(w + ": the interval [" + lower + ", " + upper + "] does not hold the value " + value);
        }
        int n = p.get("n", w) == null ? 0 : p.get("n", w).integer(w + ", n");
        return new Published(cmp, label, value, lower, upper, n, p.string("measure", w, ""));
    }

    /**
     * One arm. A cell-line row's profile runs in vitro: without NK and T cells unless its context
     * says otherwise (no immune effector is in a culture dish).
     */
    private static Arm arm(YamlNode a, String w, Catalog catalog, String defaultName, boolean inVitro) {
        YamlNode cohort = a.get("cohort", w);
        if (cohort != null) {
            a.allowKeys(w, "cohort", "regimen", "subgroup", "months");
            String setting = cohort.text(w + ", cohort");
            if (Setting.of(setting) == null) {
                throw cohort.error(w + ": cohort is the setting naive or pretreated, not '" + setting + "'");
            }
            List<String> regimen = a.strings("regimen", w);
            if (regimen.isEmpty()) {
                throw a.error(w + ": a cohort arm needs a regimen");
            }
            String feature = null;
            boolean present = true;
            YamlNode sub = a.get("subgroup", w);
            if (sub != null) {
                sub.allowKeys(w + ", subgroup", "feature", "present");
                feature = sub.string("feature", w + ", subgroup");
                present = sub.require("present", w + ", subgroup").bool(w + ", subgroup present");
            }
            double months = a.get("months", w) == null ? 24 : a.get("months", w).number(w + ", months");
            if (months <= 0 || months > 120) {
                throw a.require("months", w).error(w + ": months in (0, 120], not " + months);
            }
            return new ValidationRow.CohortArm(Setting.of(setting).id(), regimen, feature, present, months);
        }
        a.allowKeys(w, "profile", "therapies", "readout");
        YamlNode p = a.require("profile", w);
        Profile profile;
        if (p.isMap()) {
            profile = ProfileReader.of(p, defaultName);
        } else {
            String name = p.text(w + ", profile");
            try {
                profile = ProfileReader.find(name, catalog);
            } catch (IOException | RuntimeException e) {
                throw p.error(w + ": no bundled profile '" + name + "'");
            }
        }
        if (inVitro) {
            profile = inVitro(profile, a.at());
        }
        profile.resolve(catalog, false);
        List<String> therapies = a.strings("therapies", w);
        for (YamlNode t : a.list("therapies", w)) {
            catalog.requireTherapy(t.text(w), t.at());
        }
        String readout = a.string("readout", w, null);
        if (readout == null && therapies.isEmpty()) {
            throw a.error(w + ": a profile arm needs at least one therapy (or a readout)");
        }
        if (readout != null && !catalog.response().outputs().contains(readout)) {
            throw a.require("readout", w).error(w + ": readout '" + readout + "' is not a phenotype or readout of response.yaml ("
                + String.join(", ", catalog.response().outputs()) + ")");
        }
        return new ValidationRow.CellArm(profile, therapies, readout);
    }
}
