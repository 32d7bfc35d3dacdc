// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.PatientProfiles;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.tumour.CloneRates;
import org.her2sim.her2.tumour.Recist;
import org.her2sim.her2.tumour.RegimenExposure;
import org.her2sim.her2.tumour.TreatResult;
import org.her2sim.her2.tumour.TumourParams;
import org.her2sim.her2.tumour.TumourSimulation;

/**
 * One arm of a virtual trial: every patient of a cohort treated with a set of dosing regimens,
 * giving the objective response rate (CR + PR) and the Kaplan-Meier median time to progression.
 * Each patient's tumour kinetics vary: its untreated doubling time is the model's divided by a
 * log-normal factor ({@link TumourParams#speed}, tumour.yaml's {@code doubling_cv}: Ryu 2014, 162 +/-
 * 60 days, a CV of 0.37).
 */
public final class TrialArm {
    /** The arm's outcome. */
    public record Outcome(String arm, int patients, int responders, double medianTtpMonths, int progressed, double[] ttpDays) {
        /** The objective response rate. */
        public double orr() {
            return patients == 0 ? 0 : responders / (double) patients;
        }
    }

    private TrialArm() {
    }

    /** Runs the arm on every patient of the cohort. */
    public static Outcome run(String arm, Catalog catalog, TumourParams params, PkData pk, List<String> regimenIds, Cohort cohort,
                              PrevalenceModel prevalence, double days, long seed, int threads) throws IOException {
        List<Regimen> regimens = new ArrayList<>();
        List<String> therapies = new ArrayList<>();
        for (String id : regimenIds) {
            Regimen r = pk.regimens().get(id);
            if (r == null) {
                throw new org.her2sim.engine.error.ModelException(SourceLocation.of("regimen"), "unknown regimen '" + id + "'");
            }
            regimens.add(r);
            therapies.add(r.therapy());
        }
        CloneRates rates = new CloneRates(catalog, params, List.of(), therapies, seed, threads);
        int responders = 0;
        int progressed = 0;
        double[] ttp = new double[cohort.patients().size()];
        int i = 0;
        for (org.her2sim.cohort.virtual.Patient p : cohort.patients()) {
            Profile.Resolved prof = PatientProfiles.of(p, cohort, prevalence, "cohort").profile().resolve(catalog, true);
            org.her2sim.her2.pk.Patient pkPatient = new org.her2sim.her2.pk.Patient(p.weightKg(), p.serumEcdNgMl(), p.metastaticSites(),
                null, null, false, Population.MBC);
            RegimenExposure exposure = RegimenExposure.of(pk, regimens, pkPatient, days, Modifications.NONE, params);
            double speed = params.speed(RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 1_000_003L + p.index()).nextGaussian());
            TreatResult r = TumourSimulation.run(catalog, params, rates, p.id(), prof.mechanisms(), prof.contextFixes(), therapies, exposure,
                days, seed * 7919L + p.index(), speed);
            if (r.bestResponse() == Recist.Category.CR || r.bestResponse() == Recist.Category.PR) {
                responders++;
            }
            if (r.progressed()) {
                progressed++;
            }
            ttp[i++] = r.progressed() ? r.progressionDay() : Double.POSITIVE_INFINITY;
        }
        return new Outcome(arm, ttp.length, responders, medianMonths(ttp), progressed, ttp);
    }

    /** Kaplan-Meier median with censoring at the end of the run: here every censored time is the last, so the median is the order statistic. */
    static double medianMonths(double[] ttp) {
        double[] s = ttp.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        // survival drops below 0.5 at the first time t with (events <= t) > n/2
        int k = n / 2;
        double t = s[k];
        return Double.isInfinite(t) ? Double.POSITIVE_INFINITY : t / (365.25 / 12);
    }
}
