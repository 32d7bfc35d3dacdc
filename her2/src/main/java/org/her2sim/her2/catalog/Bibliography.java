// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.her2sim.engine.error.SourceLocation;

/**
 * {@value #FILE}: the review the model cites, each of its reference numbers the model uses, and
 * every paper the model names directly ("Nahta 2005"), with a DOI or PMID or the reason there is
 * none. Errors name the file, line and column of the entry and field.
 *
 * @param review the review
 * @param references by reference number, ascending
 * @param papers by key ("Author YEAR", optionally with the journal to tell two papers apart), in file order
 */
public record Bibliography(Review review, Map<Integer, Entry> references, Map<String, Entry> papers) {
    /** The file below the model's root. */
    public static final String FILE = "bibliography.yaml";

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("[1-9][0-9]{0,8}");
    /** A paper's key: surname (one or two words, hyphens and apostrophes allowed), year, optional journal. */
    private static final Pattern KEY = Pattern.compile("([A-Z][A-Za-z'\\-]+(?: [A-Z][A-Za-z'\\-]+)?) ((?:19|20)\\d\\d)(?: .+)?");
    private static final String IDENTIFIED = "identified";
    private static final String UNRESOLVED = "unresolved:";

    public Bibliography {
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
        papers = Collections.unmodifiableMap(new LinkedHashMap<>(papers));
    }

    /** The review: who wrote it, where it appeared and its identifiers. */
    public record Review(List<String> authors, String title, String journal, int year, String citation, String doi,
                         String pmid, String pmcid) {
        public Review {
            authors = List.copyOf(authors);
        }

        /** {@code First A, et al. Title. Journal YEAR; citation}. */
        public String line() {
            String who = authors.isEmpty() ? "" : authors.get(0) + (authors.size() > 1 ? " et al." : "") + " ";
            return who + title + ". " + journal + " " + year + (citation.isEmpty() ? "" : ";" + citation);
        }
    }

    /**
     * A cited paper.
     *
     * @param key {@code "ref 14"} for the review's references, else the paper's key
     * @param number the review's reference number, 0 for a paper named directly
     * @param status {@code identified}, or {@code unresolved: why}
     * @param checked where the identification was checked (a page's address, a validation row), or why it was not
     */
    public record Entry(String key, int number, String firstAuthor, int year, String title, String journal, String doi,
                        String pmid, String status, String checked, SourceLocation at) {
        /** True when the paper has a DOI or PMID. */
        public boolean identified() {
            return status.equals(IDENTIFIED);
        }

        /** Why there is no DOI or PMID; empty when identified. */
        public String why() {
            return identified() ? "" : status.substring(UNRESOLVED.length()).strip();
        }

        /** The links: {@code https://doi.org/DOI}, then {@code https://pubmed.ncbi.nlm.nih.gov/PMID/}. */
        public List<String> links() {
            List<String> out = new ArrayList<>();
            if (!doi.isEmpty()) {
                out.add("https://doi.org/" + doi);
            }
            if (!pmid.isEmpty()) {
                out.add("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
            }
            return out;
        }
    }

    /** The review's reference {@code number}, or null. */
    public Entry reference(int number) {
        return references.get(number);
    }

    /**
     * The paper a citation names ({@code "Nahta 2005 Cancer Res"}, {@code "Nahta 2005"}), or null: the entry
     * with the longest key that the text starts with (at a word's end), else the only entry of that author and year.
     */
    public Entry paper(String cited) {
        String text = cited.strip();
        Entry best = null;
        for (Entry e : papers.values()) {
            boolean starts = text.equals(e.key()) || text.startsWith(e.key() + " ") || text.startsWith(e.key() + ",");
            if (starts && (best == null || e.key().length() > best.key().length())) {
                best = e;
            }
        }
        if (best != null) {
            return best;
        }
        Matcher m = KEY.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String authorYear = m.group(1) + " " + m.group(2);
        for (Entry e : papers.values()) {
            if ((e.firstAuthor() + " " + e.year()).equals(authorYear)) {
                return e;
            }
        }
        return null;
    }

    /** Reads {@value #FILE} below a root. @throws java.nio.file.NoSuchFileException when the root has none */
    public static Bibliography read(Root root) throws IOException {
        return parse(root.display(FILE), root.read(FILE));
    }

    /** {@value #FILE} below a root, or empty when the root has none. */
    public static java.util.Optional<Bibliography> find(Root root) throws IOException {
        return root.exists(FILE) ? java.util.Optional.of(read(root)) : java.util.Optional.empty();
    }

    /** Parses the text of a bibliography file named {@code file} in messages. */
    public static Bibliography parse(String file, String text) {
        YamlNode y = YamlNode.parse(file, text);
        y.allowKeys("bibliography", "review", "references", "papers");
        Review review = review(y.require("review", "bibliography"));
        Map<Integer, Entry> refs = new java.util.TreeMap<>();
        for (YamlNode item : y.list("references", "bibliography")) {
            YamlNode numberNode = item.require("number", "reference");
            int n = numberNode.integer("reference, field 'number'");
            String what = "reference " + n;
            if (n < 1) {
                throw numberNode.error(what + ": a reference number is 1 or more");
            }
            if (refs.containsKey(n)) {
                throw numberNode.error(what + ": listed twice (first at " + refs.get(n).at() + ")");
            }
            refs.put(n, entry(item, what, "ref " + n, n));
        }
        Map<String, Entry> papers = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : y.list("papers", "bibliography")) {
            YamlNode keyNode = item.require("key", "paper");
            String key = keyNode.text("paper, field 'key'");
            String what = "paper '" + key + "'";
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                throw keyNode.error(what + ": a key is 'Surname YEAR', optionally followed by the journal");
            }
            if (!seen.add(key)) {
                throw keyNode.error(what + ": listed twice");
            }
            Entry e = entry(item, what, key, 0);
            if (!e.firstAuthor().equals(m.group(1)) || e.year() != Integer.parseInt(m.group(2))) {
                throw keyNode.error(what + ": the key does not start with first_author and year ("
                    + e.firstAuthor() + " " + e.year() + ")");
            }
            papers.put(key, e);
        }
        return new Bibliography(review, refs, papers);
    }

    private static Review review(YamlNode r) {
        String w = "review";
        r.allowKeys(w, "authors", "authors_unresolved", "title", "journal", "year", "citation", "doi", "pmid", "pmcid", "checked");
        List<String> authors = r.strings("authors", w);
        String noAuthors = r.string("authors_unresolved", w, "").strip();
        if (authors.isEmpty() == noAuthors.isEmpty()) {
            throw r.error(w + ": give either 'authors' or 'authors_unresolved' (why they are not known), not both or neither");
        }
        String doi = identifier(r, "doi", w, DOI);
        if (doi.isEmpty()) {
            throw r.error(w + ": missing field 'doi'");
        }
        return new Review(authors, r.string("title", w), r.string("journal", w), year(r, w), r.string("citation", w, ""), doi,
            identifier(r, "pmid", w, PMID), r.string("pmcid", w, ""));
    }

    private static Entry entry(YamlNode item, String what, String key, int number) {
        if (number > 0) {
            item.allowKeys(what, "number", "first_author", "year", "title", "journal", "doi", "pmid", "status", "checked", "context");
        } else {
            item.allowKeys(what, "key", "first_author", "year", "title", "journal", "doi", "pmid", "status", "checked");
        }
        String doi = identifier(item, "doi", what, DOI);
        String pmid = identifier(item, "pmid", what, PMID);
        YamlNode statusNode = item.require("status", what);
        String status = statusNode.text(what + ", field 'status'").strip();
        if (status.equals(IDENTIFIED)) {
            if (doi.isEmpty() && pmid.isEmpty()) {
                throw statusNode.error(what + ": 'identified' needs a doi or a pmid");
            }
        } else if (status.startsWith(UNRESOLVED)) {
            if (status.substring(UNRESOLVED.length()).isBlank()) {
                throw statusNode.error(what + ": 'unresolved:' must say why");
            }
        } else {
            throw statusNode.error(what + ": status is 'identified' or 'unresolved: why', not '" + status + "'");
        }
        boolean unresolved = !status.equals(IDENTIFIED);
        String author = unresolved ? item.string("first_author", what, "") : item.string("first_author", what);
        int year = unresolved && item.get("year", what) == null ? 0 : year(item, what);
        String title = unresolved ? item.string("title", what, "") : item.string("title", what);
        return new Entry(key, number, author, year, title, item.string("journal", what, ""), doi, pmid, status,
            item.string("checked", what, ""), item.at());
    }

    private static int year(YamlNode item, String what) {
        YamlNode n = item.require("year", what);
        int y = n.integer(what + ", field 'year'");
        if (y < 1800 || y > 2100) {
            throw n.error(what + ": year " + y + " is not a publication year");
        }
        return y;
    }

    private static String identifier(YamlNode item, String field, String what, Pattern form) {
        YamlNode n = item.get(field, what);
        if (n == null) {
            return "";
        }
        String v = n.text(what + ", field '" + field + "'").strip();
        if (!form.matcher(v).matches()) {
            throw n.error(what + ": '" + v + "' is not a " + (field.equals("doi") ? "DOI (10.NNNN/...)" : "PMID (digits)"));
        }
        return v;
    }
}
