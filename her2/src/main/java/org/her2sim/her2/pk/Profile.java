// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One patient's exposure over a regimen: the concentration-time curve, Cmax and trough per
 * cycle, and the steady state of the unmodified regimen.
 *
 * @param unit {@code ug/mL}, or {@code on/off} for the on/off exposure model (values 1 or 0)
 * @param times days from the first scheduled dose
 * @param values concentration (or exposure) at each time, taken before any dose due then
 * @param steadyStateTrough trough once the regimen, given without delays or skips, stops changing (NaN for on/off)
 * @param steadyStateCmax highest concentration in a steady-state cycle
 * @param steadyStateAverage mean concentration over a steady-state cycle
 * @param daysTo90 day of the first trough at 90% or more of the steady-state trough
 * @param halfLifeDays terminal half-life; with Michaelis-Menten elimination, linearised at the steady-state average
 */
public record Profile(String drug, String model, String regimen, String unit, double[] times, double[] values, List<CycleResult> cycles,
                      double steadyStateTrough, double steadyStateCmax, double steadyStateAverage, double daysTo90, double halfLifeDays) {

    /**
     * One cycle's exposure.
     *
     * @param cmax highest value in [start, end) within the simulated days
     * @param tmax day of cmax
     * @param trough value at the end of the cycle (before the next dose), NaN when beyond the simulated days or for on/off
     */
    public record CycleResult(int number, double start, double end, String dose, double amount, boolean skipped, double cmax, double tmax,
                              double trough) { }

    public Profile {
        cycles = List.copyOf(cycles);
    }

    /** True for the on/off exposure model. */
    public boolean onOff() {
        return unit.equals("on/off");
    }

    /** The trough at the end of a cycle (from 1), NaN when unknown. */
    public double trough(int cycle) {
        return cycle >= 1 && cycle <= cycles.size() ? cycles.get(cycle - 1).trough() : Double.NaN;
    }

    /** The value at the sample time closest to {@code t}. */
    public double valueAt(double t) {
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) {
                best = i;
            }
        }
        return values[best];
    }

    /** Days with exposure (on/off model): whole days in which the value is 1. */
    public int daysOn() {
        java.util.Set<Long> days = new java.util.HashSet<>();
        for (int i = 0; i < times.length; i++) {
            if (values[i] > 0) {
                days.add((long) Math.floor(times[i]));
            }
        }
        return days.size();
    }

    /** The content as nested maps and lists, for JSON; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drug", drug);
        m.put("model", model);
        m.put("regimen", regimen);
        m.put("unit", unit);
        List<Object> cs = new ArrayList<>();
        for (CycleResult c : cycles) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("cycle", c.number());
            x.put("start", c.start());
            x.put("dose", c.dose());
            x.put("amount_mg", nan(c.amount()));
            x.put("cmax", nan(c.cmax()));
            x.put("tmax", nan(c.tmax()));
            x.put("trough", nan(c.trough()));
            cs.add(x);
        }
        m.put("cycles", cs);
        m.put("steady_state_trough", nan(steadyStateTrough));
        m.put("steady_state_cmax", nan(steadyStateCmax));
        m.put("steady_state_average", nan(steadyStateAverage));
        m.put("days_to_90pct_steady_state", nan(daysTo90));
        m.put("half_life_days", nan(halfLifeDays));
        m.put("times", list(times));
        m.put("values", list(values));
        return m;
    }

    static Object nan(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    static List<Object> list(double[] v) {
        List<Object> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(nan(x));
        }
        return out;
    }
}
