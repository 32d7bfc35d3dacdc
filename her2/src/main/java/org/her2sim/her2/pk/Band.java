// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percentiles (5th, 50th, 95th) of a virtual population's profiles, at each time, per cycle and
 * at steady state. Each entry is {@code {p5, p50, p95}}.
 */
public record Band(int samples, long seed, double[] times, double[][] values, List<double[]> cmax, List<double[]> troughs,
                   double[] steadyStateTrough, double[] halfLifeDays) {
    /** The percentiles reported. */
    public static final double[] LEVELS = {5, 50, 95};

    public Band {
        cmax = List.copyOf(cmax);
        troughs = List.copyOf(troughs);
    }

    /** Builds the band from profiles over the same schedule. */
    static Band of(List<Profile> ps, long seed) {
        Profile first = ps.get(0);
        int n = ps.size();
        double[][] values = new double[first.times().length][];
        double[] x = new double[n];
        for (int t = 0; t < values.length; t++) {
            for (int i = 0; i < n; i++) {
                x[i] = ps.get(i).values()[t];
            }
            values[t] = levels(x);
        }
        List<double[]> cmax = new ArrayList<>();
        List<double[]> troughs = new ArrayList<>();
        for (int c = 0; c < first.cycles().size(); c++) {
            for (int i = 0; i < n; i++) {
                x[i] = ps.get(i).cycles().get(c).cmax();
            }
            cmax.add(levels(x));
            for (int i = 0; i < n; i++) {
                x[i] = ps.get(i).cycles().get(c).trough();
            }
            troughs.add(levels(x));
        }
        for (int i = 0; i < n; i++) {
            x[i] = ps.get(i).steadyStateTrough();
        }
        double[] ss = levels(x);
        for (int i = 0; i < n; i++) {
            x[i] = ps.get(i).halfLifeDays();
        }
        return new Band(n, seed, first.times(), values, cmax, troughs, ss, levels(x));
    }

    /** The {@link #LEVELS} percentiles of x (linear interpolation between order statistics); NaN if any value is NaN. */
    public static double[] levels(double[] x) {
        double[] out = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) {
            out[k] = percentile(x, LEVELS[k]);
        }
        return out;
    }

    /** The p-th percentile (0 to 100), interpolating linearly between order statistics. */
    public static double percentile(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        if (s.length == 0 || Double.isNaN(s[s.length - 1])) {
            return Double.NaN;
        }
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** The content as nested maps and lists, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("seed", seed);
        m.put("percentiles", List.of(5, 50, 95));
        m.put("steady_state_trough", Profile.list(steadyStateTrough));
        m.put("half_life_days", Profile.list(halfLifeDays));
        List<Object> cycles = new ArrayList<>();
        for (int c = 0; c < troughs.size(); c++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cycle", c + 1);
            e.put("cmax", Profile.list(cmax.get(c)));
            e.put("trough", Profile.list(troughs.get(c)));
            cycles.add(e);
        }
        m.put("cycles", cycles);
        List<Object> p5 = new ArrayList<>();
        List<Object> p50 = new ArrayList<>();
        List<Object> p95 = new ArrayList<>();
        for (double[] v : values) {
            p5.add(Profile.nan(v[0]));
            p50.add(Profile.nan(v[1]));
            p95.add(Profile.nan(v[2]));
        }
        m.put("p5", p5);
        m.put("p50", p50);
        m.put("p95", p95);
        return m;
    }
}
