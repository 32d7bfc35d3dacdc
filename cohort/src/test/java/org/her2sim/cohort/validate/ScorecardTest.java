// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.her2sim.cohort.validate.ValidationRow.Comparison;
import org.her2sim.cohort.validate.ValidationRow.Published;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.profile.Profile;
import org.junit.jupiter.api.Test;

/** The summary figures and the fit's loss, on hand-made results. */
class ScorecardTest {
    private static final ValidationRow.CellArm ARM = new ValidationRow.CellArm(Profile.baseline(), List.of("trastuzumab"), null);

    private static RowResult result(String split, Published p, double model, Boolean dir, Boolean baseDir, double baseline, boolean agree) {
        ValidationRow row = new ValidationRow("r", split, "cell_line", new ValidationRow.Source("c", "", "12345678", ""), "s", ARM,
            p.comparison() == Comparison.CLASS ? null : ARM, "growth_inhibition", p, false, "", SourceLocation.of("t"));
        return new RowResult(row, model, model, model, agree, dir, baseDir, baseline, null);
    }

    private static Published cls(String label) {
        return new Published(Comparison.CLASS, label, Double.NaN, Double.NaN, Double.NaN, 0, "");
    }

    private static Published ratio(double v) {
        return new Published(Comparison.RATIO, "", v, Double.NaN, Double.NaN, 0, "");
    }

    @Test
    void aucCountsPairsAndTiesHalf() {
        // sensitive scores 0.9, 0.5; resistant 0.5, 0.1: pairs (0.9>0.5, 0.9>0.1, 0.5=0.5 half, 0.5>0.1) = 3.5 / 4
        Scorecard c = new Scorecard(List.of(result("test", cls("sensitive"), 0.9, null, null, 0, true),
            result("test", cls("sensitive"), 0.5, null, null, -1, true), result("test", cls("resistant"), 0.5, null, null, -1, false),
            result("test", cls("resistant"), 0.1, null, null, -2, true)));
        Scorecard.Summary s = c.summary("test");
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.get("auc")).isCloseTo(0.875, within(1e-12));
        // baseline: minus counts 0, -1 (sensitive) against -1, -2: pairs 0>-1, 0>-2, -1=-1 half, -1>-2 = 3.5 / 4
        assertThat(s.get("baselineAuc")).isCloseTo(0.875, within(1e-12));
        assertThat(s.get("agreement")).isCloseTo(0.75, within(1e-12));
        assertThat(s.get("directionConcordance")).isNaN();
        assertThat(c.summary("training").n()).isZero();
    }

    @Test
    void ratiosWithinAFactorOfOnePointFive() {
        assertThat(Scorecard.within(0.55, 0.55)).isTrue();
        assertThat(Scorecard.within(0.82, 0.55)).isTrue();
        assertThat(Scorecard.within(0.83, 0.55)).isFalse();
        assertThat(Scorecard.within(0.37, 0.55)).isTrue();
        assertThat(Scorecard.within(0.36, 0.55)).isFalse();
        assertThat(Scorecard.within(-0.5, 0.5)).isFalse();
        assertThat(Scorecard.within(Double.NaN, 0.5)).isFalse();
        Scorecard c = new Scorecard(List.of(result("training", ratio(0.55), 0.6, true, false, 1, true),
            result("training", ratio(0.55), 0.2, true, false, 1, false), result("training", ratio(1.2), 1.1, true, false, 1, true)));
        Scorecard.Summary s = c.summary("training");
        assertThat(s.get("ratioWithin1_5")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.get("directionConcordance")).isEqualTo(1.0);
        assertThat(s.get("baselineDirection")).isEqualTo(0.0);
        // the null model (ratio 1) lies within a factor 1.5 of 1.2 only
        assertThat(s.get("baselineRatioWithin1_5")).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void lossFallsAsTheModelApproachesThePublishedValue() {
        double far = new Scorecard(List.of(result("training", ratio(0.55), 0.2, true, null, 1, false))).loss(0.3);
        double near = new Scorecard(List.of(result("training", ratio(0.55), 0.5, true, null, 1, true))).loss(0.3);
        double exact = new Scorecard(List.of(result("training", ratio(0.55), 0.55, true, null, 1, true))).loss(0.3);
        assertThat(far).isGreaterThan(near);
        assertThat(near).isGreaterThan(exact);
        assertThat(exact).isCloseTo(0, within(1e-12));
        double wrongClass = new Scorecard(List.of(result("training", cls("sensitive"), 0.1, null, null, 0, false))).loss(0.3);
        double rightClass = new Scorecard(List.of(result("training", cls("sensitive"), 0.6, null, null, 0, true))).loss(0.3);
        assertThat(wrongClass).isGreaterThan(3).isLessThanOrEqualTo(10);
        assertThat(rightClass).isLessThan(0.01);
    }
}
