// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.her2sim.her2.pk.PkFixture.assertWithin;
import static org.her2sim.her2.pk.PkFixture.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The PK figures the issue asks to reproduce, each within 15% of the published median with the
 * published parameters (nothing tuned). The numbers are written here with their sources
 * ({@code ../shared/anchors/pharmacology.md}, which quotes the papers and labels), so the suite
 * stands alone; {@link #anchorsStillSayTheSame} cross-checks them when the file is there.
 *
 * <p>Population figures (the SmPC tables, the HannaH trial) are compared with the median of
 * {@value #N} virtual patients (seed {@value #SEED}) at the model's reference covariates; figures
 * the source gives for a typical patient (Bruno's ECD example, half-lives) with the typical patient.
 */
class PublishedFiguresTest {
    static final int N = 1000;
    static final long SEED = 1;
    static final double TOLERANCE = 0.15;
    /** Quartino 2019 bands by regimen, computed once. */
    private static final java.util.Map<String, Band> BANDS = new java.util.HashMap<>();

    // Herceptin SmPC, Quartino 2019 model: median troughs, ug/mL
    static final double Q3W_CYCLE1_EBC = 30.9;
    static final double Q3W_CYCLE1_MBC = 28.7;
    static final double Q3W_SS_EBC = 53.8;
    static final double Q3W_SS_MBC = 44.2;
    static final double WEEKLY_SS_EBC = 72.6;
    static final double WEEKLY_SS_MBC = 63.1;
    // HannaH, observed troughs before cycle 8, ug/mL
    static final double HANNAH_IV = 51.8;
    static final double HANNAH_SC = 69.0;
    // Bruno 2005: q3w steady-state trough, typical patient, and with ECD 200 ng/mL and >= 4 metastatic sites
    static final double BRUNO_SS = 55;
    static final double BRUNO_SS_ECD_SITES = 37;
    // half-lives, days: Bruno 2005; Garg 2014; Kadcyla label (Lu 2014); Enhertu label
    static final double HALF_LIFE_TRASTUZUMAB = 28.5;
    static final double HALF_LIFE_PERTUZUMAB = 18;
    static final double HALF_LIFE_T_DM1 = 3.94;
    static final double HALF_LIFE_T_DXD = 5.7;

    /** Quartino 2019 reference patient: 66 kg, albumin 4 g/dL, AST 24 U/L, no liver metastases. */
    static synchronized Band quartino2019(String regimen) {
        return BANDS.computeIfAbsent(regimen,
            r -> PkSimulator.band(request("trastuzumab", r, "quartino2019", Patient.typical(66, Population.EBC), 21), N, SEED));
    }

    // The Quartino 2019 model as given in the anchors has no term for the population: EBC and
    // MBC differ there only through covariate distributions the anchors do not give. The same
    // virtual population is therefore compared with both published medians.

    @Test
    void q3wCycle1TroughEbcAndMbc() {
        Band b = quartino2019("q3w");
        double median = b.troughs().get(0)[1];
        assertWithin(median, Q3W_CYCLE1_EBC, TOLERANCE, "q3w cycle-1 trough, EBC (population median)");
        assertWithin(median, Q3W_CYCLE1_MBC, TOLERANCE, "q3w cycle-1 trough, MBC (population median)");
        double typical = PkSimulator.profile(request("trastuzumab", "q3w", "quartino2019", Patient.typical(66, null), 21)).trough(1);
        assertWithin(typical, Q3W_CYCLE1_EBC, TOLERANCE, "q3w cycle-1 trough, EBC (typical patient)");
        assertWithin(typical, Q3W_CYCLE1_MBC, TOLERANCE, "q3w cycle-1 trough, MBC (typical patient)");
    }

    @Test
    void q3wSteadyStateTroughEbcAndMbc() {
        double median = quartino2019("q3w").steadyStateTrough()[1];
        assertWithin(median, Q3W_SS_EBC, TOLERANCE, "q3w steady-state trough, EBC (population median)");
        assertWithin(median, Q3W_SS_MBC, TOLERANCE, "q3w steady-state trough, MBC (population median)");
    }

    @Test
    void weeklySteadyStateTroughEbcAndMbc() {
        double median = quartino2019("weekly").steadyStateTrough()[1];
        assertWithin(median, WEEKLY_SS_EBC, TOLERANCE, "weekly steady-state trough, EBC (population median)");
        assertWithin(median, WEEKLY_SS_MBC, TOLERANCE, "weekly steady-state trough, MBC (population median)");
    }

    @Test
    void hannahTroughsBeforeCycle8() {
        // Quartino 2016 is the EBC model fitted to IV and SC data (68 kg reference); cycle 7's trough is the level before cycle 8
        Patient p = Patient.typical(68, Population.EBC);
        Band sc = PkSimulator.band(request("trastuzumab", "sc", "quartino2016", p, 147), N, SEED);
        assertWithin(sc.troughs().get(6)[1], HANNAH_SC, TOLERANCE, "SC 600 mg trough before cycle 8 (population median)");
        Band iv = PkSimulator.band(request("trastuzumab", "q3w", "quartino2016", p, 147), N, SEED);
        assertWithin(iv.troughs().get(6)[1], HANNAH_IV, TOLERANCE, "IV q3w trough before cycle 8 (population median)");
    }

    @Test
    void sheddedEcdAndMetastaticSitesLowerTheTroughInBrunosModel() {
        double base = PkSimulator.profile(request("trastuzumab", "q3w", "bruno2005", Patient.typical(70, Population.MBC), 21))
            .steadyStateTrough();
        Patient heavy = new Patient(70, 200.0, 4, null, null, false, Population.MBC);
        double lowered = PkSimulator.profile(request("trastuzumab", "q3w", "bruno2005", heavy, 21)).steadyStateTrough();
        assertWithin(base, BRUNO_SS, TOLERANCE, "Bruno q3w steady-state trough (typical patient)");
        assertWithin(lowered, BRUNO_SS_ECD_SITES, TOLERANCE, "Bruno q3w steady-state trough, ECD 200 ng/mL, 4 sites (typical patient)");
        assertThat(lowered / base).isCloseTo(BRUNO_SS_ECD_SITES / BRUNO_SS, within(0.05));
    }

    static double halfLife(String drug, String model) {
        Drug d = PkFixture.data().drug(drug, null);
        return PkModel.terminalHalfLife(d.models().get(model).typical());
    }

    @Test
    void halfLivesOfTheFourDrugs() {
        assertWithin(halfLife("trastuzumab", "bruno2005"), HALF_LIFE_TRASTUZUMAB, TOLERANCE, "trastuzumab terminal half-life (Bruno)");
        assertWithin(halfLife("pertuzumab", "garg2014"), HALF_LIFE_PERTUZUMAB, TOLERANCE, "pertuzumab terminal half-life");
        assertWithin(halfLife("t_dm1", "lu2014"), HALF_LIFE_T_DM1, TOLERANCE, "T-DM1 terminal half-life");
    }

    /**
     * Not reached: with Yin 2021's intact-ADC parameters (CL 0.421, Vc 2.77 from the anchors; Q
     * 0.199 L/day and Vp 5.16 L from Yin's Table 1) the terminal half-life is 28.1 days, not the
     * label's 5.7. The slow phase holds only 6.5% of a dose's intercept; the label's figure
     * matches the apparent decline within a 3-week cycle instead (about 5.3 days by log-linear
     * regression from day 4 to day 21 after the first dose). The test asserts what the published
     * model gives.
     */
    @Test
    void tdxdHalfLifeIsTheModelsNotTheLabels() {
        double terminal = halfLife("t_dxd", "yin2021");
        assertThat(terminal).isCloseTo(28.1, within(0.1));
        assertThat(Math.abs(terminal - HALF_LIFE_T_DXD) / HALF_LIFE_T_DXD).isGreaterThan(TOLERANCE);
        Profile p = PkSimulator.profile(request("t_dxd", "q3w", null, Patient.typical(70, null), 21));
        double apparent = apparentHalfLife(p, 4, 21);
        assertWithin(apparent, HALF_LIFE_T_DXD, TOLERANCE, "T-DXd apparent half-life over days 4-21 of cycle 1");
    }

    /** ln 2 over minus the least-squares slope of ln C on t between two days. */
    static double apparentHalfLife(Profile p, double from, double to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < p.times().length; i++) {
            double t = p.times()[i];
            if (t >= from && t < to) {
                double y = Math.log(p.values()[i]);
                sx += t;
                sy += y;
                sxx += t * t;
                sxy += t * y;
                n++;
            }
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return Math.log(2) / -slope;
    }

    @Test
    void anchorsStillSayTheSame() throws IOException {
        Path anchors = PkFixture.shared().resolve("anchors/pharmacology.md");
        if (!Files.isRegularFile(anchors)) {
            System.out.println("PublishedFiguresTest: " + anchors + " not found; cross-check against the anchors skipped");
        }
        Assumptions.assumeTrue(Files.isRegularFile(anchors), "anchors not found at " + anchors + ": cross-check skipped");
        String text = Files.readString(anchors).replaceAll("\\s+", " ");
        for (String figure : List.of("30.9 (18.7-45.5)", "53.8 (28.7-85.8)", "28.7 (2.9-46.3)", "44.2 (1.8-85.4)", "72.6 (46-109)",
            "63.1 (11.7-107)", "IV 51.8 ug/mL, SC 600 mg 69.0 ug/mL", "from about 55 to about 37", "28.5 days", "~18 d", "3.94 d",
            "5.7 d (label)")) {
            assertThat(text).as("anchors quote %s", figure).contains(figure);
        }
    }
}
