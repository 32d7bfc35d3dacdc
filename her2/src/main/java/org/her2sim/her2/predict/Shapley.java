// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;

/**
 * Shapley values of a game of {@code n} players, each coalition a bit mask (bit {@code i}: player
 * {@code i} is in it). Player {@code i}'s share is the average, over all orders in which the
 * players can join, of what {@code i} adds when it joins: {@code phi_i = sum over S without i of
 * |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S))}. The shares sum to {@code v(all) - v(none)}
 * (efficiency), players who are interchangeable get equal shares (symmetry), and a player who
 * never changes the value gets 0 (dummy).
 *
 * <p>{@link #exact} sums over all {@code 2^n} coalitions. {@link #sampled} averages the marginal
 * contributions over a fixed number of random orders (permutations) drawn from a
 * {@link SplittableRandom} with the given seed, so the same seed gives the same orders; the shares
 * still sum exactly to the total, since in every order the marginals add up to it. The orders are
 * drawn when the plan is made, so {@link #coalitions()} tells beforehand which coalitions must be
 * valued (a caller can count its simulations before running them).
 *
 * <p>Standard errors: for sampled shares, that of a mean over the orders ({@code sd / sqrt(K)});
 * when the values themselves carry an error (given per coalition, the errors taken as independent),
 * each share, a weighted sum of values, also gets {@code sqrt(sum c^2 se^2)} over its weights
 * {@code c}; both parts are added in quadrature.
 */
public final class Shapley {
    /** The most players {@link #exact} accepts (2^20 coalitions). */
    public static final int EXACT_LIMIT = 20;
    /** The most players a bit mask holds. */
    public static final int PLAYER_LIMIT = 62;

    private final int n;
    private final int[][] orders;
    private final long[] coalitions;

    private Shapley(int n, int[][] orders, long[] coalitions) {
        this.n = n;
        this.orders = orders;
        this.coalitions = coalitions;
    }

    /** Exact shares over all {@code 2^n} coalitions. */
    public static Shapley exact(int n) {
        if (n < 0 || n > EXACT_LIMIT) {
            throw new IllegalArgumentException("exact Shapley values need 0 to " + EXACT_LIMIT + " players, not " + n);
        }
        long[] all = new long[1 << n];
        for (int m = 0; m < all.length; m++) {
            all[m] = m;
        }
        return new Shapley(n, null, all);
    }

    /**
     * Shares estimated over {@code permutations} random orders.
     *
     * @param seed the seed of the orders
     */
    public static Shapley sampled(int n, int permutations, long seed) {
        if (n < 0 || n > PLAYER_LIMIT) {
            throw new IllegalArgumentException("Shapley values need 0 to " + PLAYER_LIMIT + " players, not " + n);
        }
        if (permutations < 2) {
            throw new IllegalArgumentException("sampled Shapley values need at least 2 permutations, not " + permutations);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] orders = new int[permutations][];
        TreeSet<Long> needed = new TreeSet<>();
        for (int k = 0; k < permutations; k++) {
            int[] o = new int[n];
            for (int i = 0; i < n; i++) {
                o[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
            orders[k] = o;
            long mask = 0;
            needed.add(mask);
            for (int p : o) {
                mask |= 1L << p;
                needed.add(mask);
            }
        }
        return new Shapley(n, orders, needed.stream().mapToLong(Long::longValue).toArray());
    }

    /** Exact when {@code n <= maxExact}, else {@link #sampled} over {@code permutations} orders. */
    public static Shapley of(int n, int maxExact, int permutations, long seed) {
        return n <= maxExact ? exact(n) : sampled(n, permutations, seed);
    }

    /** The number of players. */
    public int players() {
        return n;
    }

    /** Whether the shares are exact (all coalitions) rather than sampled. */
    public boolean isExact() {
        return orders == null;
    }

    /** The number of random orders (0 when exact). */
    public int permutations() {
        return orders == null ? 0 : orders.length;
    }

    /** The coalitions whose value the shares need, ascending, each once; always the empty and the full one. */
    public long[] coalitions() {
        return coalitions.clone();
    }

    /** The coalition of all players. */
    public long all() {
        return n == 0 ? 0 : -1L >>> (64 - n);
    }

    /**
     * The shares, each with its standard error, and the total they sum to.
     *
     * @param shares per player
     * @param se per player: of the sampled orders and of the values' errors (see the class)
     * @param total {@code v(all) - v(none)}
     */
    public record Result(double[] shares, double[] se, double total) { }

    /** The shares of the game {@code v}, whose values carry no error. */
    public Result shares(LongToDoubleFunction v) {
        return shares(v, m -> 0);
    }

    /**
     * The shares of the game {@code v}; each coalition of {@link #coalitions()} is valued once, in
     * that order.
     *
     * @param valueSe the standard error of each coalition's value (taken as independent)
     */
    public Result shares(LongToDoubleFunction v, LongToDoubleFunction valueSe) {
        Map<Long, double[]> values = new HashMap<>();
        for (long m : coalitions) {
            values.put(m, new double[] {v.applyAsDouble(m), valueSe.applyAsDouble(m)});
        }
        double[] shares = new double[n];
        double[] se = new double[n];
        if (orders == null) {
            for (int i = 0; i < n; i++) {
                long bit = 1L << i;
                double var = 0;
                for (long s : coalitions) {
                    if ((s & bit) == 0) {
                        // every coalition is s or s + i for exactly one s: its weight in the share is -w or +w
                        double w = weight(n, Long.bitCount(s));
                        double[] without = values.get(s);
                        double[] with = values.get(s | bit);
                        shares[i] += w * (with[0] - without[0]);
                        var += w * w * (with[1] * with[1] + without[1] * without[1]);
                    }
                }
                se[i] = Math.sqrt(var);
            }
        } else {
            sampled(values, shares, se);
        }
        return new Result(shares, se, values.get(all())[0] - values.get(0L)[0]);
    }

    private void sampled(Map<Long, double[]> values, double[] shares, double[] se) {
        int k = orders.length;
        double[] sumSq = new double[n];
        List<Map<Long, Double>> weights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            weights.add(new HashMap<>());
        }
        for (int[] o : orders) {
            long s = 0;
            for (int p : o) {
                long t = s | 1L << p;
                double d = values.get(t)[0] - values.get(s)[0];
                shares[p] += d;
                sumSq[p] += d * d;
                weights.get(p).merge(t, 1.0 / k, Double::sum);
                weights.get(p).merge(s, -1.0 / k, Double::sum);
                s = t;
            }
        }
        for (int i = 0; i < n; i++) {
            double orderVar = Math.max(0, (sumSq[i] - shares[i] * shares[i] / k) / (k - 1)) / k;
            shares[i] /= k;
            double valueVar = 0;
            for (Map.Entry<Long, Double> e : weights.get(i).entrySet()) {
                double c = e.getValue() * values.get(e.getKey())[1];
                valueVar += c * c;
            }
            se[i] = Math.sqrt(orderVar + valueVar);
        }
    }

    /** {@code s! (n - s - 1)! / n!}, the weight of a coalition of {@code s} players in a share. */
    static double weight(int n, int s) {
        // 1 / (n * C(n - 1, s)), C built up as a product so that it stays exact for small n
        double c = 1;
        for (int j = 1; j <= s; j++) {
            c = c * (n - j) / j;
        }
        return 1 / (n * c);
    }
}
