// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.PatientPk;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.engine.sim.SeedTree;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.DrugModel;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.PkInputException;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.tumour.CloneRates;
import org.her2sim.her2.tumour.Exposure;
import org.her2sim.her2.tumour.RegimenExposure;
import org.her2sim.her2.tumour.TreatResult;
import org.her2sim.her2.tumour.TumourParams;
import org.her2sim.her2.tumour.TumourSimulation;

/**
 * The work of {@code cohort run --regimen}: the tumours of one distinct profile's patients, each a
 * {@link TumourSimulation} with its own seed, derived from (run seed, patient id) and nothing else.
 * Cell-model rates come from one {@link CloneRates} per context in this JVM, shared by every
 * profile (its cell-model runs all use the run seed, so the rates do not depend on which profile
 * asked first). {@code CloneRates} is not thread-safe: its use is serialised on it.
 *
 * <p>Therapies given as dosing regimens ({@code pk/regimens.yaml}) act through each patient's own
 * pharmacokinetics: the PK model's parameters for the patient's weight, serum ECD and metastatic
 * sites, times {@code exp(eta)} with {@code eta = omega z} from the patient's PK scores
 * ({@link PatientPk#z()}; omega from the model's coefficient of variation). The same score drives
 * a parameter in every drug model, so a fast antibody clearer clears every antibody fast (an
 * assumption: IgG1 clearance is largely shared, FcRn recycling and body size). Other therapies act
 * continuously from day 0.
 *
 * <p>Each patient's tumour kinetics vary ({@link TumourParams#speed}, tumour.yaml's
 * {@code doubling_cv}): the factor is drawn from the patient's tumour seed, as the virtual trials
 * of {@code cohort.calibrate} draw it, so the calibrated model is the one cohorts run.
 */
public final class TumourWork implements Work<TumourInput, TumourOutcome> {
    private static final long serialVersionUID = 1L;
    /** Branch of the seed tree for patients' tumours. */
    static final long BRANCH = 0x74756D6F75724C00L;
    /** Branch of a tumour seed for its kinetics factor. */
    static final long SPEED_BRANCH = 1;

    private final ModelRef model;
    private final List<String> regimen;
    private final long seed;
    private final double days;
    private final int engineThreads;
    private final List<String> dosing;
    private transient TumourParams params;
    private transient Map<String, CloneRates> rates;
    private transient AtomicLong calls;
    private transient Set<String> dosedTherapies;
    private transient String troughTherapy;

    /**
     * @param regimen therapy ids, each given continuously from day 0
     * @param days how long each tumour is followed
     * @param engineThreads engine threads of the cell-model runs
     */
    public TumourWork(ModelRef model, List<String> regimen, long seed, double days, int engineThreads) {
        this(model, regimen, List.of(), seed, days, engineThreads);
    }

    /**
     * @param regimen therapy ids, those of {@code dosing} included
     * @param dosing dosing regimen ids ({@code pk/regimens.yaml}); the other therapies are continuous
     */
    public TumourWork(ModelRef model, List<String> regimen, List<String> dosing, long seed, double days, int engineThreads) {
        this.model = model;
        this.regimen = List.copyOf(regimen);
        this.dosing = List.copyOf(dosing);
        this.seed = seed;
        this.days = days;
        this.engineThreads = engineThreads;
    }

    /**
     * A patient's exposure: dosed therapies through the patient's PK, the others continuous.
     *
     * @throws PkInputException for covariates outside the PK models' ranges
     */
    public static Exposure exposure(PkData pk, List<String> dosing, PatientPk p, double days, TumourParams params) {
        if (dosing.isEmpty()) {
            return Exposure.continuous(Double.POSITIVE_INFINITY);
        }
        return exposure(regimenExposure(pk, dosing, p, days, params), therapies(pk, dosing));
    }

    /** The dosed therapies through their PK, every other therapy continuous from day 0. */
    private static Exposure exposure(RegimenExposure e, Set<String> dosed) {
        return (therapy, day) -> dosed.contains(therapy) ? e.effect(therapy, day) : day >= 0 ? 1 : 0;
    }

    private static Set<String> therapies(PkData pk, List<String> dosing) {
        Set<String> dosed = new HashSet<>();
        for (String id : dosing) {
            dosed.add(pk.regimens().get(id).therapy());
        }
        return dosed;
    }

    /** The dosed therapies' exposure for a patient. */
    static RegimenExposure regimenExposure(PkData pk, List<String> dosing, PatientPk p, double days, TumourParams params) {
        List<Regimen> regimens = new ArrayList<>();
        for (String id : dosing) {
            regimens.add(pk.regimens().get(id));
        }
        return RegimenExposure.of(pk, regimens, patient(p), m -> eta(m, p.z()), days, Modifications.NONE, params);
    }

    /**
     * The therapy whose cycle-1 trough is each patient's exposure metric: the first dosing regimen
     * whose drug has a concentration model (an antibody or ADC), or null when none has.
     */
    public static String troughTherapy(PkData pk, List<String> dosing) {
        for (String id : dosing) {
            Regimen r = pk.regimens().get(id);
            if (!pk.model(pk.drugs().get(r.drug()), r, null, null).onOff()) {
                return r.therapy();
            }
        }
        return null;
    }

    /**
     * The PK models' patient: metastatic disease, liver metastases and albumin unknown (reference).
     *
     * @throws PkInputException for covariates outside the PK models' ranges
     */
    public static Patient patient(PatientPk p) {
        return new Patient(p.weightKg(), p.serumEcdNgMl(), p.metastaticSites(), null, null, false, Population.MBC);
    }

    /** Random effects of a drug model for PK scores z: {@code eta = sqrt(ln(1 + CV^2)) z} per varying parameter. */
    static Map<String, Double> eta(DrugModel m, List<Double> z) {
        if (z.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> eta = new HashMap<>();
        for (Map.Entry<String, Double> v : m.variability().entrySet()) {
            int k = org.her2sim.cohort.virtual.Patient.PK_PARAMETERS.indexOf(v.getKey());
            if (k >= 0) {
                eta.put(v.getKey(), Math.sqrt(Math.log1p(v.getValue() * v.getValue())) * z.get(k));
            }
        }
        return eta;
    }

    /**
     * A patient's tumour kinetics factor ({@link TumourParams#speed}), from its own stream (the
     * tumour seed's {@value #SPEED_BRANCH} child), so the tumour's own draws are untouched.
     */
    static double speed(TumourParams params, long tumourSeed) {
        return params.speed(SeedTree.trajectory(SeedTree.child(tumourSeed, SPEED_BRANCH), 0).nextGaussian());
    }

    /** The tumour seed of a patient: a hash of (run seed, patient id). */
    public static long patientSeed(long seed, String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return SeedTree.child(SeedTree.child(seed, BRANCH), h);
    }

    @Override
    public TumourOutcome apply(WorkItem<TumourInput> item) throws IOException {
        ProfileKey key = item.input().key();
        CloneRates cr = rates(key);
        Catalog catalog = model.catalog();
        List<TumourOutcome.Patient> out = new ArrayList<>();
        List<String> ids = item.input().patients();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Exposure exposure = Exposure.continuous(Double.POSITIVE_INFINITY);
            double trough = Double.NaN;
            if (!dosing.isEmpty()) {
                RegimenExposure re = regimenExposure(model.pk(), dosing, item.input().pk().get(i), days, params);
                exposure = exposure(re, dosedTherapies);
                trough = troughTherapy == null ? Double.NaN : re.cycleOneTrough(troughTherapy);
            }
            TreatResult r;
            long tumourSeed = patientSeed(seed, id);
            synchronized (cr) {
                r = TumourSimulation.run(catalog, params, cr, id, key.mechanisms(), key.contextFixes(), regimen, exposure, days,
                    tumourSeed, speed(params, tumourSeed));
            }
            out.add(new TumourOutcome.Patient(id, r.bestResponse().name(), r.progressionDay(), largest(r.atProgression()), trough));
        }
        return new TumourOutcome(out);
    }

    private synchronized CloneRates rates(ProfileKey key) throws IOException {
        if (rates == null) {
            params = model.tumour();
            rates = new HashMap<>();
            calls = new AtomicLong();
            if (!dosing.isEmpty()) {
                dosedTherapies = therapies(model.pk(), dosing);
                troughTherapy = troughTherapy(model.pk(), dosing);
            }
        }
        calls.incrementAndGet();
        String context = String.join(",", key.context());
        CloneRates cr = rates.get(context);
        if (cr == null) {
            cr = new CloneRates(model.catalog(), params, key.contextFixes(), regimen, seed, engineThreads);
            rates.put(context, cr);
        }
        return cr;
    }

    /** Items computed in this JVM. */
    public synchronized long calls() {
        return calls == null ? 0 : calls.get();
    }

    private static String largest(Map<String, Double> shares) {
        String best = "";
        double max = -1;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
