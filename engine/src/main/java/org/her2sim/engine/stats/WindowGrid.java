// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

/**
 * Time windows of width {@code tick} from 0: which window a time falls in, and how an interval
 * splits over them (a first part, whole windows, a last part). The accumulators share it; one per
 * accumulator, since {@link #split} leaves its answer in fields. Not thread-safe.
 */
final class WindowGrid {
    final double tick;
    final int windows;
    private final double invTick;

    /** The last split: first window and the time in it; whole windows {@code [wholeFrom, wholeTo)}; last window (-1: none) and its time. */
    int first;
    double firstPart;
    int wholeFrom;
    int wholeTo;
    int last;
    double lastPart;

    WindowGrid(double tick, int windows) {
        this.tick = tick;
        this.windows = windows;
        this.invTick = 1.0 / tick;
    }

    /** The window of time {@code t}: {@code [w tick, (w + 1) tick)}, exact at the boundaries. */
    int window(double t) {
        int w = (int) (t * invTick);
        if ((w + 1) * tick <= t) {
            w++;
        } else if (w > 0 && w * tick > t) {
            w--;
        }
        return w;
    }

    /** Splits {@code [t0, t1)}, {@code t1 > t0}; false when it starts after the last window. */
    boolean split(double t0, double t1) {
        int w0 = window(t0);
        if (w0 >= windows) {
            return false;
        }
        first = w0;
        last = -1;
        double end0 = (w0 + 1) * tick;
        if (t1 <= end0) {
            firstPart = t1 - t0;
            wholeFrom = 0;
            wholeTo = 0;
            return true;
        }
        firstPart = end0 - t0;
        int w1 = window(t1);
        wholeFrom = w0 + 1;
        wholeTo = Math.min(w1, windows);
        if (w1 < windows) {
            double s = t1 - w1 * tick;
            if (s > 0) {
                last = w1;
                lastPart = s;
            }
        }
        return true;
    }
}
