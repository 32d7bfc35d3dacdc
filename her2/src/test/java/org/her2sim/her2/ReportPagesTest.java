// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.her2sim.her2.report.HtmlReport;
import org.her2sim.her2.report.PredictionText;
import org.her2sim.her2.report.ProfileSummary;
import org.her2sim.her2.report.Provenance;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.tumour.Recist;
import org.her2sim.her2.tumour.TreatResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The elements every report must carry: provenance, profile, labelled axes, dose marks, scan intervals, filtered rescues. */
class ReportPagesTest {
    static final Catalog C = Fixture.catalog();
    static final Provenance PROV = new Provenance("her2sim 9.9", "ab".repeat(32), 77, "2026-12-03");
    private static Profile muc4;
    private static Prediction p;

    @BeforeAll
    static void predict() throws Exception {
        muc4 = ProfileReader.find("muc4", C);
        p = new Predictor(C).predict(muc4, List.of("trastuzumab"), 5, new Predictor.Options(200, 2, true, false));
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc, String tag) {
        List<String> out = new ArrayList<>();
        NodeList l = doc.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    /** A copy of the prediction with other rescues. */
    static Prediction withRescues(Prediction q, List<Prediction.Rescue> rescues) {
        return new Prediction(q.profile(), q.therapies(), q.responseScore(), q.interval(), q.responseClass(), q.phenotypes(), q.activeMechanisms(),
            q.attribution(), rescues, q.seed(), q.samples(), q.warnings(), q.untreated(), q.treated());
    }

    static final List<Prediction.Rescue> MIXED = List.of(
        new Prediction.Rescue("pi3k_inhibitor", "PI3K inhibitor", "phase 1-2", 0.9, 0.30, List.of(), 0.02, 0),
        new Prediction.Rescue("pertuzumab", "Pertuzumab", "approved", 0.61, 0.01, List.of(), 0.02, 0),
        new Prediction.Rescue("lapatinib", "Lapatinib", "approved", 0.6, 0.0, List.of(), 0.0, 0),
        new Prediction.Rescue("chloroquine", "Chloroquine", "preclinical", 0.6, 0.0, List.of(), 0.01, 0));

    @Test
    void pageCarriesProvenanceResearchUseAndTheProfilesEntries() throws Exception {
        String html = HtmlReport.page("her2sim predict: muc4", C, List.of(p), List.of(muc4), PROV);
        Document doc = xml(html);
        String provenance = texts(doc, "p").stream().filter(t -> t.contains("sha256")).findFirst().orElseThrow();
        assertThat(provenance).contains("her2sim 9.9").contains("ab".repeat(32)).contains("seed 77").contains("2026-12-03");
        assertThat(html).contains(Provenance.RESEARCH_USE).contains("class=\"research-use\"");
        // the profile table: each entry and the mechanism it switches on, with its citation
        String table = texts(doc, "table").stream().filter(t -> t.contains("profile entry")).findFirst().orElseThrow();
        assertThat(table).contains("HER2 amplified").contains("baseline").contains("mechanism muc4_masking").contains("context heregulin: low");
        List<ProfileSummary.Row> rows = ProfileSummary.rows(muc4, C);
        assertThat(rows).extracting(ProfileSummary.Row::switchesOn).contains("baseline", "muc4_masking");
        assertThat(rows.get(1).meaning()).contains(C.mechanism("muc4_masking").name()).contains("§");
    }

    @Test
    void unmodelledAndUnknownEntriesSaySo() {
        Profile x = ProfileReader.parse("x.yaml", "x", "name: x\nalterations:\n  - {gene: CDH1, kind: loss}\n  - {gene: PIK3CA, kind: activating}\n");
        List<ProfileSummary.Row> rows = ProfileSummary.rows(x, C);
        assertThat(rows).extracting(ProfileSummary.Row::switchesOn).containsExactly("not modelled", "pik3ca_activation");
        assertThat(ProfileSummary.rows(Profile.baseline(), C)).extracting(ProfileSummary.Row::entry).containsExactly("no alteration");
    }

    @Test
    void everyChartHasLabelledAxes() throws Exception {
        Document doc = xml(HtmlReport.page("t", C, List.of(p), List.of(muc4), PROV));
        NodeList svgs = doc.getElementsByTagName("svg");
        assertThat(svgs.getLength()).isEqualTo(2);
        List<String> bars = labels((Element) svgs.item(0));
        assertThat(bars).contains("probability (0-1), mean over the read-out window");
        assertThat(ticks((Element) svgs.item(0))).containsExactly("0", "0.25", "0.50", "0.75", "1");
        List<String> course = labels((Element) svgs.item(1));
        assertThat(course).contains("probability (0-1)").anyMatch(t -> t.startsWith("model time (signalling steps, not days)"));
        assertThat(doc.getDocumentElement().getTextContent()).contains("signalling steps");
    }

    static List<String> labels(Element svg) {
        return byClass(svg, "axis-label");
    }

    static List<String> ticks(Element svg) {
        return byClass(svg, "tick");
    }

    private static List<String> byClass(Element svg, String cls) {
        List<String> out = new ArrayList<>();
        NodeList l = svg.getElementsByTagName("text");
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    @Test
    void rescuesWithoutMeasurableGainAreBehindAToggle() throws Exception {
        Prediction q = withRescues(p, MIXED);
        assertThat(q.measurableRescues()).extracting(Prediction.Rescue::id).containsExactly("pi3k_inhibitor");
        Document doc = xml(HtmlReport.page("t", C, List.of(q), List.of(muc4), PROV));
        Element details = (Element) doc.getElementsByTagName("details").item(0);
        assertThat(details.getElementsByTagName("summary").item(0).getTextContent())
            .isEqualTo("3 more add-ons with no measurable gain (gain not above its standard error)");
        assertThat(details.getTextContent()).contains("pertuzumab").contains("lapatinib").contains("chloroquine").doesNotContain("pi3k_inhibitor");
        // the table shown by default: the measurable one only, with its evidence level
        String shown = texts(doc, "table").stream().filter(t -> t.contains("pi3k_inhibitor")).findFirst().orElseThrow();
        assertThat(shown).contains("phase 1-2").doesNotContain("lapatinib");
        assertThat(HtmlReport.bestRescue(q)).startsWith("pi3k_inhibitor");
        assertThat(HtmlReport.bestRescue(withRescues(p, MIXED.subList(1, 4)))).isEqualTo("-");
        // no toggle when every rescue is measurable
        assertThat(HtmlReport.page("t", C, List.of(withRescues(p, MIXED.subList(0, 1))), List.of(muc4), PROV)).doesNotContain("<details");
    }

    @Test
    void textListsMeasurableRescuesAndCountsTheRest() {
        Prediction q = withRescues(p, MIXED);
        String text = PredictionText.of(q);
        assertThat(text).contains("pi3k_inhibitor").doesNotContain("lapatinib").doesNotContain("chloroquine")
            .contains("3 more add-ons with no measurable gain (gain not above its standard error) (--all-rescues lists them)");
        assertThat(PredictionText.of(q, true)).contains("lapatinib").contains("chloroquine").doesNotContain("more add-ons");
    }

    @Test
    void realRescuesCarryAStandardErrorAndZeroGainIsNeverMeasurable() {
        assertThat(p.rescues()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.se()).isGreaterThan(0).isLessThan(0.1);
            assertThat(r.evidence()).isIn("approved", "phase 3", "phase 1-2");
            assertThat(r.measurable()).isEqualTo(r.gain() > r.se());
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> json = (List<Map<String, Object>>) p.toMap().get("rescues");
        assertThat(json).allSatisfy(m -> assertThat(m).containsKeys("evidence", "gain", "gainSE"));
    }

    static TreatResult tumour(boolean progressed) {
        double[] days = new double[181];
        double[] cells = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = i;
            cells[i] = 1e9 * Math.exp(-0.01 * i);
        }
        Map<String, double[]> clones = new LinkedHashMap<>();
        clones.put("founder", cells);
        List<TreatResult.Scan> scans = List.of(new TreatResult.Scan(42, 6.5e8, 0.8, Recist.Category.SD),
            new TreatResult.Scan(84, 4e8, 0.7, Recist.Category.PR), new TreatResult.Scan(126, 3e8, 0.66, progressed ? Recist.Category.PD
                : Recist.Category.PR), new TreatResult.Scan(168, 2e8, 0.6, Recist.Category.PR));
        return new TreatResult("x", List.of("trastuzumab"), 3, days, cells, clones, scans, Recist.Category.PR, progressed ? 126 : -1,
            Map.of("founder", 1.0), 0.01);
    }

    @Test
    void burdenPlotHasAxisTitlesAndATickPerDoseDay() throws Exception {
        Map<String, List<Double>> doses = new LinkedHashMap<>();
        doses.put("trastuzumab_q3w", List.of(0.0, 21.0, 42.0, 63.0, 84.0, 105.0, 126.0, 147.0, 168.0));
        doses.put("docetaxel_q3w", List.of(0.0, 21.0, 42.0));
        Document doc = xml(TreatReport.svg(tumour(true), doses));
        Element svg = doc.getDocumentElement();
        assertThat(labels(svg)).containsExactly("months from the first dose (scans every 42 d; ticks below the axis: doses)",
            "tumour cells (log10 scale)");
        NodeList lines = svg.getElementsByTagName("line");
        int marks = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            marks += "dose".equals(((Element) lines.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertThat(marks).isEqualTo(12);
        assertThat(svg.getTextContent()).contains("doses: trastuzumab_q3w").contains("doses: docetaxel_q3w");
        assertThat(TreatReport.svg(tumour(true), Map.of())).doesNotContain("class=\"dose\"");
    }

    @Test
    void timesToProgressionStateTheScanInterval() {
        assertThat(TreatReport.scanInterval(tumour(true))).isEqualTo(42);
        assertThat(TreatReport.text(tumour(true))).contains("progression:    day 126")
            .contains("(the first scan showing progression; scans every 42 d, so it began up to 42 d earlier)");
        assertThat(TreatReport.text(tumour(false))).contains("(censored at the last scan, day 168; scans every 42 d)");
        assertThat(TreatReport.toMap(tumour(false))).containsEntry("scanIntervalDays", 42.0);
    }
}
