// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stationary-distribution estimates of individual trajectories, and their clusters.
 *
 * <p>Clustering follows MaBoSS: the similarity of two estimates p and q is
 * {@code (sum of p over shared states) * (sum of q over shared states)}; each trajectory not yet
 * clustered starts a cluster, which then absorbs, until nothing changes, every unclustered
 * trajectory at least {@code threshold} similar to one of its members. A cluster's distribution
 * is the mean of its members' with the standard error {@code sqrt((E[p^2] - E[p]^2) / (size - 1))}.
 *
 * @param trajectories one estimate per recorded trajectory, in trajectory order
 * @param clusters the clusters, in order of their first member
 */
public record StatDist(List<Estimate> trajectories, List<Cluster> clusters) {

    /** One trajectory's estimate: states (sorted labels) and their time fractions. */
    public record Estimate(long trajectory, String[] states, double[] proba) {
        double get(String s) {
            int i = Arrays.binarySearch(states, s);
            return i >= 0 ? proba[i] : -1;
        }
    }

    /** A cluster of similar estimates and its mean distribution. */
    public record Cluster(List<Estimate> members, String[] states, double[] proba, double[] error) { }

    /** Builds estimates from an accumulator and clusters them. */
    public static StatDist of(StatDistAccumulator acc, java.util.function.IntFunction<String> label, double threshold) {
        List<Estimate> est = new ArrayList<>();
        TreeMap<Long, int[]> ids = acc.ids();
        for (Map.Entry<Long, int[]> e : ids.entrySet()) {
            int[] id = e.getValue();
            double[] p = acc.probabilities().get(e.getKey());
            TreeMap<String, Double> sorted = new TreeMap<>();
            for (int k = 0; k < id.length; k++) {
                sorted.merge(label.apply(id[k]), p[k], Double::sum);
            }
            est.add(new Estimate(e.getKey(), sorted.keySet().toArray(new String[0]),
                sorted.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new StatDist(est, cluster(est, threshold));
    }

    static double similarity(Estimate a, Estimate b) {
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.states().length; i++) {
            double q = b.get(a.states()[i]);
            if (q >= 0) {
                sa += a.proba()[i];
                sb += q;
            }
        }
        return sa * sb;
    }

    private static List<Cluster> cluster(List<Estimate> est, double threshold) {
        int n = est.size();
        boolean[] done = new boolean[n];
        List<Cluster> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            members.add(i);
            done[i] = true;
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int j = 0; j < n; j++) {
                    if (done[j]) {
                        continue;
                    }
                    for (int mIdx = 0; mIdx < members.size(); mIdx++) {
                        if (similarity(est.get(members.get(mIdx)), est.get(j)) >= threshold) {
                            members.add(j);
                            done[j] = true;
                            grew = true;
                            break;
                        }
                    }
                }
            }
            Map<String, double[]> sums = new TreeMap<>();
            List<Estimate> ms = new ArrayList<>();
            for (int mIdx : members) {
                Estimate e = est.get(mIdx);
                ms.add(e);
                for (int k = 0; k < e.states().length; k++) {
                    double[] s = sums.computeIfAbsent(e.states()[k], x -> new double[2]);
                    s[0] += e.proba()[k];
                    s[1] += e.proba()[k] * e.proba()[k];
                }
            }
            int size = members.size();
            Map<String, double[]> ordered = new LinkedHashMap<>(sums);
            String[] st = ordered.keySet().toArray(new String[0]);
            double[] p = new double[st.length];
            double[] err = new double[st.length];
            for (int k = 0; k < st.length; k++) {
                double[] s = ordered.get(st[k]);
                p[k] = s[0] / size;
                double vr = size > 1 ? (s[1] / size - p[k] * p[k]) / (size - 1) : 0;
                err[k] = vr >= Double.MIN_NORMAL * Double.MIN_NORMAL && size > 1 ? Math.sqrt(vr) : 0;
            }
            out.add(new Cluster(ms, st, p, err));
        }
        return out;
    }
}
