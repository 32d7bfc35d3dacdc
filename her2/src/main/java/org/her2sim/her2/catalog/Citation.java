// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a statement comes from: the review's section(s), its reference numbers and any papers
 * named directly.
 *
 * @param section the review's section(s), e.g. {@code "6.1"} or {@code "1; 5.2.3"}; empty if none
 * @param references the review's reference numbers
 * @param papers papers named directly, e.g. {@code "Berns 2007 Cancer Cell"}
 */
public record Citation(String section, List<Integer> references, List<String> papers) {
    public Citation {
        section = section == null ? "" : section;
        references = List.copyOf(references);
        papers = List.copyOf(papers);
    }

    /** True when neither a reference nor a paper is given. */
    public boolean isEmpty() {
        return references.isEmpty() && papers.isEmpty();
    }

    /** Reads {@code section}, {@code references} and {@code papers} from a mapping. */
    static Citation read(YamlNode map, String what) {
        return new Citation(map.string("section", what, ""), map.integers("references", what), map.strings("papers", what));
    }

    /** One line: {@code §6.1; refs 34, 35; Berns 2007 Cancer Cell}, or {@code none}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!section.isEmpty()) {
            parts.add("§" + section);
        }
        if (!references.isEmpty()) {
            parts.add((references.size() == 1 ? "ref " : "refs ")
                + references.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        parts.addAll(papers);
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }
}
