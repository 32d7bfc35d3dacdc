// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.calibrate;

import java.util.List;
import java.util.Locale;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.tumour.TumourParams;

/**
 * The Slamon 2001 comparison on a treatment-naive virtual cohort: taxane for six 3-weekly cycles,
 * with or without trastuzumab every 3 weeks until progression. Published (first-line metastatic):
 * time to progression 4.6 vs 7.4 months, objective response 32% vs 50%.
 * Run: {@code java -cp cli/target/her2sim.jar org.her2sim.cohort.calibrate.SlamonTrial [N] [SEED]}.
 */
public final class SlamonTrial {
    /** The control arm's regimens. */
    public static final List<String> CONTROL = List.of("docetaxel_q3w");
    /** The experimental arm's regimens. */
    public static final List<String> COMBINATION = List.of("docetaxel_q3w", "trastuzumab_q3w");

    private SlamonTrial() {
    }

    /** Trastuzumab alone (Vogel 2002, first-line monotherapy: objective response about 26%). */
    public static final List<String> MONOTHERAPY = List.of("trastuzumab_q3w");

    /** The arms (control, combination, then trastuzumab alone when {@code mono}) on the same virtual patients. */
    public static TrialArm.Outcome[] run(int n, long seed, int threads, boolean mono) throws java.io.IOException {
        return run(ModelRef.bundled(), n, seed, threads, mono);
    }

    /** As {@link #run(int, long, int, boolean)} on a given model: its catalog, PK and tumour data, all from one root. */
    public static TrialArm.Outcome[] run(ModelRef model, int n, long seed, int threads, boolean mono) throws java.io.IOException {
        Catalog catalog = model.catalog();
        TumourParams params = model.tumour();
        PkData pk = model.pk();
        PrevalenceModel prevalence = model.prevalence();
        Cohort cohort = new CohortSampler(prevalence).sample(n, seed, Setting.NAIVE, threads);
        double days = 24 * 365.25 / 12;
        TrialArm.Outcome control = TrialArm.run("taxane", catalog, params, pk, CONTROL, cohort, prevalence, days, seed, threads);
        TrialArm.Outcome combination = TrialArm.run("taxane + trastuzumab", catalog, params, pk, COMBINATION, cohort, prevalence, days, seed, threads);
        if (!mono) {
            return new TrialArm.Outcome[] {control, combination};
        }
        return new TrialArm.Outcome[] {control, combination,
            TrialArm.run("trastuzumab", catalog, params, pk, MONOTHERAPY, cohort, prevalence, days, seed, threads)};
    }

    /** Prints both arms next to the published figures. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long t0 = System.nanoTime();
        TrialArm.Outcome[] o = run(n, seed, 2, true);
        System.out.printf(Locale.ROOT, "%-22s %8s %10s %14s%n", "arm", "patients", "ORR", "median TTP");
        System.out.printf(Locale.ROOT, "%-22s %8d %9.0f%% %11.1f mo   (published: 32%%, 4.6 mo)%n", o[0].arm(), o[0].patients(), 100 * o[0].orr(), o[0].medianTtpMonths());
        System.out.printf(Locale.ROOT, "%-22s %8d %9.0f%% %11.1f mo   (published: 50%%, 7.4 mo)%n", o[1].arm(), o[1].patients(), 100 * o[1].orr(), o[1].medianTtpMonths());
        System.out.printf(Locale.ROOT, "%-22s %8d %9.0f%% %11.1f mo   (Vogel 2002: about 26%%)%n", o[2].arm(), o[2].patients(), 100 * o[2].orr(), o[2].medianTtpMonths());
        System.out.printf(Locale.ROOT, "ratio of median TTP %.2f (published 1.61); %.0f s%n", o[1].medianTtpMonths() / o[0].medianTtpMonths(), (System.nanoTime() - t0) / 1e9);
    }
}
