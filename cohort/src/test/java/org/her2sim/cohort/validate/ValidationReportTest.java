// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.validate.ValidationRow.Comparison;
import org.her2sim.cohort.validate.ValidationRow.Published;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.profile.Profile;
import org.junit.jupiter.api.Test;

/** scorecard.json from hand-made results: keys in order, absent fields left out, class rows without a direction. */
class ValidationReportTest {
    private static final ValidationRow.CellArm ARM = new ValidationRow.CellArm(Profile.baseline(), List.of("trastuzumab"), null);
    private static final ScorecardJson.ValidationRun RUN = new ScorecardJson.ValidationRun("bundled", "abc", 2, "quick", 7, 100, 50, 1.5,
        "sampling only");

    private static RowResult result(String id, Published p, String doi, String note, Boolean dir) {
        ValidationRow row = new ValidationRow(id, "test", "cell_line", new ValidationRow.Source("Paper 2001", doi, "12345678", "Fig. 2"), "BT-474",
            ARM, p.comparison() == Comparison.CLASS ? null : ARM, "growth_inhibition", p, false, note, SourceLocation.of("t"));
        return new RowResult(row, 0.123456789, 0.1, 0.2, true, dir, dir, -1, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void rowsAndSummaryKeepTheirShape() {
        Scorecard card = new Scorecard(List.of(
            result("cls", new Published(Comparison.CLASS, "sensitive", Double.NaN, Double.NaN, Double.NaN, 3, "IC50"), "", "", null),
            result("ratio", new Published(Comparison.RATIO, "", 0.5, 0.4, 0.6, 12, "fold change"), "10.1/x", "a note", true)));
        ValidationReport report = new ValidationReport(card, RUN);
        Map<String, Object> json = JsonTree.of(report.json());
        assertThat(json.keySet()).containsExactly("run", "rows", "summary");
        List<?> rows = (List<?>) json.get("rows");
        Map<String, Object> cls = map(rows.get(0));
        assertThat(cls.keySet()).containsExactly("id", "split", "group", "system", "endpoint", "comparison",
            "source", "published", "model", "agree", "directionRight", "baseline", "baselineDirectionRight");
        assertThat(cls.get("directionRight")).isNull();
        assertThat(cls.get("comparison")).isEqualTo("class");
        assertThat(map(cls.get("source"))).doesNotContainKey("doi").containsEntry("pmid", "12345678");
        assertThat(map(cls.get("published"))).containsEntry("value", "sensitive").containsEntry("interval", null);
        assertThat(map(cls.get("model"))).containsEntry("value", 0.1235).containsEntry("interval", List.of(0.1, 0.2));
        Map<String, Object> ratio = map(rows.get(1));
        assertThat(ratio.get("note")).isEqualTo("a note");
        assertThat(ratio.get("directionRight")).isEqualTo(true);
        assertThat(map(ratio.get("source"))).containsEntry("doi", "10.1/x");
        assertThat(map(ratio.get("published"))).containsEntry("value", 0.5).containsEntry("interval", List.of(0.4, 0.6));
        Map<String, Object> summary = map(json.get("summary"));
        assertThat(summary.keySet()).containsExactly("training", "test", "all");
        Map<String, Object> test = map(summary.get("test"));
        assertThat(test.get("n")).isEqualTo(2);
        assertThat(test.keySet()).startsWith("n").containsAll(Scorecard.FIGURES);
        assertThat(JsonTree.text(report.json())).startsWith("{\n  \"run\": {\n    \"model\": \"bundled\",\n    \"modelSha256\": \"abc\",\n    \"rows\": 2,");
        assertThat(report.html()).contains("model: bundled; modelSha256: abc; rows: 2; subset: quick; seed: 7; samples: 100; cohortSize: 50; "
            + "seconds: 1.5; intervals: sampling only; ");
    }
}
