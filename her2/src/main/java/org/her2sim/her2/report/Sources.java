// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.her2sim.her2.catalog.Bibliography;
import org.her2sim.her2.catalog.Citation;

/** The papers behind a set of citations, each once, with its DOI and PubMed links or why it has none. */
public final class Sources {
    private Sources() {
    }

    /**
     * A {@code sources:} block: the review, then each reference number (ascending) and each named paper
     * (in order of first citation) with its links. Empty when nothing is cited.
     */
    public static String of(Optional<Bibliography> bibliography, Collection<Citation> citations) {
        TreeSet<Integer> numbers = new TreeSet<>();
        List<String> papers = new ArrayList<>();
        for (Citation c : citations) {
            numbers.addAll(c.references());
            c.papers().stream().filter(p -> !papers.contains(p)).forEach(papers::add);
        }
        if (numbers.isEmpty() && papers.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("sources:\n");
        if (bibliography.isEmpty()) {
            return sb.append("  no ").append(Bibliography.FILE).append(" beside the model: references cannot be looked up\n").toString();
        }
        Bibliography b = bibliography.get();
        Bibliography.Review r = b.review();
        sb.append("  the review: ").append(r.line()).append(' ').append(String.join(" ", links(r))).append('\n');
        for (int n : numbers) {
            line(sb, "ref " + n, b.reference(n), "not in " + Bibliography.FILE);
        }
        for (String p : papers) {
            line(sb, p, b.paper(p), "not in " + Bibliography.FILE);
        }
        return sb.toString();
    }

    /** The review's links. */
    public static List<String> links(Bibliography.Review r) {
        List<String> out = new ArrayList<>(List.of("https://doi.org/" + r.doi()));
        if (!r.pmid().isEmpty()) {
            out.add("https://pubmed.ncbi.nlm.nih.gov/" + r.pmid() + "/");
        }
        return out;
    }

    private static void line(StringBuilder sb, String label, Bibliography.Entry e, String missing) {
        sb.append(String.format("  %-15s ", label + ":"));
        if (e == null) {
            sb.append("no DOI or PMID: ").append(missing).append('\n');
            return;
        }
        if (!e.identified()) {
            sb.append(describe(e)).append("no DOI or PMID: ").append(e.why()).append('\n');
            return;
        }
        sb.append(describe(e)).append(String.join(" ", e.links()))
            .append(e.checked().startsWith("recalled") ? " (not checked against a source)" : "").append('\n');
    }

    private static String describe(Bibliography.Entry e) {
        if (e.firstAuthor().isEmpty()) {
            return "";
        }
        String journal = e.journal().isEmpty() ? "" : " " + e.journal();
        String title = e.title().isEmpty() ? "" : " " + e.title() + (e.title().endsWith(".") ? "" : ".");
        return e.firstAuthor() + " " + (e.year() > 0 ? e.year() : "") + "." + title + journal + ". ";
    }
}
