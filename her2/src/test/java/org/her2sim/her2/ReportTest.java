// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.report.Demo;
import org.her2sim.her2.report.Explain;
import org.her2sim.her2.report.HtmlReport;
import org.her2sim.her2.report.ModelDoc;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

class ReportTest {
    static final Catalog C = Fixture.catalog();

    @Test
    void modelDocIsGeneratedFromTheData() {
        String md = ModelDoc.generate(C);
        assertThat(ModelDoc.generate(C)).isEqualTo(md);
        assertThat(md).startsWith("# The HER2 model\n")
            .contains("score = clamp((N_untreated - N_treated) / (N_untreated + 1), 0, 1)")
            .contains("**sensitive** if score ≥ 0.5, **partial** if score ≥ 0.25")
            .contains("### downstream signalling\n")
            .contains("| `pik3ca_activation` | PIK3CA activating mutation | 6.1 | 34, 35, 37; Berns 2007 Cancer Cell | PIK3CA"
                + " | PIK3CA_mut=1 | PI3K signals without HER2, so trastuzumab no longer stops growth."
                + " Expects Proliferation up under trastuzumab. | pi3k_inhibitor |")
            .contains("| AKT stays active. Expects AKT up under trastuzumab; Proliferation up under trastuzumab with muc4_masking. |")
            .contains("MUC4=1 in 50% of cells")
            .contains("| `trastuzumab` | Trastuzumab | approved | herceptin | monoclonal antibody | HER2 extracellular domain IV"
                + " | epitope binding, signalling block, ADCC | TZB | yes |  | 1; 5.2.3 | 2 |")
            .contains("| ERBB2 | amplified | `baseline` |")
            .contains("Aliases: HER2 = ERBB2.")
            .contains("| heregulin | high | HRG=1 |")
            .contains("### membrane\n")
            .contains("| `HER2` | HER2 (ERBB2) full-length receptor | the amplified receptor | 3; 4 | 8, 9, 10 |")
            .contains("Nodes without evidence yet: `PI3Ki`")
            .contains("| `TZB_bound` | `HER2` | - | 5 | 2 |")
            .contains("| `HRG` | `HER2` | + |  | (no evidence yet) |");
    }

    @Test
    void htmlReportIsWellFormedAndSelfContained() throws Exception {
        List<Prediction> ps = Demo.run(C, Demo.THERAPIES, 5, new Predictor.Options(100, 2, true, false));
        assertThat(ps).extracting(Prediction::profile).containsExactly("baseline", "muc4", "pik3ca");
        String html = HtmlReport.of(C, ps, Demo.profiles(C), Demo.THERAPIES, ReportPagesTest.PROV);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(2 * ps.size());
        assertThat(doc.getElementsByTagName("table").getLength()).isGreaterThanOrEqualTo(1 + 2 * ps.size());
        assertThat(doc.getElementsByTagName("section").getLength()).isEqualTo(ps.size());
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).doesNotContain("http").doesNotContain(" src=").contains("<polyline");
        for (int i = 0; i < doc.getElementsByTagName("a").getLength(); i++) {
            assertThat(doc.getElementsByTagName("a").item(i).getAttributes().getNamedItem("href").getNodeValue()).startsWith("#");
        }
        String table = Demo.table(ps);
        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("pik3ca").contains("pi3k_inhibitor");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) new Yaml().load(Demo.json(ps, Demo.THERAPIES, 5));
        assertThat((List<?>) json.get("predictions")).hasSize(3);
    }

    @Test
    void explainNodesMechanismsAndTherapies() {
        String node = Explain.of(C, "her2");
        assertThat(node).startsWith("node HER2: HER2 (ERBB2) full-length receptor\n")
            .contains("compartment:    membrane").contains("citations:      §3; 4; refs 8, 9, 10")
            .contains("logic:          !TZB_bound | HRG")
            .contains("incoming edges:\n  HRG -> HER2 (+): no evidence yet\n  TZB_bound -> HER2 (-): §5; ref 2\n")
            .contains("outgoing edges:\n  HER2 -> PI3K (+): §4; refs 12, 13\n  HER2 -> ERK (+): §4; ref 12 (evidence.yaml says -)\n");
        assertThat(Explain.of(C, "PTEN")).contains("mechanism pten_loss fixes PTEN=0");
        assertThat(Explain.of(C, "TZB")).contains("drug node of therapy trastuzumab");
        assertThat(Explain.of(C, "pten_loss")).startsWith("mechanism pten_loss: PTEN loss\n")
            .contains("countered by:   pi3k_inhibitor (PI3K inhibitor)").contains("from alterations: PTEN loss")
            .contains("expects:        AKT up under trastuzumab");
        assertThat(Explain.of(C, "alpelisib")).startsWith("therapy pi3k_inhibitor: PI3K inhibitor\n")
            .contains("counters:       pik3ca_activation (PIK3CA activating mutation), pten_loss (PTEN loss)");
        assertThatThrownBy(() -> Explain.of(C, "AKTT")).isInstanceOf(ModelException.class)
            .hasMessageContaining("'AKTT' is not a node, mechanism or therapy of the model (did you mean: AKT");
    }
}
