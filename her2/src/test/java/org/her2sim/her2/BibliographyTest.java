// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Bibliography;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.report.Explain;
import org.junit.jupiter.api.Test;

/** The bibliography: every citation in the model's data resolves, and malformed entries are located errors. */
class BibliographyTest {
    private static final Path DATA = Path.of("src/main/resources/her2");
    /** {@code references: [1, 2]} lists. */
    private static final Pattern REF_LIST = Pattern.compile("references: \\[([0-9,\\s]*)\\]");
    /** Reference numbers in prose: {@code ref 14}, {@code refs 37, 38 and 39}. */
    private static final Pattern REF_TEXT = Pattern.compile("\\brefs?\\.? ([0-9]+(?:(?:\\s*,\\s*|\\s+and\\s+)[0-9]+)*)");
    /** {@code papers: ["A 2001 J", ...]} lists. */
    private static final Pattern PAPER_LIST = Pattern.compile("papers: \\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    /** Author-year in prose: {@code Nahta 2005}, {@code Lewis Phillips 2008}, {@code Guo and Sonenshein 2004}, {@code Fan et al. 2018}. */
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
        "\\b((?:Di |De |Le |Van |El-)?[A-Z][A-Za-z'\\-]+(?: [A-Z][a-z]+)?)(?: and [A-Z][A-Za-z'\\-]+)?(?: et al\\.?,?)? ((?:19|20)\\d\\d)\\b");
    /** Words of journal names, guidelines and trial labels that precede a year but are not surnames. */
    private static final Set<String> NOT_SURNAMES = Set.of("Cancer", "Res", "Ther", "Oncol", "Med", "Cell", "Nature", "Oncogene",
        "Oncotarget", "Lancet", "NEJM", "Discov", "Sci", "Treat", "Inst", "Chemother", "Pharmacol", "BMC", "ESMO", "Open", "CAP",
        "ASCO", "Clin", "Thorac", "Biol", "Rev", "Mol", "Nat", "Commun", "Science", "Genes", "Dev", "Immunol", "PNAS", "JAMA",
        "Radiol", "Transl", "Invest", "Natl", "Acad", "Proc", "Engl", "Breast", "Redox", "Free", "Radic", "Curr", "Trends", "EMBO");

    private static Bibliography bundled() throws IOException {
        return Bibliography.read(Root.bundled());
    }

    @Test
    void theReviewIsIdentified() throws IOException {
        Bibliography.Review r = bundled().review();
        assertThat(r.title()).isEqualTo("Resistance mechanisms and prospects of trastuzumab");
        assertThat(r.journal()).isEqualTo("Frontiers in Oncology");
        assertThat(r.year()).isEqualTo(2024);
        assertThat(r.doi()).isEqualTo("10.3389/fonc.2024.1389390");
        assertThat(r.pmid()).isEqualTo("39655080");
    }

    @Test
    void everyCitationInTheDataResolves() throws IOException {
        Bibliography b = bundled();
        List<String> problems = new ArrayList<>();
        Set<Integer> numbers = new TreeSet<>();
        Set<String> papers = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(DATA)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith(Bibliography.FILE)).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String at = DATA.relativize(f) + ":" + (i + 1);
                String line = lines.get(i);
                for (int n : referenceNumbers(line)) {
                    numbers.add(n);
                    check(b.reference(n), "ref " + n, at, problems);
                }
                for (String p : cited(line)) {
                    papers.add(p);
                    check(b.paper(p), p, at, problems);
                }
            }
        }
        assertThat(problems).as("citations without a bibliography entry").isEmpty();
        // the scan found what the data files are known to cite (guards against a scan that finds nothing)
        assertThat(numbers).contains(2, 14, 37, 59, 63).hasSizeGreaterThan(50);
        assertThat(papers).contains("Nahta 2007 Mol Cancer Ther", "Bunz 1999 J Clin Invest", "Guo 2004", "Quartino 2019")
            .hasSizeGreaterThan(100);
    }

    private static void check(Bibliography.Entry e, String what, String at, List<String> problems) {
        if (e == null) {
            problems.add(at + ": " + what + " has no entry in " + Bibliography.FILE);
        } else if (!e.identified() && e.why().isBlank()) {
            problems.add(at + ": " + what + " has neither a DOI/PMID nor a reason");
        } else if (e.identified() && e.links().isEmpty()) {
            problems.add(at + ": " + what + " is identified without a link");
        }
    }

    static List<Integer> referenceNumbers(String line) {
        List<Integer> out = new ArrayList<>();
        for (Pattern p : List.of(REF_LIST, REF_TEXT)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                for (String n : m.group(1).split("\\s*,\\s*|\\s+and\\s+")) {
                    if (!n.isBlank()) {
                        out.add(Integer.parseInt(n.strip()));
                    }
                }
            }
        }
        return out;
    }

    /** Papers a line cites: the items of {@code papers:} lists, and author-year forms in its prose. */
    static List<String> cited(String line) {
        List<String> out = new ArrayList<>();
        Matcher lists = PAPER_LIST.matcher(line);
        StringBuilder prose = new StringBuilder();
        int last = 0;
        while (lists.find()) {
            Matcher q = QUOTED.matcher(lists.group(1));
            while (q.find()) {
                out.add(q.group(1));
            }
            prose.append(line, last, lists.start());
            last = lists.end();
        }
        prose.append(line.substring(last));
        Matcher m = AUTHOR_YEAR.matcher(prose);
        while (m.find()) {
            if (Stream.of(m.group(1).split(" ")).noneMatch(NOT_SURNAMES::contains)) {
                out.add(m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }

    @Test
    void theScannerReadsTheForms() {
        assertThat(referenceNumbers("section: \"6.1\", references: [37, 38, 39], papers: []")).containsExactly(37, 38, 39);
        assertThat(referenceNumbers("# named by the review (5.1, ref 14) and refs 2 and 40")).containsExactly(14, 2, 40);
        assertThat(cited("papers: [\"Nahta 2005 Cancer Res\", \"Lewis Phillips 2008 Cancer Res\"], note: \"as Guo and Sonenshein 2004 show\""))
            .containsExactly("Nahta 2005 Cancer Res", "Lewis Phillips 2008 Cancer Res", "Guo 2004");
        assertThat(cited("source: \"Quartino 2019, Cancer Chemother Pharmacol 83:329\"; Mol Cancer Ther 2010; ASCO/CAP 2018"))
            .containsExactly("Quartino 2019");
    }

    @Test
    void citationsResolveToTheLongestKeyOrTheOnlyAuthorYear() throws IOException {
        Bibliography b = bundled();
        assertThat(b.paper("Ogitani 2016 Clin Cancer Res").doi()).isEqualTo("10.1158/1078-0432.CCR-15-2822");
        assertThat(b.paper("Ogitani 2016 Cancer Sci").doi()).isEqualTo("10.1111/cas.12966");
        assertThat(b.paper("Scaltriti 2011 Proc Natl Acad Sci USA")).isSameAs(b.paper("Scaltriti 2011 PNAS"));
        assertThat(b.paper("Nahta 2005").key()).isEqualTo("Nahta 2005 Cancer Res");
        assertThat(b.paper("Nahta 2006")).isNull();
        assertThat(b.reference(30).links()).containsExactly("https://doi.org/10.1172/JCI164428");
        assertThat(b.paper("Slamon 2001 N Engl J Med").links())
            .containsExactly("https://doi.org/10.1056/NEJM200103153441101", "https://pubmed.ncbi.nlm.nih.gov/11248153/");
    }

    @Test
    void explainPrintsLinksOrWhyNone() throws IOException {
        Catalog c = Catalog.load();
        String text = Explain.of(c, "FAKi");
        assertThat(text).contains("sources:\n")
            .contains("the review: Resistance mechanisms and prospects of trastuzumab. Frontiers in Oncology 2024;14:1389390"
                + " https://doi.org/10.3389/fonc.2024.1389390 https://pubmed.ncbi.nlm.nih.gov/39655080/")
            .contains("ref 59:")
            .contains("https://doi.org/10.1186/s12943-021-01476-7")
            .containsPattern("ref 60: +no DOI or PMID: cited for a general statement");
        assertThat(Explain.of(c, "rb1_loss")).contains("Scaltriti 2011 Proc Natl Acad Sci USA:")
            .containsPattern("Scaltriti 2011 Proc Natl Acad Sci USA: .*no DOI or PMID: DOI not confirmed")
            .doesNotContain("https://doi.org/10.1073/pnas.1014835108");
        assertThat(Explain.of(c, Optional.empty(), "FAKi")).contains("no bibliography.yaml beside the model");
    }

    private static final String REVIEW = "review: {title: T, authors: [A B], journal: J, year: 2024, doi: 10.1000/x}\n";

    private static ModelException bad(String body) {
        try {
            Bibliography.parse("bib.yaml", REVIEW + body);
        } catch (ModelException e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void malformedEntriesAreLocatedErrors() {
        assertThat(bad("references:\n  - {number: 3, first_author: A, year: 2001, title: T, status: identified}\n"))
            .hasMessageContaining("bib.yaml:3:").hasMessageContaining("reference 3: 'identified' needs a doi or a pmid");
        assertThat(bad("references:\n  - {number: 3, status: 'unresolved:'}\n")).hasMessageContaining("must say why");
        assertThat(bad("references:\n  - {number: 3, status: maybe}\n"))
            .hasMessageContaining("status is 'identified' or 'unresolved: why', not 'maybe'");
        assertThat(bad("references:\n  - {number: 3, status: 'unresolved: x'}\n  - {number: 3, status: 'unresolved: y'}\n"))
            .hasMessageContaining("bib.yaml:4:").hasMessageContaining("listed twice (first at bib.yaml:3:");
        assertThat(bad("papers:\n  - {key: Nahta 2005, first_author: Nahta, year: 2005, title: T, doi: 10.1158, status: identified}\n"))
            .hasMessageContaining("'10.1158' is not a DOI");
        assertThat(bad("papers:\n  - {key: Nahta 2005, first_author: Nahta, year: 2006, title: T, pmid: '1', status: identified}\n"))
            .hasMessageContaining("the key does not start with first_author and year (Nahta 2006)");
        assertThat(bad("papers:\n  - {key: nahta, status: 'unresolved: x'}\n")).hasMessageContaining("a key is 'Surname YEAR'");
        assertThat(bad("papers:\n  - {key: Nahta 2005, first_author: Nahta, year: 2005, status: 'unresolved: x', url: u}\n"))
            .hasMessageContaining("unknown field 'url'");
        assertThatThrownBy(() -> Bibliography.parse("bib.yaml", "review: {title: T, journal: J, year: 2024, doi: 10.1000/x}\n"))
            .isInstanceOf(ModelException.class).hasMessageContaining("bib.yaml:1:").hasMessageContaining("'authors_unresolved'");
        Bibliography ok = Bibliography.parse("bib.yaml", REVIEW
            + "papers:\n  - {key: Nahta 2005 Cancer Res, first_author: Nahta, year: 2005, title: T, pmid: '123', status: identified}\n");
        assertThat(ok.paper("Nahta 2005").links()).containsExactly("https://pubmed.ncbi.nlm.nih.gov/123/");
    }
}
