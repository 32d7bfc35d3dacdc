// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.concurrent.CancellationException;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.her2.predict.Predictor;

/**
 * How far a running job is, as a fraction. Predictions count their simulations, cohort runs their
 * distinct profiles, screens their profile x combination scores, tumours their simulated days. A job made of several parts run
 * one after another (a cohort's response run, then its tumour run) gives each part an equal share:
 * every {@link #start} begins the next part. A cancelled (interrupted) job stops at its next step.
 */
final class Progress implements Predictor.Listener, CohortRun.Listener {
    private final int parts;
    private int part = -1;
    private long total;
    private long done;

    /** @param parts how many times {@link #start} will be called */
    Progress(int parts) {
        this.parts = Math.max(1, parts);
    }

    @Override
    public synchronized void start(int n) {
        part = Math.min(part + 1, parts - 1);
        total = n;
        done = 0;
    }

    @Override
    public void done() {
        synchronized (this) {
            done++;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /** A job of one part that measures itself (a tumour's simulated days): {@code f} of it done, 0 to 1. */
    void at(double f) {
        synchronized (this) {
            part = 0;
            total = 1_000_000;
            done = Math.round(Math.max(0, Math.min(1, f)) * total);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /** The fraction done, 0 to 1, or null before the first part starts. */
    synchronized Double fraction() {
        if (part < 0) {
            return null;
        }
        double within = total <= 0 ? 1 : Math.min(1.0, (double) done / total);
        return (part + within) / parts;
    }
}
