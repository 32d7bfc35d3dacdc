// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkInputException;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.pk.Regimen;
import org.her2sim.her2.pk.RegimenWords;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.tumour.Exposure;
import org.her2sim.her2.tumour.RegimenExposure;

/**
 * A tumour run, checked: made only by {@link #of}, which reads an {@link Input} against the model
 * once. The defaults and limits of {@code her2sim treat} and {@code POST /api/treat} are these
 * (docs/architecture.md lists them); the web may lower {@link #MAX_MONTHS} and asks
 * {@value #WEB_MONTHS} months by default, to keep a shared server's jobs short.
 *
 * @param profile the profile, resolved against the catalog
 * @param regimen the regimen's words: therapy ids, and the dosing regimens among them
 * @param dosed the dosing regimens
 * @param patient the PK covariates: weight, serum ECD, metastatic sites; a metastatic patient (defaults: {@link Patient})
 * @param mods dose delays and skipped cycles of the dosing regimens
 * @param dosedExposure the dosing regimens' daily effects over the run (the PK model's part)
 */
public record TreatRequest(Profile.Resolved profile, RegimenWords regimen, List<Regimen> dosed, Patient patient, Modifications mods,
                           Exposure dosedExposure, List<String> delays, List<String> skips, long months, long seed, boolean lenient) {
    /** Longest run, months. */
    public static final long MAX_MONTHS = 120;
    /** Months of {@code her2sim treat} when not given. */
    public static final long DEFAULT_MONTHS = 24;
    /** Months of {@code POST /api/treat} when not given (at most the server's limit). */
    public static final long WEB_MONTHS = 12;

    /**
     * What a face was asked, before any check; null means the default.
     *
     * @param regimen words: dosing regimens of {@code pk/regimens.yaml}, or therapies given continuously
     * @param ecd serum HER2 ECD, ng/mL; null takes the PK model's reference
     * @param delays {@code CYCLE:DAYS}
     * @param skips cycle numbers
     * @param months null takes {@link #DEFAULT_MONTHS}
     * @param seed null takes the model's {@code seed_pseudorandom}
     */
    public record Input(Profile profile, List<String> regimen, Double weight, Double ecd, Long metSites, List<String> delays,
                        List<String> skips, Long months, Long seed, boolean lenient) {
        public Input {
            regimen = List.copyOf(regimen);
            delays = List.copyOf(delays);
            skips = List.copyOf(skips);
        }
    }

    public TreatRequest {
        dosed = List.copyOf(dosed);
        delays = List.copyOf(delays);
        skips = List.copyOf(skips);
    }

    /** Simulated days. */
    public double days() {
        return days(months);
    }

    static double days(long months) {
        return months * 365.25 / 12;
    }

    /** Each dosing regimen's dose days within the run (one entry per day with a dose), by regimen id, for the burden plot's dose marks. */
    public Map<String, List<Double>> doseDays() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Regimen r : dosed) {
            TreeSet<Double> days = new TreeSet<>();
            r.schedule(patient.weight(), days(), mods).doses().forEach(d -> days.add(Math.floor(d.time())));
            out.put(r.id(), List.copyOf(days.headSet(days(), true)));
        }
        return out;
    }

    /** Therapy ids given continuously from day 0 (those without a dosing regimen). */
    public List<String> continuous() {
        return regimen.therapies().stream().filter(t -> dosed.stream().noneMatch(r -> r.therapy().equals(t))).toList();
    }

    /** Each therapy's effect on a day: continuous ones 1 from day 0, dosed ones through the PK model. */
    public Exposure exposure() {
        List<String> continuous = continuous();
        return (therapy, day) -> continuous.contains(therapy) ? (day >= 0 ? 1 : 0) : dosedExposure.effect(therapy, day);
    }

    /**
     * Checks what was asked against the model.
     *
     * @throws RequestException naming the field of a bad value
     * @throws ModelException for a profile entry the catalog does not know (located in the profile)
     */
    public static TreatRequest of(Her2Model model, Input in) {
        RegimenWords words;
        try {
            words = RegimenWords.resolve(model.catalog(), model.pk(), in.regimen(), "regimen");
        } catch (ModelException e) {
            throw RequestException.of("regimen", e);
        }
        if (words.therapies().isEmpty()) {
            throw new RequestException("regimen", "needs at least one therapy (id, name or alias) or dosing regimen (e.g. trastuzumab_q3w)");
        }
        List<Regimen> dosed = words.dosing().stream().map(id -> model.pk().regimens().get(id)).toList();
        long months = in.months() == null ? DEFAULT_MONTHS : in.months();
        if (months < 1 || months > MAX_MONTHS) {
            throw new RequestException("months", "must be between 1 and " + MAX_MONTHS + ", not " + months);
        }
        long sites = in.metSites() == null ? Patient.defaultSites(Population.MBC) : in.metSites();
        if (sites < 0 || sites > 20) {
            throw new RequestException("metSites", "must be between 0 and 20, not " + sites);
        }
        double days = days(months);
        try {
            Patient patient = new Patient(in.weight() == null ? Patient.DEFAULT_WEIGHT : in.weight(), in.ecd(), (int) sites, null, null, false,
                Population.MBC);
            Modifications mods = Modifications.parse(in.delays(), in.skips());
            for (Regimen r : dosed) {
                r.schedule(patient.weight(), days, mods);   // a delay or skip beyond a fixed regimen is refused
            }
            if (!mods.equals(Modifications.NONE) && dosed.isEmpty()) {
                throw new RequestException(in.delays().isEmpty() ? "skips" : "delays",
                    "delays and skips apply to dosing regimens (e.g. trastuzumab_q3w), and the regimen has none");
            }
            Exposure dosedExposure = RegimenExposure.of(model.pk(), dosed, patient, days, mods, model.tumour());
            long seed = in.seed() != null ? in.seed() : model.catalog().config().seed();
            Profile.Resolved profile = in.profile().resolve(model.catalog(), in.lenient());
            return new TreatRequest(profile, words, dosed, patient, mods, dosedExposure, in.delays(), in.skips(), months, seed, in.lenient());
        } catch (PkInputException e) {
            throw RequestException.of(e);
        }
    }
}
