// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled validation data set, and located errors for malformed rows. */
class ValidationDataTest {
    @TempDir
    Path dir;

    @Test
    void bundledDataSetHasTheRowsTheValidationIssueAsksFor() throws IOException {
        ValidationData d = ValidationData.load(Catalog.load());
        List<ValidationRow> rows = d.rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows.stream().filter(r -> r.group().equals("cell_line")).count()).isGreaterThanOrEqualTo(30);
        assertThat(rows.stream().filter(r -> r.group().equals("clinical")).count()).isGreaterThanOrEqualTo(20);
        assertThat(rows.stream().filter(r -> r.group().equals("mechanistic")).count()).isGreaterThanOrEqualTo(10);
        Set<String> ids = new HashSet<>();
        for (ValidationRow r : rows) {
            assertThat(ids.add(r.id())).as("unique id " + r.id()).isTrue();
            assertThat(r.source().doi().isEmpty() && r.source().pmid().isEmpty()).as(r.id() + " has a DOI or PMID").isFalse();
            assertThat(r.source().citation()).as(r.id()).isNotBlank();
        }
        long test = d.rows(ValidationRow.TEST).size();
        assertThat(test).isBetween(rows.size() / 5L, rows.size() / 2L);
        // the test rows include cell lines published as sensitive and as resistant, so the test AUC exists
        assertThat(d.rows(ValidationRow.TEST).stream().filter(r -> r.published().label().equals("sensitive"))).isNotEmpty();
        assertThat(d.rows(ValidationRow.TEST).stream().filter(r -> r.published().label().equals("resistant"))).isNotEmpty();
        assertThat(d.floors()).containsKeys(ValidationRow.TRAINING, ValidationRow.TEST);
    }

    @Test
    void theSplitFollowsTheCommittedRuleOfTheId() throws IOException {
        // split rule fixed before any fit (docs/validation.md): test when the first 8 hex digits of sha256(id) are 0 mod 3
        for (ValidationRow r : ValidationData.load(Catalog.load()).rows()) {
            assertThat(r.split()).as(r.id()).isEqualTo(SplitRule.of(r.id()));
        }
    }

    @Test
    void cellLineRowsRunWithoutImmuneCells() throws IOException {
        TestModels.withRows(dir, TestModels.classRow("a", "training", "", "trastuzumab", "sensitive"));
        ValidationRow r = ValidationData.load(Catalog.load(dir)).rows().get(0);
        assertThat(((ValidationRow.CellArm) r.scenario()).profile().context()).extracting(c -> c.key() + "=" + c.level())
            .containsExactly("nk_cells=absent", "t_cells=absent");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "split: training|split: later|rows.yaml:2:10: split is training or test, not 'later'",
        "pmid: \"12345678\"|pmid: \"\"|the source needs a doi or a pmid",
        "pmid: \"12345678\"|doi: \"not-a-doi\"|'not-a-doi' is not a DOI",
        "therapies: [trastuzumab]|therapies: [nosuchdrug]|unknown therapy 'nosuchdrug'",
        "value: sensitive|value: maybe|a class row's value is sensitive or resistant, not 'maybe'",
        "comparison: class|comparison: ratio|a ratio row needs a reference",
        "group: cell_line|group: cells|group is cell_line, clinical or mechanistic",
        "system: test line|colour: red|unknown field",
    })
    void malformedRowsGiveLocatedErrors(String from, String to, String message) throws IOException {
        String row = TestModels.classRow("a", "training", "", "trastuzumab", "sensitive").replace(from, to);
        TestModels.withRows(dir, row);
        assertThatThrownBy(() -> ValidationData.load(Catalog.load(dir))).isInstanceOf(ModelException.class)
            .hasMessageContaining("rows.yaml:").hasMessageContaining(message);
    }

    @Test
    void aRowIdUsedTwiceIsRefused() throws IOException {
        TestModels.withRows(dir, TestModels.classRow("a", "training", "", "trastuzumab", "sensitive")
            + TestModels.classRow("a", "test", "", "lapatinib", "sensitive"));
        assertThatThrownBy(() -> ValidationData.load(Catalog.load(dir))).hasMessageContaining("row id 'a' is used twice");
    }

    @Test
    void aCohortArmNeedsAKnownSetting() throws IOException {
        String row = "- id: c\n  split: test\n  group: clinical\n  source: {citation: T, pmid: \"12345678\"}\n  system: s\n"
            + "  scenario: {cohort: elderly, regimen: [trastuzumab_q3w]}\n  reference: {cohort: naive, regimen: [docetaxel_q3w]}\n"
            + "  endpoint: orr\n  comparison: ratio\n  published: {value: 1.5}\n";
        TestModels.withRows(dir, row);
        assertThatThrownBy(() -> ValidationData.load(Catalog.load(dir))).hasMessageContaining("rows.yaml:6:")
            .hasMessageContaining("cohort is the setting naive or pretreated, not 'elderly'");
    }
}
