// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates probability trajectories over time windows, as MaBoSS's {@code _probtraj.csv}
 * reports them.
 *
 * <p>A trajectory's time in a state is split over the windows it crosses. Windows it covers
 * whole are counted once per run of windows (a difference count), so a trajectory costs work in
 * proportion to its transitions, not to the number of windows. Partly covered windows collect
 * the trajectory's time per state (summed over its visits) before the square for the standard
 * error is taken, as MaBoSS does.
 *
 * <table>
 *   <caption>Which window a time belongs to (tick 0.5)</caption>
 *   <tr><th>t</th><th>window</th></tr>
 *   <tr><td>0.0 to 0.4999</td><td>0</td></tr>
 *   <tr><td>0.5 exactly</td><td>1</td></tr>
 *   <tr><td>at or past {@code windows * tick}</td><td>none (ignored, as MaBoSS ignores time after its last window)</td></tr>
 * </table>
 * Not thread-safe; one per worker.
 */
public final class ProbTrajAccumulator implements Accumulator {
    static final double Q = 2147483648.0; // time unit: tick / 2^31

    private final double tick;
    private final WindowGrid grid;
    private final double scale;
    private final int windows;
    private final int refCount;
    private final StateTable states;
    private final WindowCells stateCells;
    private final WindowCells hdCells;
    private final long[] thSum;
    private final Int128Array thSquare;
    private final long[] thRange;
    private final Int128Array thRangeSquare;
    private long trajectories;

    private int bufWindow = -1;
    private int bufN;
    private int[] bufId = new int[8];
    private double[] bufTime = new double[8];
    private double bufTh;
    private final double[] bufHd;

    /**
     * @param tick window width
     * @param windows number of windows
     * @param refCount number of reference nodes
     * @param states the worker's state table
     */
    public ProbTrajAccumulator(double tick, int windows, int refCount, StateTable states) {
        this.tick = tick;
        this.grid = new WindowGrid(tick, windows);
        this.scale = Q / tick;
        this.windows = windows;
        this.refCount = refCount;
        this.states = states;
        this.stateCells = new WindowCells(windows);
        this.hdCells = new WindowCells(windows);
        this.thSum = new long[windows];
        this.thSquare = new Int128Array(windows);
        this.thRange = new long[windows + 1];
        this.thRangeSquare = new Int128Array(windows + 1);
        this.bufHd = new double[refCount + 1];
    }

    @Override
    public void begin(long trajectory) {
        bufWindow = -1;
        bufN = 0;
    }

    @Override
    public void segment(double t0, double t1, int stateId, int hd, double th) {
        if (!(t1 > t0) || !grid.split(t0, t1)) {
            return;
        }
        WindowGrid g = grid;
        partial(g.first, stateId, hd, g.firstPart, th);
        if (g.wholeTo > g.wholeFrom) {
            full(g.wholeFrom, g.wholeTo, stateId, hd, th);
        }
        if (g.last >= 0) {
            partial(g.last, stateId, hd, g.lastPart, th);
        }
    }

    private void partial(int w, int id, int hd, double s, double th) {
        if (w != bufWindow) {
            flush();
            bufWindow = w;
        }
        int k = 0;
        while (k < bufN && bufId[k] != id) {
            k++;
        }
        if (k == bufN) {
            if (bufN == bufId.length) {
                bufId = Arrays.copyOf(bufId, bufN * 2);
                bufTime = Arrays.copyOf(bufTime, bufN * 2);
            }
            bufId[k] = id;
            bufTime[k] = 0;
            bufN++;
        }
        bufTime[k] += s;
        bufTh += s * th;
        if (refCount > 0) {
            bufHd[hd] += s;
        }
    }

    /** Time in units of tick / 2^31, rounded (s is never negative). */
    private long quantize(double s) {
        return (long) (s * scale + 0.5);
    }

    private void flush() {
        if (bufWindow < 0) {
            return;
        }
        int w = bufWindow;
        for (int k = 0; k < bufN; k++) {
            long q = quantize(bufTime[k]);
            if (q != 0) {
                int c = stateCells.cell(w, bufId[k]);
                stateCells.addPartial(c, q);
                stateCells.addSquareSmall(c, q);
            }
        }
        long thq = quantize(bufTh);
        if (thq != 0) {
            thSum[w] += thq;
            thSquare.addSquare(w, thq, false);
        }
        for (int d = 0; d <= refCount && refCount > 0; d++) {
            if (bufHd[d] != 0) {
                long q = quantize(bufHd[d]);
                if (q != 0) {
                    hdCells.addPartial(hdCells.cell(w, d), q);
                }
                bufHd[d] = 0;
            }
        }
        bufN = 0;
        bufTh = 0;
        bufWindow = -1;
    }

    /** Whole windows a to b - 1 (a >= 1: the run follows a partly covered window a - 1, whose cell counts it). */
    private void full(int a, int b, int id, int hd, double th) {
        stateCells.addAfter(stateCells.cell(a - 1, id), 1);
        if (b < windows) {
            stateCells.addDiff(stateCells.cell(b, id), -1);
        }
        if (refCount > 0) {
            hdCells.addAfter(hdCells.cell(a - 1, hd), 1);
            if (b < windows) {
                hdCells.addDiff(hdCells.cell(b, hd), -1);
            }
        }
        if (th != 0) {
            long q = (long) (th * Q + 0.5);
            thRange[a] += q;
            thRange[b] -= q;
            thRangeSquare.addSquare(a, q, false);
            thRangeSquare.addSquare(b, q, true);
        }
    }

    @Override
    public void end(int stateId) {
        flush();
        trajectories++;
    }

    /** Adds another worker's sums to this one. */
    public void merge(ProbTrajAccumulator other) {
        int[] map = states.remap(other.states);
        stateCells.addAll(other.stateCells, map);
        hdCells.addAll(other.hdCells, null);
        for (int w = 0; w < windows; w++) {
            thSum[w] += other.thSum[w];
            thSquare.addFrom(w, other.thSquare, w);
        }
        for (int w = 0; w <= windows; w++) {
            thRange[w] += other.thRange[w];
            thRangeSquare.addFrom(w, other.thRangeSquare, w);
        }
        trajectories += other.trajectories;
    }

    /**
     * The probability trajectories.
     *
     * @param labels names and orders this accumulator's states
     */
    public ProbTraj result(StateLabels labels) {
        long n = trajectories;
        double q2 = Q * Q;
        // each state's rank in label order; the label strings are built once, where rows use them
        int ns = states.size();
        int[] rank = labels.ranks(states);
        String[] names = new String[ns];
        // sweep each state's cells in window order, carrying the count of whole-window visits;
        // the first pass counts the rows of each window, the second fills arrays of exact size
        WindowCells.Sorted cells = stateCells.sorted();
        Rows rows = new Rows(windows);
        sweep(cells, rows, n, false);
        rows.allocate();
        sweep(cells, rows, n, true);
        double[][] hd = new double[windows][refCount + 1];
        if (refCount == 0) {
            // no reference node: the distance is 0 for every trajectory at every time
            for (int w = 0; w < windows; w++) {
                hd[w][0] = 1.0;
            }
        }
        WindowCells.Sorted hdSorted = hdCells.sorted();
        long[] hdCount = new long[refCount + 1];
        int[] hdNext = new int[refCount + 1];
        for (int c = 0; c < hdSorted.size(); c++) {
            int d = hdSorted.key()[c];
            int cw = hdSorted.window()[c];
            for (int w = hdNext[d]; w < cw; w++) {
                hd[w][d] += hdCount[d] / (double) n;
            }
            hdCount[d] += hdSorted.diff()[c];
            hd[cw][d] += (hdCount[d] * Q + hdSorted.partial()[c]) / Q / n;
            hdCount[d] += hdSorted.after()[c];
            hdNext[d] = cw + 1;
        }
        for (int d = 0; d <= refCount; d++) {
            for (int w = hdNext[d]; w < windows; w++) {
                hd[w][d] += hdCount[d] / (double) n;
            }
        }
        List<ProbTraj.Window> out = new ArrayList<>(windows);
        long runTh = 0;
        Int128Array runThSq = new Int128Array(1);
        for (int w = 0; w < windows; w++) {
            runTh += thRange[w];
            runThSq.addFrom(0, thRangeSquare, w);
            double thTotal = (thSum[w] + (double) runTh) / Q;
            double thSqTotal = (thSquare.toDouble(w) + runThSq.toDouble(0)) / q2;
            double th = thTotal / n;
            double thErr = stdError(thSqTotal, th, n);
            int m = rows.count[w];
            int[] keys = rows.keys[w];
            long[] sortKey = new long[m];
            for (int k = 0; k < m; k++) {
                sortKey[k] = ((long) rank[keys[k]] << 32) | k;
            }
            Arrays.sort(sortKey);
            String[] st = new String[m];
            double[] p = new double[m];
            double[] e = new double[m];
            double h = 0;
            for (int k = 0; k < m; k++) {
                int src = (int) sortKey[k];
                int id = keys[src];
                if (names[id] == null) {
                    names[id] = labels.label(states, id);
                }
                st[k] = names[id];
                p[k] = rows.proba[w][src];
                e[k] = rows.error[w][src];
                if (p[k] > 0) {
                    h -= p[k] * CompiledLog.log2(p[k]);
                }
            }
            out.add(new ProbTraj.Window(w * tick, th, thErr, h, hd[w], st, p, e));
            rows.release(w);
        }
        return new ProbTraj(n, refCount, out);
    }

    private void sweep(WindowCells.Sorted cells, Rows rows, long n, boolean fill) {
        double q2 = Q * Q;
        int size = cells.size();
        int[] keys = cells.key();
        int[] wins = cells.window();
        int i = 0;
        while (i < size) {
            int key = keys[i];
            long count = 0;
            int w = 0;
            int j = i;
            while (j < size && keys[j] == key) {
                int cw = wins[j];
                if (count != 0) {
                    for (; w < cw; w++) {
                        rows.add(w, key, count * Q, count * q2, n, fill);
                    }
                }
                count += cells.diff()[j];
                double sum = count * Q + cells.partial()[j];
                if (sum != 0) {
                    rows.add(cw, key, sum, count * q2 + cells.square()[j], n, fill);
                }
                count += cells.after()[j];
                w = cw + 1;
                j++;
            }
            if (count != 0) {
                for (; w < windows; w++) {
                    rows.add(w, key, count * Q, count * q2, n, fill);
                }
            }
            i = j;
        }
    }

    /** Per-window rows of (state, probability, error): counted first, then filled. */
    private static final class Rows {
        final int[] count;
        final int[][] keys;
        final double[][] proba;
        final double[][] error;

        Rows(int windows) {
            count = new int[windows];
            keys = new int[windows][];
            proba = new double[windows][];
            error = new double[windows][];
        }

        void allocate() {
            for (int w = 0; w < count.length; w++) {
                keys[w] = new int[count[w]];
                proba[w] = new double[count[w]];
                error[w] = new double[count[w]];
                count[w] = 0;
            }
        }

        void add(int w, int key, double sum, double sq, long n, boolean fill) {
            int c = count[w]++;
            if (!fill) {
                return;
            }
            double p = sum / Q / n;
            keys[w][c] = key;
            proba[w][c] = p;
            error[w][c] = stdError(sq / (Q * Q), p, n);
        }

        void release(int w) {
            keys[w] = null;
            proba[w] = null;
            error[w] = null;
        }
    }

    /**
     * MaBoSS's standard error: with s the per-trajectory value (time fraction of the window),
     * var = sum(s^2) / (n - 1) - p^2 n / (n - 1), error = sqrt(var / n), 0 when var is below
     * DBL_MIN or n is 1.
     */
    static double stdError(double sumSquares, double mean, long n) {
        if (n <= 1) {
            return 0;
        }
        double var = sumSquares / (n - 1) - mean * mean * n / (n - 1);
        double v = var / n;
        return v >= Double.MIN_NORMAL ? Math.sqrt(v) : 0;
    }

    /** The state table this accumulator's ids refer to. */
    public StateTable states() {
        return states;
    }

    /** Trajectories seen. */
    public long trajectories() {
        return trajectories;
    }
}
