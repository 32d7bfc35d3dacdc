// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.her2sim.her2.report.Provenance;
import org.her2sim.her2.report.TreatReport;
import org.her2sim.her2.tumour.Recist;
import org.her2sim.her2.tumour.TreatResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The run pages: provenance, profile entries, labelled axes, dose marks, filtered rescues, scan intervals. */
class ReportPageTest {
    private static final String HASH = "cd".repeat(32);

    static Map<String, Object> run(String kind, Map<String, Object> result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", "0123456789abcdef");
        run.put("kind", kind);
        run.put("created", "2026-12-03T19:00:00Z");
        run.put("finished", "2026-12-03T19:00:05Z");
        run.put("modelHash", HASH);
        run.put("seed", 42L);
        run.put("summary", "done");
        run.put("inputs", Map.of("profile", "x"));
        run.put("result", result);
        return run;
    }

    static Map<String, Object> rescue(String id, String evidence, double gain, double se) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", id);
        m.put("evidence", evidence);
        m.put("responseScore", 0.5 + gain);
        m.put("gain", gain);
        m.put("gainSE", se);
        m.put("counters", List.of());
        return m;
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void predictPageHasProvenanceProfileAxesAndARescueToggle() throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("responseClass", "partial");
        r.put("responseScore", 0.4);
        r.put("phenotypes", List.of(Map.of("name", "Proliferation", "kind", "phenotype", "untreated", 0.8, "untreatedSE", 0.01, "treated", 0.4,
            "treatedSE", 0.01)));
        r.put("course", Map.of("times", List.of(0.0, 10.0, 20.0), "treated", Map.of("Proliferation", List.of(0.8, 0.6, 0.4))));
        r.put("activeMechanisms", List.of());
        r.put("rescues", List.of(rescue("pi3k_inhibitor", "phase 1-2", 0.3, 0.02), rescue("pertuzumab", "approved", 0.0, 0.01),
            rescue("lapatinib", "approved", 0.0, 0.0)));
        r.put("profileEntries", List.of(Map.of("entry", "CD44 overexpressed", "switchesOn", "cd44_masking", "meaning", "CD44 (§5.2.3)")));
        String html = Report.of(run("predict", r), 42);
        Document doc = xml(html);
        assertThat(html).contains(HASH).contains("seed 42").contains("2026-12-03").contains(Provenance.RESEARCH_USE)
            .contains("CD44 overexpressed").contains("cd44_masking");
        Element details = (Element) doc.getElementsByTagName("details").item(0);
        assertThat(details.getTextContent()).contains("2 more add-ons with no measurable gain").contains("pertuzumab").contains("lapatinib")
            .doesNotContain("pi3k_inhibitor");
        List<String> svgText = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            svgText.add(t.item(i).getTextContent());
        }
        assertThat(svgText).contains("probability (0-1)", "model time (signalling steps, not days)");
        CohortApiTest.selfContained(html);
    }

    @Test
    void treatPageMarksEachDoseAndStatesTheScanInterval() throws Exception {
        double[] days = {0, 42, 84, 126};
        double[] cells = {1e9, 5e8, 4e8, 9e8};
        List<TreatResult.Scan> scans = List.of(new TreatResult.Scan(42, 5e8, 0.8, Recist.Category.SD),
            new TreatResult.Scan(84, 4e8, 0.7, Recist.Category.PR), new TreatResult.Scan(126, 9e8, 1.0, Recist.Category.PD));
        TreatResult tr = new TreatResult("x", List.of("trastuzumab"), 42, days, cells, Map.of("founder", cells), scans, Recist.Category.PR, 126,
            Map.of("founder", 1.0), 0.01);
        Map<String, Object> r = new LinkedHashMap<>(TreatReport.toMap(tr));
        r.put("doses", Map.of("trastuzumab_q3w", List.of(0.0, 21.0, 42.0, 63.0, 84.0, 105.0, 126.0)));
        String html = Report.of(run("treat", r), 42);
        assertThat(html.split("class=\"dose\"", -1)).hasSize(8);
        assertThat(html).contains("tumour cells (log10 scale)").contains("scans every 42 d")
            .contains("the first scan showing progression; scans every 42 d, so it began up to 42 d earlier");
    }

    @Test
    void quantisedMediansSayHowOftenScansWere() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("patients", 10);
        t.put("progressed", 10);
        t.put("censoredAtDay", 730.0);
        t.put("medianDays", 378.0);
        t.put("medianCi95", List.of(378.0, 378.0));
        assertThat(Report.median(t, 42)).isEqualTo("median 378 d (scans every 42 d; 95% CI 378-378)");
        t.put("medianDays", null);
        t.put("progressed", 3);
        assertThat(Report.median(t, 42)).isEqualTo("median not reached (3/10 progressed; scans every 42 d; censored at day 730)");
    }
}
