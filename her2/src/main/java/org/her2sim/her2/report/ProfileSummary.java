// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.catalog.GeneMap;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.profile.Her2Status;
import org.her2sim.her2.profile.Profile;

/** What a profile contains, entry by entry, and the mechanisms each switches on: the "profile" table of the reports. */
public final class ProfileSummary {
    private ProfileSummary() {
    }

    /**
     * One entry of the profile.
     *
     * @param entry as written: {@code CD44 overexpressed}, {@code mechanism muc4_masking}, {@code context heregulin: high}
     * @param switchesOn mechanism ids, node fixes, or why nothing ({@code baseline}, {@code not modelled}, {@code unknown})
     * @param meaning the mechanisms' names and citations, or a note
     */
    public record Row(String entry, String switchesOn, String meaning) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entry", entry);
            m.put("switchesOn", switchesOn);
            m.put("meaning", meaning);
            return m;
        }
    }

    /** The rows of a profile, in the order it is written: HER2 test, alterations, mechanisms, context. */
    public static List<Row> rows(Profile p, Catalog c) {
        List<Row> out = new ArrayList<>();
        GeneMap genes = c.genes();
        if (p.her2() != null) {
            Her2Status.Call call = p.her2().classify();
            List<String> ids = genes.her2Status().getOrDefault(call.her2Class(), List.of());
            out.add(mechanisms("HER2 " + call.reason() + " (class " + call.her2Class() + ")", ids, c));
        }
        for (Profile.Alteration a : p.alterations()) {
            String gene = genes.gene(a.gene());
            String target = gene == null ? null : genes.target(gene, a.kind());
            if (target == null) {
                out.add(new Row(a.toString(), "unknown", "not in " + Catalog.GENES + "; ignored"));
            } else if (target.equals(GeneMap.BASELINE)) {
                out.add(new Row(a.toString(), GeneMap.BASELINE, "part of the modelled HER2-amplified tumour; no extra mechanism"));
            } else if (target.equals(GeneMap.UNMODELLED)) {
                out.add(new Row(a.toString(), "not modelled", "named by the review; no mechanism in the model"));
            } else {
                out.add(mechanisms(a.toString(), List.of(target), c));
            }
        }
        for (Profile.Named m : p.mechanisms()) {
            out.add(mechanisms("mechanism " + m.name(), List.of(m.name()), c));
        }
        for (Profile.Setting s : p.context()) {
            List<Fix> fixes = c.context().getOrDefault(s.key(), Map.of()).get(s.level());
            out.add(fixes == null ? new Row("context " + s.key() + ": " + s.level(), "unknown", "not in " + Catalog.CONTEXT + "; ignored")
                : new Row("context " + s.key() + ": " + s.level(), String.join(", ", fixes.stream().map(Fix::toString).toList()),
                    "microenvironment setting (node fixes)"));
        }
        if (out.isEmpty()) {
            out.add(new Row("no alteration", GeneMap.BASELINE, "the modelled HER2-amplified tumour as it is"));
        }
        return out;
    }

    private static Row mechanisms(String entry, List<String> ids, Catalog c) {
        List<String> meaning = new ArrayList<>();
        for (String id : ids) {
            Mechanism m = c.mechanism(id);
            meaning.add(m == null ? id + ": unknown mechanism" : m.name() + " (" + m.citation() + ")");
        }
        return new Row(entry, ids.isEmpty() ? "-" : String.join(", ", ids), String.join("; ", meaning));
    }

    /** The rows as JSON-ready maps. */
    public static List<Map<String, Object>> toList(List<Row> rows) {
        return rows.stream().map(Row::toMap).toList();
    }

    /** The rows as an HTML table with a caption-like heading. */
    public static String html(List<Row> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"profile\">\n<tr><th>profile entry</th><th>switches on</th><th>meaning (review section; references)</th></tr>\n");
        for (Row r : rows) {
            sb.append("<tr><td>").append(HtmlReport.esc(r.entry())).append("</td><td>").append(HtmlReport.esc(r.switchesOn())).append("</td><td>")
                .append(HtmlReport.esc(r.meaning())).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }
}
