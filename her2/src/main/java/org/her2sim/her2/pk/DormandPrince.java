// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

/**
 * An adaptive explicit Runge-Kutta integrator: Dormand and Prince's 5(4) pair (Dormand &amp;
 * Prince 1980), advancing with the 5th-order solution and estimating the error from the
 * embedded 4th-order one. A step is accepted when the RMS over components of
 * {@code err_i / (atol + rtol max(|y_i|, |y_i new|))} is at most 1; the next step is
 * {@code h 0.9 err^(-1/5)}, kept within 0.2 to 5 times the last. Steps end exactly at the
 * requested time, so callers integrate from event to event (doses, infusion starts and ends).
 */
final class DormandPrince {
    /** The right-hand side dy/dt = f(t, y). */
    interface Rhs {
        void derivatives(double t, double[] y, double[] dydt);
    }

    private static final double C2 = 1.0 / 5;
    private static final double C3 = 3.0 / 10;
    private static final double C4 = 4.0 / 5;
    private static final double C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40;
    private static final double A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45;
    private static final double A42 = -56.0 / 15;
    private static final double A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561;
    private static final double A52 = -25360.0 / 2187;
    private static final double A53 = 64448.0 / 6561;
    private static final double A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168;
    private static final double A62 = -355.0 / 33;
    private static final double A63 = 46732.0 / 5247;
    private static final double A64 = 49.0 / 176;
    private static final double A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384;
    private static final double B3 = 500.0 / 1113;
    private static final double B4 = 125.0 / 192;
    private static final double B5 = -2187.0 / 6784;
    private static final double B6 = 11.0 / 84;
    // 5th minus 4th order weights
    private static final double E1 = 71.0 / 57600;
    private static final double E3 = -71.0 / 16695;
    private static final double E4 = 71.0 / 1920;
    private static final double E5 = -17253.0 / 339200;
    private static final double E6 = 22.0 / 525;
    private static final double E7 = -1.0 / 40;
    private static final long MAX_STEPS = 50_000_000L;

    private final double rtol;
    private final double atol;
    private double h;
    private long steps;

    DormandPrince(double rtol, double atol) {
        this.rtol = rtol;
        this.atol = atol;
    }

    /** Accepted steps so far. */
    long steps() {
        return steps;
    }

    /** Advances y (in place) from t0 to t1. */
    void integrate(Rhs f, double t0, double[] y, double t1) {
        int n = y.length;
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] k5 = new double[n];
        double[] k6 = new double[n];
        double[] k7 = new double[n];
        double[] tmp = new double[n];
        double[] next = new double[n];
        double t = t0;
        if (!(t1 > t0)) {
            return;
        }
        f.derivatives(t, y, k1);
        if (h <= 0) {
            h = Math.min(t1 - t0, 1e-3);
        }
        boolean rejected = false;
        while (t < t1) {
            if (++steps > MAX_STEPS) {
                throw new IllegalStateException("ODE solver: too many steps at t = " + t);
            }
            boolean last = t + h >= t1 || t1 - (t + h) < 1e-12 * Math.max(1, Math.abs(t1));
            double step = last ? t1 - t : h;
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + step * A21 * k1[i];
            }
            f.derivatives(t + C2 * step, tmp, k2);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + step * (A31 * k1[i] + A32 * k2[i]);
            }
            f.derivatives(t + C3 * step, tmp, k3);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + step * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            f.derivatives(t + C4 * step, tmp, k4);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + step * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            f.derivatives(t + C5 * step, tmp, k5);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + step * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            f.derivatives(t + step, tmp, k6);
            for (int i = 0; i < n; i++) {
                next[i] = y[i] + step * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            }
            f.derivatives(t + step, next, k7);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = step * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(next[i]));
                sum += (e / sc) * (e / sc);
            }
            double err = Math.sqrt(sum / n);
            if (!Double.isFinite(err)) {
                throw new IllegalStateException("ODE solver: non-finite state at t = " + t);
            }
            double factor = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            if (err <= 1) {
                t = last ? t1 : t + step;
                System.arraycopy(next, 0, y, 0, n);
                System.arraycopy(k7, 0, k1, 0, n);
                double proposed = step * (rejected ? Math.min(1, factor) : factor);
                // a step clipped to reach t1 says nothing against the step size learnt so far
                h = last && step < h ? Math.max(h, proposed) : proposed;
                rejected = false;
            } else {
                h = step * factor;
                rejected = true;
            }
        }
    }
}
