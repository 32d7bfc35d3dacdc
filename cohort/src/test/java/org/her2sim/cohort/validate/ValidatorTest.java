// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows run through the same code paths as predict and cohort run, and are judged as documented. */
class ValidatorTest {
    private static final long SEED = 7;
    private static final long SAMPLES = 300;

    @TempDir
    Path dir;

    private static Validator.Options options(int threads) {
        return new Validator.Options(SEED, SAMPLES, 48, threads, false);
    }

    private Scorecard run(String rows, int threads) throws IOException {
        TestModels.withRows(dir, rows);
        Catalog c = Catalog.load(dir);
        return Validator.run(ModelRef.directory(dir).with(c), ValidationData.load(c).rows(), options(threads), (d, t, r) -> { });
    }

    @Test
    void aClassRowScoresAsPredictDoes() throws IOException {
        TestModels.withRows(dir, TestModels.classRow("pik", "training", ", {gene: PIK3CA, kind: activating}", "trastuzumab", "resistant"));
        Catalog c = Catalog.load(dir);
        ValidationRow row = ValidationData.load(c).rows().get(0);
        RowResult r = Validator.run(ModelRef.directory(dir).with(c), List.of(row), options(2), (d, t, x) -> { }).rows().get(0);
        Prediction p = new Predictor(c).predict(((ValidationRow.CellArm) row.scenario()).profile(), List.of("trastuzumab"), SEED,
            new Predictor.Options(SAMPLES, 2, false, false));
        assertThat(r.model()).isEqualTo(p.responseScore());
        assertThat(r.lower()).isLessThanOrEqualTo(r.model());
        assertThat(r.upper()).isGreaterThanOrEqualTo(r.model());
        assertThat(r.agree()).isEqualTo(p.responseScore() < c.response().partial());
        assertThat(r.baseline()).isEqualTo(-1);
    }

    @Test
    void directionRowsFollowTheEndpointsOrientation() throws IOException {
        String base = "- id: %s\n  split: training\n  group: mechanistic\n  source: {citation: T, pmid: \"12345678\"}\n  system: s\n"
            + "  scenario:\n    profile: {alterations: [{gene: ERBB2, kind: amplified}, {gene: PTEN, kind: loss}]}\n    therapies: [trastuzumab]\n"
            + "  reference:\n    profile: {alterations: [{gene: ERBB2, kind: amplified}]}\n    therapies: [trastuzumab]\n"
            + "  endpoint: %s\n  comparison: direction\n  published: {value: %s}\n";
        Scorecard card = run(String.format(base, "gi", "growth_inhibition", "lower") + String.format(base, "ic", "ic50", "higher"), 2);
        RowResult gi = card.rows().get(0);
        RowResult ic = card.rows().get(1);
        // PTEN loss lowers trastuzumab's effect: lower growth inhibition, higher IC50; the model's difference flips with the endpoint
        assertThat(gi.model()).isLessThan(-Predictor.NEUTRAL);
        assertThat(ic.model()).isEqualTo(-gi.model());
        assertThat(gi.agree()).isTrue();
        assertThat(ic.agree()).isTrue();
        assertThat(gi.baselineDirectionRight()).isTrue();
        assertThat(card.summary("training").get("directionConcordance")).isEqualTo(1.0);
    }

    @Test
    void cohortRowsAreRatiosOfCohortRunFiguresAndDoNotDependOnThreads() throws IOException {
        String rows = "- id: arms\n  split: test\n  group: clinical\n  source: {citation: T, pmid: \"12345678\"}\n  system: s\n"
            + "  scenario: {cohort: naive, regimen: [trastuzumab_q3w, docetaxel_q3w], months: 12}\n"
            + "  reference: {cohort: naive, regimen: [docetaxel_q3w], months: 12}\n"
            + "  endpoint: orr\n  comparison: ratio\n  published: {value: 1.56, measure: \"50% vs 32%\"}\n"
            + "- id: sub\n  split: test\n  group: clinical\n  source: {citation: T, pmid: \"12345678\"}\n  system: s\n"
            + "  scenario: {cohort: naive, regimen: [trastuzumab_q3w, docetaxel_q3w], subgroup: {feature: pik3ca_mutation, present: true}, months: 12}\n"
            + "  reference: {cohort: naive, regimen: [trastuzumab_q3w, docetaxel_q3w], subgroup: {feature: pik3ca_mutation, present: false}, months: 12}\n"
            + "  endpoint: pfs_hr\n  comparison: ratio\n  published: {value: 1.3}\n";
        Scorecard one = run(rows, 1);
        Scorecard two = run(rows, 2);
        for (int i = 0; i < 2; i++) {
            assertThat(two.rows().get(i).model()).isEqualTo(one.rows().get(i).model());
            assertThat(two.rows().get(i).lower()).isEqualTo(one.rows().get(i).lower());
        }
        RowResult arms = one.rows().get(0);
        assertThat(arms.model()).isPositive().isFinite();
        assertThat(arms.lower()).isLessThanOrEqualTo(arms.model());
        assertThat(arms.upper()).isGreaterThanOrEqualTo(arms.model());
        // the baseline knows nothing of therapies: no direction
        assertThat(arms.baselineDirectionRight()).isFalse();
        assertThat(one.rows().get(1).model()).isPositive();
    }
}
