// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Slamon 2001 comparison in direction and roughly in size, on 80 virtual treatment-naive
 * patients (the full calibration run uses 200; see docs/tumour.md). Response counts are judged
 * with binomial standard errors.
 */
class SlamonTrialTest {
    @Test
    void trastuzumabAddedToTaxaneRaisesResponseAndDelaysProgression() throws Exception {
        int n = 80;
        TrialArm.Outcome[] o = SlamonTrial.run(n, 1, 2, false);
        TrialArm.Outcome control = o[0];
        TrialArm.Outcome combination = o[1];
        double p1 = control.orr();
        double p2 = combination.orr();
        double se = Math.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n);
        // published: 32% vs 50%, an 18-point gain
        assertThat(p2 - p1).as("ORR gain %.2f -> %.2f (se %.3f)", p1, p2, se).isGreaterThan(2 * se);
        assertThat(p1).as("control ORR, the fitted figure (32%%)").isBetween(0.32 - 4 * Math.sqrt(0.32 * 0.68 / n), 0.32 + 4 * Math.sqrt(0.32 * 0.68 / n));
        // the combination's size is a prediction, judged on the validation scorecard (Slamon 2001 rows), not here:
        // since the graded bypasses it is above the published 50% (docs/tumour.md)
        // published median TTP 4.6 vs 7.4 months: a later median with trastuzumab
        // (not reached in 24 months counts as later); the ratio's size (2.14 on 200 patients vs 1.61) is in docs/tumour.md
        assertThat(combination.medianTtpMonths()).isGreaterThan(1.1 * control.medianTtpMonths());
    }
}
