// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a {@link PkRequest}: the profile of the typical patient (or given parameters), the steady
 * state of the unmodified regimen, and percentile bands over virtual patients.
 */
public final class PkSimulator {
    /** Samples per day in profiles up to {@link #FINE_DAYS} days (hourly); longer ones get 10,000 samples. */
    static final int PER_DAY = 24;
    static final double FINE_DAYS = 10_000.0 / PER_DAY;
    /** Steady state: the last two troughs differ by at most this fraction. */
    static final double CONVERGED = 1e-6;
    private static final int MAX_CYCLES = 2560;

    private PkSimulator() {
    }

    /** The typical patient's profile (covariates applied, no random effects). */
    public static Profile profile(PkRequest r) {
        return r.model().onOff() ? onOff(r) : profile(r, r.model().individual(r.patient()));
    }

    /** The profile for given parameters. */
    public static Profile profile(PkRequest r, PkParams p) {
        Schedule s = r.regimen().schedule(r.patient().weight(), r.days(), r.mods());
        double[] times = times(s, r.days());
        double[] c = PkModel.concentrations(p, s.doses(), times);
        Steady ss = steadyState(r.regimen(), p, r.patient().weight());
        double halfLife = p.linear() ? PkModel.terminalHalfLife(p) : PkModel.halfLifeAt(p, ss.average());
        return new Profile(r.drug().id(), r.model().id(), r.regimen().id(), "ug/mL", times, c, cycles(s, times, c, r.days(), true),
            ss.trough(), ss.cmax(), ss.average(), ss.daysTo90(), halfLife);
    }

    /**
     * Percentiles over {@code n} virtual patients ({@link VirtualPatients}).
     *
     * @throws PkInputException (field {@code samples}) for an on/off exposure model
     */
    public static Band band(PkRequest r, int n, long seed) {
        if (r.model().onOff()) {
            throw new PkInputException("samples", r.drug().id() + " has no PK parameters (on/off exposure): there is nothing to sample");
        }
        List<Profile> ps = new ArrayList<>();
        for (PkParams p : VirtualPatients.sample(r.model(), r.patient(), n, seed)) {
            ps.add(profile(r, p));
        }
        return Band.of(ps, seed);
    }

    private static Profile onOff(PkRequest r) {
        Schedule s = r.regimen().schedule(r.patient().weight(), r.days(), r.mods());
        double[] times = times(s, r.days());
        Set<Long> days = new HashSet<>();
        for (Dose d : s.doses()) {
            days.add((long) Math.floor(d.time()));
        }
        double[] v = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            v[i] = days.contains((long) Math.floor(times[i])) ? 1 : 0;
        }
        double nan = Double.NaN;
        return new Profile(r.drug().id(), r.model().id(), r.regimen().id(), "on/off", times, v, cycles(s, times, v, r.days(), false),
            nan, nan, nan, nan, nan);
    }

    /** Sample times: an even grid, every cycle boundary and every dose start and infusion end, up to {@code days}. */
    static double[] times(Schedule s, double days) {
        TreeSet<Double> t = new TreeSet<>();
        if (days <= FINE_DAYS) {
            for (int k = 0; k / (double) PER_DAY < days; k++) {
                t.add(k / (double) PER_DAY);
            }
        } else {
            for (int k = 0; k < 10_000; k++) {
                t.add(k * days / 10_000);
            }
        }
        t.add(days);
        for (Schedule.Cycle c : s.cycles()) {
            t.add(c.start());
            t.add(c.end());
        }
        for (Dose d : s.doses()) {
            t.add(d.time());
            t.add(d.time() + d.duration());
        }
        return t.headSet(days, true).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Profile.CycleResult> cycles(Schedule s, double[] times, double[] v, double days, boolean troughs) {
        List<Profile.CycleResult> out = new ArrayList<>();
        for (Schedule.Cycle c : s.cycles()) {
            double cmax = Double.NaN;
            double tmax = Double.NaN;
            for (int i = 0; i < times.length && times[i] < c.end(); i++) {
                if (times[i] >= c.start() && !(v[i] <= cmax)) {
                    cmax = v[i];
                    tmax = times[i];
                }
            }
            int end = Arrays.binarySearch(times, c.end());
            double trough = troughs && c.end() <= days && end >= 0 ? v[end] : Double.NaN;
            out.add(new Profile.CycleResult(c.number(), c.start(), c.end(), c.dose(), c.amount(), c.skipped(), cmax, tmax, trough));
        }
        return out;
    }

    /** The steady state of a regimen given without changes. */
    record Steady(double trough, double cmax, double average, double daysTo90) { }

    /**
     * Doses the regimen (open-ended, no delays or skips) for 40, 160, 640 or 2,560 cycles until
     * the last two troughs agree to {@value #CONVERGED}; the steady state is the last cycle.
     */
    static Steady steadyState(Regimen reg, PkParams p, double weight) {
        Regimen open = new Regimen(reg.id(), reg.drug(), reg.therapy(), reg.aliases(), reg.route(), reg.loadingDose(), reg.dose(),
            reg.unit(), reg.intervalDays(), reg.dosesPerDay(), reg.loadingInfusionMin(), reg.infusionMin(), 0, reg.model(), reg.at());
        double tau = reg.intervalDays();
        for (int n = 40; ; n *= 4) {
            Schedule s = open.schedule(weight, n * tau, Modifications.NONE);
            TreeSet<Double> set = new TreeSet<>();
            for (int k = 1; k <= n; k++) {
                set.add(k * tau);
            }
            double lastStart = (n - 1) * tau;
            for (int k = 0; k <= 200; k++) {
                set.add(lastStart + k * tau / 200);
            }
            for (Dose d : s.doses()) {
                if (d.time() >= lastStart) {
                    set.add(d.time() + d.duration());
                }
            }
            double[] times = set.stream().mapToDouble(Double::doubleValue).toArray();
            double[] c = PkModel.concentrations(p, s.doses(), times);
            double[] troughs = new double[n];
            for (int k = 1; k <= n; k++) {
                troughs[k - 1] = c[Arrays.binarySearch(times, k * tau)];
            }
            double last = troughs[n - 1];
            if (Math.abs(last - troughs[n - 2]) <= CONVERGED * Math.abs(last) || n >= MAX_CYCLES) {
                double max = 0;
                double area = 0;
                int from = Arrays.binarySearch(times, lastStart);
                for (int i = from; i < times.length; i++) {
                    max = Math.max(max, c[i]);
                    if (i > from) {
                        area += (times[i] - times[i - 1]) * (c[i] + c[i - 1]) / 2;
                    }
                }
                double daysTo90 = Double.NaN;
                for (int k = 0; k < n && Double.isNaN(daysTo90); k++) {
                    if (troughs[k] >= 0.9 * last) {
                        daysTo90 = (k + 1) * tau;
                    }
                }
                return new Steady(last, max, area / tau, daysTo90);
            }
        }
    }
}
